import { parentPort, workerData } from 'node:worker_threads';
import type { ExportRequest } from '../../shared/export/request';
import { createServices } from '../services';
import { produceExport } from './service';

// Runs one export away from the main thread (Electron's or the browser host's),
// on its own read connection to the project.
interface Job {
  projectFile: string;
  userData: string;
  request: ExportRequest;
}

async function main(job: Job): Promise<void> {
  const services = createServices({ host: 'web', userData: job.userData });
  try {
    parentPort!.postMessage({ type: 'progress', step: 'Reading the project' });
    await services.session.open(job.projectFile, { remember: false });
    parentPort!.postMessage({ type: 'progress', step: 'Drawing' });
    const file = await produceExport(services, job.request);
    const bytes = new Uint8Array(file.bytes);
    parentPort!.postMessage({ type: 'done', fileName: file.fileName, mimeType: file.mimeType, bytes }, [bytes.buffer]);
  } finally {
    services.close();
  }
}

main(workerData as Job).catch((error: unknown) => {
  const e = error as { code?: string; message?: string };
  parentPort!.postMessage({ type: 'error', code: e.code ?? 'internal', message: e.message ?? String(error) });
});
