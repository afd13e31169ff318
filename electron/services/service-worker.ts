import { Worker } from 'node:worker_threads';
import type { ProjectInfo } from '../../shared/api/contract';
import { ApiError, type Envelope } from '../../shared/api/errors';
import type { ApiCaller } from '../api-caller';
import { nativeBindingInUse } from '../store/native';
import { workerScript } from '../workers';
import type { FileUse } from './file-access';
import type { Dialogs } from './service-types';
import type { FromServices, ServiceWorkerData, ToServices } from './worker-protocol';

/** How often a worker that crashed is started again before the app asks to be restarted. */
const MAX_RESTARTS = 3;

export interface ServiceWorkerOptions {
  host: 'electron' | 'web';
  userData: string;
  /** Electron's native dialogs: the worker asks for them through this thread. Given, files are named by handles. */
  dialogs?: Dialogs;
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
      nativeBinding: nativeBindingInUse(),
    };
    const worker = new Worker(workerScript('services-worker.cjs'), { workerData: data });
    this.worker = worker;
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
  readonly call: ApiCaller = (method, payload) => this.ask({ type: 'call', method, payload });

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
        this.waiting.get(message.id)?.(message.envelope);
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
      case 'internal-error':
        this.options.onInternalError?.(Object.assign(new Error(message.message), { stack: message.stack }));
        return;
      case 'closed':
        return;
    }
  }
}

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;
