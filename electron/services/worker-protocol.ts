import type { Envelope } from '../../shared/api/errors';
import type { FileUse } from './file-access';

/** What the services worker is started with. */
export interface ServiceWorkerData {
  host: 'electron' | 'web';
  userData: string;
  /** Electron: files are named by handles the main process grants (and native dialogs answer through the main thread). */
  desktop: boolean;
  /** The browser host: successful answers (not binary ones) come back as their envelope's JSON text, made here (EnvelopeJson). */
  answers: 'objects' | 'json';
}

/** An answer as it crosses from the worker: the envelope, or (answers: 'json') a successful one's JSON text as UTF-8 bytes. */
export type AnswerBody = { envelope: Envelope<unknown> } | { json: Uint8Array };

/** The main thread's asks of the services worker. */
export type ToServices =
  | { type: 'call'; id: number; method: string; payload: unknown }
  | { type: 'offer'; id: number; file: string; use: FileUse }
  | { type: 'startup'; id: number; file?: string }
  | { type: 'dialog-answer'; id: number; path: string | null }
  | { type: 'close' };

/** The worker's answers, and its asks of the main thread (dialogs exist only there). */
export type FromServices =
  | ({ type: 'answer'; id: number } & AnswerBody)
  | { type: 'dialog'; id: number; dialog: 'project'; purpose: 'open' | 'save' }
  | { type: 'dialog'; id: number; dialog: 'export'; fileName: string }
  /** A first-screen answer made ready as the project opened (worker-entry.ts), handed over before the page asks. */
  | ({ type: 'ready'; method: string; request: unknown } & AnswerBody)
  | { type: 'internal-error'; message: string; stack?: string }
  | { type: 'closed' };
