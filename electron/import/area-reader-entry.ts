import { workerData, type MessagePort } from 'node:worker_threads';
import { readPass } from './area-pass';
import { readerFailure, type ReaderJob, type ReaderMessage } from './area-reader';
import { areaRecord, type AreaRecord } from './boundary-check';

// The reading half of a GeoJSON areas import (area-reader.ts): parses and
// checks every feature, posting accepted areas in batches, their boundaries
// packed and moved (not copied) to the writing thread.
const { job, port, signal } = workerData as { job: ReaderJob; port: MessagePort; signal: Int32Array };

const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => {
  port.postMessage(message, transfer);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
};

/** Areas per message: enough that posting costs little, few enough that the writer starts at once. */
const BATCH = 64;

try {
  let batch: AreaRecord[] = [];
  const flush = () => {
    if (batch.length) post({ type: 'areas', areas: batch }, batch.map((a) => a.geometry.buffer as ArrayBuffer));
    batch = [];
  };
  const outcome = readPass(job.input, job.request, job.fileName, job.forced, new Set(job.existingCodes), { report: (step, fraction) => post({ type: 'progress', step, fraction }) }, (f) => {
    batch.push(areaRecord(f));
    if (batch.length >= BATCH) flush();
  });
  flush();
  post({ type: 'done', outcome });
} catch (error) {
  post(readerFailure(error));
}
