import { parentPort, workerData } from 'node:worker_threads';
import type { ExportRequest } from '../../shared/export/request';
import { createServices } from '../services';
import { cancellationCheck, workerFailure, type WorkerMessage } from '../workers';
import { produceExport } from './service';

// Runs one export away from the main thread (Electron's or the browser host's),
// on its own read connection to the project.
interface Job {
  projectFile: string;
  userData: string;
  request: ExportRequest;
  cancel: Int32Array;
}

type Message = WorkerMessage<{ fileName: string; mimeType: string; bytes: Uint8Array }>;
const post = (message: Message, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function main(job: Job): Promise<void> {
  const checkCancelled = cancellationCheck(job.cancel, 'export');
  const services = createServices({ host: 'web', userData: job.userData });
  try {
    post({ type: 'progress', step: 'Reading the project' });
    await services.session.open(job.projectFile, { remember: false });
    checkCancelled();
    post({ type: 'progress', step: 'Drawing' });
    const file = await produceExport(services, job.request);
    checkCancelled();
    const bytes = new Uint8Array(file.bytes);
    post({ type: 'done', value: { fileName: file.fileName, mimeType: file.mimeType, bytes } }, [bytes.buffer as ArrayBuffer]);
  } finally {
    services.close();
  }
}

main(workerData as Job).catch((error: unknown) => post(workerFailure(error)));
