import type { ImportPreview, ImportRequest, ImportResult } from '../../shared/import/request';
import { runWorker, type WorkerOptions } from '../workers';

/** Checks, and in 'import' mode writes, one import in a worker thread. */
export function importInWorker(projectFile: string, request: ImportRequest, mode: 'preview' | 'import', options: WorkerOptions = {}) {
  return runWorker<{ preview: ImportPreview; result: ImportResult | null }>('import-worker.cjs', { projectFile, request, mode }, 'import', options);
}
