import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorCode } from '../shared/api/errors';

/** The bundled worker sits beside the bundled main code (dist/node); tests run from source and use the build. */
export function workerScript(name: string): string {
  const candidates = [path.join(__dirname, name), path.resolve(__dirname, '..', 'dist', 'node', name), path.resolve(__dirname, '..', '..', 'dist', 'node', name)];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The ${name} worker is not built (looked in ${candidates.join(', ')}); run npm run build.`);
  return found;
}

export interface WorkerOptions {
  onProgress?(step: string, fraction: number | null): void;
  signal?: AbortSignal;
}

/** What every CareCover worker posts: progress, then one result or one error. */
export type WorkerMessage<T> =
  | { type: 'progress'; step: string; fraction?: number | null }
  | { type: 'done'; value: T }
  | { type: 'error'; code?: ApiErrorCode; message?: string };

/**
 * Runs one job in a worker thread, so the main thread (Electron's or the
 * browser host's) stays responsive. Aborting the signal stops the worker at
 * once; work it had not committed is lost, which is what cancelling means.
 */
export function runWorker<T>(script: string, workerData: unknown, what: string, options: WorkerOptions = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ApiError('cancelled', `The ${what} was cancelled.`));
    const worker = new Worker(workerScript(script), { workerData });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      action();
      void worker.terminate();
    };
    const abort = () => finish(() => reject(new ApiError('cancelled', `The ${what} was cancelled.`)));
    options.signal?.addEventListener('abort', abort);
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'progress') options.onProgress?.(message.step, message.fraction ?? null);
      else if (message.type === 'done') finish(() => resolve(message.value));
      else finish(() => reject(new ApiError(message.code ?? 'internal', message.message ?? `The ${what} failed.`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The ${what} worker stopped (exit ${code}) before finishing.`))));
  });
}

/** Posts a worker's failure in the shape runWorker reads. */
export function workerFailure(error: unknown): WorkerMessage<never> {
  const e = error as { code?: ApiErrorCode; message?: string };
  return { type: 'error', code: e.code ?? 'internal', message: e.message ?? String(error) };
}
