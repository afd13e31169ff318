import { parentPort, workerData } from 'node:worker_threads';
import { dispatch } from '../../shared/api/dispatch';
import { ApiError, type Envelope } from '../../shared/api/errors';
import { FIRST_SCREEN_CALLS } from '../../shared/api/first-screen';
import { FileHandles } from './file-access';
import { createServices } from './index';
import type { AnswerBody, FromServices, ServiceWorkerData, ToServices } from './worker-protocol';

// The services in their own thread: the main thread (Electron's, or the
// browser host's) only routes calls here, so a long query never freezes it.
// Calls are answered in the order they finish; each is validated both ways by
// the contract here, where the handlers are.

const options = workerData as ServiceWorkerData;
const port = parentPort!;
const post = (message: FromServices, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

const utf8 = new TextEncoder();
/**
 * An answer as the host wants it: for the browser host, a successful one as
 * its JSON text, written here (the bytes move to the host's thread, not
 * copied), so the host's thread neither takes in a copy of the answer's
 * objects nor writes them out. Errors stay objects: the host reads their code.
 */
function answerBody(envelope: Envelope<unknown>): [AnswerBody, ArrayBuffer[]] {
  if (options.answers !== 'json' || !envelope.ok || envelope.value instanceof Uint8Array) return [{ envelope }, []];
  const json = utf8.encode(JSON.stringify(envelope));
  return [{ json }, [json.buffer as ArrayBuffer]];
}
const postAnswer = (id: number, envelope: Envelope<unknown>) => {
  const [body, transfer] = answerBody(envelope);
  post({ type: 'answer', id, ...body }, transfer);
};

const dialogWaits = new Map<number, (path: string | null) => void>();
let nextDialog = 0;
type DialogAsk = { dialog: 'project'; purpose: 'open' | 'save' } | { dialog: 'export'; fileName: string };
function askMainThread(ask: DialogAsk): Promise<string | null> {
  const id = nextDialog++;
  return new Promise((resolve) => {
    dialogWaits.set(id, resolve);
    post({ type: 'dialog', id, ...ask });
  });
}

const reportInternal = (error: unknown) => post({ type: 'internal-error', message: error instanceof Error ? error.message : String(error), stack: (error as Error)?.stack });

const services = createServices({
  host: options.host,
  userData: options.userData,
  ...(options.desktop
    ? {
        files: new FileHandles(),
        dialogs: {
          chooseProjectFile: (purpose: 'open' | 'save') => askMainThread({ dialog: 'project', purpose }),
          chooseExportFile: (fileName: string) => askMainThread({ dialog: 'export', fileName }),
        },
      }
    : {}),
});

/** The main thread's own asks (not API calls), answered in the same envelope. */
async function internal(act: () => unknown): Promise<Envelope<unknown>> {
  try {
    return { ok: true, value: await act() };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    reportInternal(error);
    return { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
  }
}

/**
 * While the window loads its page, what the page asks first is made ready
 * (shared/api/first-screen.ts) and handed to the main thread as each answer
 * is made (ServiceWorker keeps them for the page's first asks), so the page's
 * calls never wait here behind the warm-up's longest piece, the metrics, when
 * they are not kept with the project (electron/store/metrics-cache.ts): then
 * the plan's inputs are read for them (a quarter of a second for England as
 * the browser starts on the other core). So that piece comes last: the area
 * layer and the map go out first, to be decoded on the page while the metrics
 * are read or made here. A call that arrives meanwhile waits at
 * most for the piece under way. What is handed over after a change was asked
 * for is not given (ReadyAnswers takes no more once one has gone through it).
 */
async function warmUp(): Promise<void> {
  const callsFirst = () => new Promise((resolve) => setImmediate(resolve));
  const madeLast = (method: string) => (method === 'getPlanMetrics' ? 1 : 0);
  for (const [method, request] of [...FIRST_SCREEN_CALLS].sort((a, b) => madeLast(a[0]) - madeLast(b[0]))) {
    if (madeLast(method)) {
      await internal(() => services.coverage.prepareMetrics());
      await callsFirst();
    }
    const envelope = await dispatch(services.handlers, method, request);
    if (envelope.ok) {
      const [body, transfer] = answerBody(envelope);
      post({ type: 'ready', method, request, ...body }, transfer);
    }
    await callsFirst();
  }
  // The first map no longer reads the areas' topology (electron/store/map-cache.ts), nor, its metrics kept, the plan's
  // inputs; the first edit does, so they are read once the first screen is drawn, not while the page, on the other core, draws it.
  setTimeout(() => void internal(() => services.coverage.prepareEditing()), EDITING_READ_AFTER_MS).unref();
}

/** How long after the first screen's answers the topology for edits is read: about as long as England's first map takes to draw. */
const EDITING_READ_AFTER_MS = 1500;

port.on('message', (message: ToServices) => {
  switch (message.type) {
    case 'call':
      void dispatch(services.handlers, message.method, message.payload, reportInternal).then((envelope) => postAnswer(message.id, envelope));
      return;
    case 'offer':
      void internal(() => services.files.offer(message.file, message.use)).then((envelope) => post({ type: 'answer', id: message.id, envelope }));
      return;
    case 'startup':
      void internal(() => services.openStartupProject(message.file)).then((envelope) => {
        post({ type: 'answer', id: message.id, envelope });
        if (envelope.ok) setImmediate(warmUp);
      });
      return;
    case 'dialog-answer':
      dialogWaits.get(message.id)?.(message.path);
      dialogWaits.delete(message.id);
      return;
    case 'close':
      services.close();
      post({ type: 'closed' });
      port.close();
      return;
  }
});
