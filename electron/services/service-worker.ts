import { Worker } from 'node:worker_threads';
import type { ProjectInfo } from '../../shared/api/contract';
import { isReadMethod } from '../../shared/api/batch';
import { ApiError, type Envelope } from '../../shared/api/errors';
import { callKey } from '../../shared/api/first-screen';
import type { ApiMethod } from '../../shared/api/methods';
import { EnvelopeJson, type ApiCaller } from '../api-caller';
import { nativeBindingInUse } from '../store/native';
import { workerScript } from '../workers';
import type { FileUse } from './file-access';
import type { Dialogs } from './service-types';
import type { AnswerBody, FromServices, ServiceWorkerData, ToServices } from './worker-protocol';

/** How often a worker that crashed is started again before the app asks to be restarted. */
const MAX_RESTARTS = 3;

export interface ServiceWorkerOptions {
  host: 'electron' | 'web';
  userData: string;
  /** Electron's native dialogs: the worker asks for them through this thread. Given, files are named by handles. */
  dialogs?: Dialogs;
  /** 'json' for the browser host: successful answers come as EnvelopeJson, their text made in the worker. Objects by default. */
  answers?: ServiceWorkerData['answers'];
  onInternalError?: (error: unknown) => void;
}

/**
 * The services, running in a worker thread: this (main) thread only routes
 * API calls to it and its answers back, so a long query (a first map of
 * England, a plan's checks, opening a large project) never freezes Electron's
 * main process or the browser host's server.
 */
export class ServiceWorker {
  private worker!: Worker;
  private readonly waiting = new Map<number, (envelope: Envelope<unknown>) => void>();
  private nextId = 0;
  private stopped: string | null = null;
  private exited!: Promise<void>;
  private restarts = 0;
  /** First-screen answers the worker made ready as the project opened, each for the first read that asks (ReadyAnswers). */
  private ready = new ReadyAnswers();

  constructor(private readonly options: ServiceWorkerOptions) {
    this.spawn();
  }

  /**
   * Starts the worker. One that stops on its own (a crash) fails what was
   * asked of it with a clear message and is started again on the last project
   * (as last saved: every edit is saved at once), a few times at most, so the
   * app carries on rather than answering every later call with an error.
   */
  private spawn(): void {
    const data: ServiceWorkerData & { nativeBinding?: string } = {
      host: this.options.host,
      userData: this.options.userData,
      desktop: Boolean(this.options.dialogs),
      answers: this.options.answers ?? 'objects',
      nativeBinding: nativeBindingInUse(),
    };
    const worker = new Worker(workerScript('services-worker.cjs'), { workerData: data });
    this.worker = worker;
    this.ready = new ReadyAnswers();
    worker.on('message', (message: FromServices) => void this.receive(message));
    worker.on('error', (error) => this.options.onInternalError?.(error));
    this.exited = new Promise((resolve) =>
      worker.once('exit', (code) => {
        const closing = this.stopped !== null;
        const restart = !closing && this.restarts < MAX_RESTARTS;
        const message = closing
          ? this.stopped!
          : restart
            ? `CareCover's services stopped unexpectedly (exit ${code}) and were started again on your project as last saved; try that again.`
            : `CareCover's services stopped unexpectedly (exit ${code}); restart CareCover. Your project is as last saved.`;
        for (const answer of this.waiting.values()) answer({ ok: false, error: { code: 'internal', message } });
        this.waiting.clear();
        if (restart) {
          this.restarts += 1;
          this.options.onInternalError?.(new Error(`The services worker stopped (exit ${code}); started again (${this.restarts} of ${MAX_RESTARTS}).`));
          this.spawn();
          void this.ask({ type: 'startup' });
        } else this.stopped ??= message;
        resolve();
      }),
    );
  }

  /** The API, as the hosts call it: the worker validates the request and the answer against the contract. */
  readonly call: ApiCaller = (method, payload) => this.ready.take(method, payload) ?? this.ask({ type: 'call', method, payload });

  /** Electron: a handle the page may use for a file the user chose in this thread (a dialog, a drop). */
  async offer(file: string, use: FileUse): Promise<string> {
    return (await this.value(this.ask({ type: 'offer', file, use }))) as string;
  }

