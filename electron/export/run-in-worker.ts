import type { ExportRequest } from '../../shared/export/request';
import { runWorker, type WorkerOptions } from '../workers';
import type { ExportedFile } from './service';

/** Produces an export in a worker thread, reporting progress; aborting the signal stops the worker at once. */
export async function exportInWorker(projectFile: string, userData: string, request: ExportRequest, options: WorkerOptions = {}): Promise<ExportedFile> {
  const file = await runWorker<{ fileName: string; mimeType: string; bytes: Uint8Array }>('export-worker.cjs', { projectFile, userData, request }, 'export', options);
  return { ...file, bytes: Buffer.from(file.bytes) };
}
