import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { ApiError, type ApiErrorCode } from '../../shared/api/errors';
import type { ImportRequest } from '../../shared/import/request';
import { workerScript } from '../workers';
import type { AreaInput, PassOutcome, RulesBasis } from './area-pass';
import type { AreaRecord } from './boundary-check';
import { ImportFileError } from './errors';
import { NotStreamable } from './geojson-stream';
import type { Progress } from './progress';

/**
 * Reading a GeoJSON file of areas on a second thread while this one writes
 * them. Parsing and checking each feature costs about as much as writing it
 * and matching its borders, so with the two halves on two cores an import
 * takes about as long as the slower half.
 *
 * The writer's side is synchronous on purpose: the whole import is one SQLite
 * transaction (better-sqlite3's are synchronous), so this thread waits on a
 * shared counter the reader bumps after each message and takes the messages
 * with receiveMessageOnPort, never returning to the event loop mid-transaction.
 */

/** What the reading thread is given. */
export interface ReaderJob {
  input: Extract<AreaInput, { kind: 'stream' }>;
  request: ImportRequest;
  fileName: string;
  forced: RulesBasis | null;
  existingCodes: string[];
}

/** What the reading thread posts. */
export type ReaderMessage =
  | { type: 'areas'; areas: AreaRecord[] }
  | { type: 'progress'; step: string; fraction: number | null }
  | { type: 'done'; outcome: PassOutcome }
  | { type: 'failed'; kind: 'file' | 'not-streamable' | 'api' | 'other'; code?: ApiErrorCode; message: string };

/** Everything a reader's failure needs to be thrown again on the writer's side as the same kind of error. */
export function readerFailure(error: unknown): Extract<ReaderMessage, { type: 'failed' }> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof NotStreamable) return { type: 'failed', kind: 'not-streamable', message };
  if (error instanceof ImportFileError) return { type: 'failed', kind: 'file', message };
  if (error instanceof ApiError) return { type: 'failed', kind: 'api', code: error.code, message };
  return { type: 'failed', kind: 'other', message: error instanceof Error && error.stack ? error.stack : message };
}

function rethrow(failure: Extract<ReaderMessage, { type: 'failed' }>): never {
  if (failure.kind === 'not-streamable') throw new NotStreamable(failure.message);
  if (failure.kind === 'file') throw new ImportFileError(failure.message);
  if (failure.kind === 'api') throw new ApiError(failure.code ?? 'internal', failure.message);
  throw new Error(`Reading the boundary file failed: ${failure.message}`);
}

/** A reader that has posted nothing for this long has stopped (it posts progress every 2,000 features). */
const SILENCE_MS = 120_000;

/**
 * Reads and checks `job`'s file on a second thread, handing each accepted
 * area to `accept` on this one, in the file's order; returns what the pass
 * found. Progress goes to `progress` (which may throw to cancel: the reader
 * is then stopped).
 */
export function readInThread(job: ReaderJob, accept: (area: AreaRecord) => void, progress: Progress): PassOutcome {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerScript('area-reader.cjs'), { workerData: { job, port: port2, signal }, transferList: [port2] });
  try {
    for (;;) {
      const message = next(port1, signal);
      if (message.type === 'areas') message.areas.forEach(accept);
      else if (message.type === 'progress') progress.report(message.step, message.fraction);
      else if (message.type === 'done') return message.outcome;
      else rethrow(message);
    }
  } finally {
    port1.close();
    // Outside SQLite and holding nothing shared: safe to stop at any point.
    void worker.terminate();
  }
}

function next(port: MessagePort, signal: Int32Array): ReaderMessage {
  let waited = 0;
  for (;;) {
    const posted = Atomics.load(signal, 0);
    const received = receiveMessageOnPort(port);
    if (received) return received.message as ReaderMessage;
    const started = Date.now();
    Atomics.wait(signal, 0, posted, 1000);
    waited += Date.now() - started;
    if (waited > SILENCE_MS) throw new Error(`The thread reading the boundary file stopped answering (nothing for ${SILENCE_MS / 1000} s).`);
  }
}
