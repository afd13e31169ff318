import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ApiErrorCode } from '../../shared/api/errors';
import type { ExportRequest } from '../../shared/export/request';
import type { ExportedFile } from './service';

/** The bundled worker sits beside the bundled main code (dist/node); tests run from source and use the build. */
export function workerScript(name: string): string {
  const candidates = [path.join(__dirname, name), path.resolve(__dirname, '..', '..', 'dist', 'node', name)];
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`The ${name} worker is not built (looked in ${candidates.join(', ')}); run npm run build.`);
  return found;
}

export interface WorkerOptions {
  onProgress?(step: string): void;
  signal?: AbortSignal;
}

/** Produces an export in a worker thread, reporting progress; aborting the signal stops the worker at once. */
export function exportInWorker(projectFile: string, userData: string, request: ExportRequest, options: WorkerOptions = {}): Promise<ExportedFile> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new ApiError('cancelled', 'The export was cancelled.'));
    const worker = new Worker(workerScript('export-worker.cjs'), { workerData: { projectFile, userData, request } });
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      action();
      void worker.terminate();
    };
    const abort = () => finish(() => reject(new ApiError('cancelled', 'The export was cancelled.')));
    options.signal?.addEventListener('abort', abort);
    worker.on('message', (message: { type: string; step?: string; fileName?: string; mimeType?: string; bytes?: Uint8Array; code?: ApiErrorCode; message?: string }) => {
      if (message.type === 'progress') options.onProgress?.(message.step!);
      else if (message.type === 'done') finish(() => resolve({ fileName: message.fileName!, mimeType: message.mimeType!, bytes: Buffer.from(message.bytes!) }));
      else if (message.type === 'error') finish(() => reject(new ApiError(message.code ?? 'internal', message.message ?? 'The export failed.')));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The export worker stopped (exit ${code}) before finishing.`))));
  });
}
