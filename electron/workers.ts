import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorCode } from '../shared/api/errors';
import { nativeBindingInUse } from './store/native';

/** The bundled worker sits beside the bundled main code (dist/node); tests run from source and benchmarks from dist/bench, and use the build. */
export function workerScript(name: string): string {
  const candidates = [path.join(__dirname, name), path.resolve(__dirname, '..', 'dist', 'node', name), path.resolve(__dirname, '..', 'node', name)];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The ${name} worker is not built (looked in ${candidates.join(', ')}); run npm run build.`);
  return found;
}

export interface WorkerOptions {
  /** `best`: a figure some workers report with their progress (the optimiser's best objective so far). */
  onProgress?(step: string, fraction: number | null, best?: number): void;
  signal?: AbortSignal;
}

/** What every CareCover worker posts: progress, then one result or one error. */
export type WorkerMessage<T> =
  | { type: 'progress'; step: string; fraction?: number | null; best?: number }
  | { type: 'done'; value: T }
  | { type: 'error'; code?: ApiErrorCode; message?: string };

/** How long a cancelled worker may take to wind down before it is stopped by force. */
const CANCEL_GRACE_MS = 30_000;

/**
 * Runs one job in a worker thread, so the main thread (Electron's or the
 * browser host's) stays responsive.
 *
 * A worker is never terminated while it may be inside SQLite: killing a
 * thread there can leave SQLite's process-wide locks held and hang every
 * later connection. So the worker closes its own connection and exits after
 * answering, and cancelling raises a shared flag that the worker checks at
 * its progress points (throwing, which rolls back any open transaction). The
 * caller hears "cancelled" at once; only a worker that ignores the flag for
 * CANCEL_GRACE_MS is stopped by force.
 */
export function runWorker<T>(script: string, data: Record<string, unknown>, what: string, options: WorkerOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ApiError('cancelled', `The ${what} was cancelled.`));
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(workerScript(script), { workerData: { ...data, cancel, nativeBinding: nativeBindingInUse() } });
    let settled = false;
    let exited = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      action();
    };
    const abort = () => {
      Atomics.store(cancel, 0, 1);
      finish(() => reject(new ApiError('cancelled', `The ${what} was cancelled.`)));
      setTimeout(() => exited || void worker.terminate(), CANCEL_GRACE_MS).unref();
    };
    options.signal?.addEventListener('abort', abort);
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'progress') options.onProgress?.(message.step, message.fraction ?? null, message.best);
      else if (message.type === 'done') finish(() => resolve(message.value));
      else finish(() => reject(new ApiError(message.code ?? 'internal', message.message ?? `The ${what} failed.`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => {
      exited = true;
      finish(() => reject(new Error(`The ${what} worker stopped (exit ${code}) before finishing.`)));
    });
  });
}

/** Inside a worker: throws "cancelled" once the caller has cancelled; call it at every progress point. */
export function cancellationCheck(flag: Int32Array | undefined, what: string): () => void {
  return () => {
    if (flag && Atomics.load(flag, 0) === 1) throw new ApiError('cancelled', `The ${what} was cancelled.`);
  };
}

/** Posts a worker's failure in the shape runWorker reads. */
export function workerFailure(error: unknown): WorkerMessage<never> {
  const e = error as { code?: ApiErrorCode; message?: string };
  return { type: 'error', code: e.code ?? 'internal', message: e.message ?? String(error) };
}
