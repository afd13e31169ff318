import { parentPort, workerData } from 'node:worker_threads';
import type { ImportPreview, ImportRequest, ImportResult } from '../../shared/import/request';
import { openProjectDb } from '../store/db';
import { cancellationCheck, workerFailure, type WorkerMessage } from '../workers';
import { runImport } from './importer';

// Reads, checks and (when asked) writes one import away from the main thread,
// on its own connection to the project: a 100 MB boundary file never freezes
// the window. Its write is one transaction, so stopping the worker part-way
// leaves the project as it was.
interface Job {
  projectFile: string;
  request: ImportRequest;
  mode: 'preview' | 'import';
  cancel: Int32Array;
}

type Message = WorkerMessage<{ preview: ImportPreview; result: ImportResult | null }>;
const post = (message: Message) => parentPort!.postMessage(message);

async function main(job: Job): Promise<void> {
  const checkCancelled = cancellationCheck(job.cancel, 'import');
  const db = await openProjectDb(job.projectFile);
  try {
    const value = await runImport(db, job.request, job.mode, {
      report: (step, fraction) => {
        checkCancelled();
        post({ type: 'progress', step, fraction });
      },
    });
    post({ type: 'done', value });
  } finally {
    db.close();
  }
}

main(workerData as Job).catch((error: unknown) => post(workerFailure(error)));