  /** Opens `file`, or the last project, or the first-run project (see createServices). */
  async openStartupProject(file?: string): Promise<ProjectInfo> {
    return (await this.value(this.ask({ type: 'startup', file }))) as ProjectInfo;
  }

  /** Closes the project (the worker closes its own connection) and waits for the worker to end. */
  async close(): Promise<void> {
    if (this.stopped === null) {
      this.stopped = 'CareCover is closing.';
      this.worker.postMessage({ type: 'close' } satisfies ToServices);
    }
    await this.exited;
  }

  private ask(message: DistributiveOmit<ToServices, 'id'> & { type: 'call' | 'offer' | 'startup' }): Promise<Envelope<unknown>> {
    if (this.stopped !== null) return Promise.resolve({ ok: false, error: { code: 'internal', message: this.stopped } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.worker.postMessage({ ...message, id } as ToServices);
    });
  }

  private async value(answer: Promise<Envelope<unknown>>): Promise<unknown> {
    const envelope = await answer;
    if (!envelope.ok) throw new ApiError(envelope.error.code, envelope.error.message);
    return envelope.value;
  }

  private async receive(message: FromServices): Promise<void> {
    switch (message.type) {
      case 'answer':
        this.waiting.get(message.id)?.(envelopeOf(message));
        this.waiting.delete(message.id);
        return;
      case 'dialog': {
        const dialogs = this.options.dialogs;
        let chosen: string | null = null;
        try {
          if (dialogs) chosen = message.dialog === 'project' ? await dialogs.chooseProjectFile(message.purpose) : await dialogs.chooseExportFile(message.fileName);
        } catch (error) {
          this.options.onInternalError?.(error);
        }
        this.worker.postMessage({ type: 'dialog-answer', id: message.id, path: chosen } satisfies ToServices);
        return;
      }
      case 'ready':
        this.ready.keep(message.method, message.request, envelopeOf(message));
        return;
      case 'internal-error':
        this.options.onInternalError?.(Object.assign(new Error(message.message), { stack: message.stack }));
        return;
      case 'closed':
        return;
    }
  }
}

/** An answer from the worker as the host takes it: the envelope, or one carrying its JSON text. */
const envelopeOf = (body: AnswerBody): Envelope<unknown> => ('json' in body ? { ok: true, value: new EnvelopeJson(body.json) } : body.envelope);

/**
 * Answers made before they were asked for (the first screen's, as a project
 * opens), so that the page's first calls are answered at once rather than
 * waiting behind the worker's warm-up. Each is given once, to the first read
 * that asks for it as it was made, and only if that is the first ask (one
 * made too late for an ask already sent on is not kept for a later one); any
 * call that may change the project drops them all and takes no more (an
 * answer from before a change must not follow it); and what nobody asked for
 * soon is dropped, so no answer is given long after it was made.
 */
export class ReadyAnswers {
  private readonly answers = new Map<string, Envelope<unknown>>();
  private readonly asked = new Set<string>();
  private closed = false;
  private timer: NodeJS.Timeout | null = null;

  keep(method: string, request: unknown, envelope: Envelope<unknown>): void {
    const key = callKey(method as ApiMethod, request);
    if (this.closed || this.asked.has(key)) return;
    this.answers.set(key, envelope);
    this.timer ??= setTimeout(() => this.close(), READY_FOR_MS).unref();
  }

  /** The answer kept for this call, taken; undefined when there is none (the call goes to the worker). */
  take(method: string, request: unknown): Promise<Envelope<unknown>> | undefined {
    if (this.closed) return undefined;
    if (!isReadMethod(method)) return void this.close();
    const key = callKey(method as ApiMethod, request);
    this.asked.add(key);
    const answer = this.answers.get(key);
    if (!answer) return undefined;
    this.answers.delete(key);
    return Promise.resolve(answer);
  }

  private close(): void {
    this.closed = true;
    this.answers.clear();
    this.asked.clear();
    if (this.timer) clearTimeout(this.timer);
  }
}

/** How long answers made ready as a project opens are kept for the page's first calls: far longer than its first screen takes. */
const READY_FOR_MS = 20_000;

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;
