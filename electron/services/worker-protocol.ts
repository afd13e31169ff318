import type { Envelope } from '../../shared/api/errors';
import type { FileUse } from './file-access';

/** What the services worker is started with. */
export interface ServiceWorkerData {
  host: 'electron' | 'web';
  userData: string;
  /** Electron: files are named by handles the main process grants (and native dialogs answer through the main thread). */
  desktop: boolean;
}

/** The main thread's asks of the services worker. */
export type ToServices =
  | { type: 'call'; id: number; method: string; payload: unknown }
  | { type: 'offer'; id: number; file: string; use: FileUse }
  | { type: 'startup'; id: number; file?: string }
  | { type: 'dialog-answer'; id: number; path: string | null }
  | { type: 'close' };

/** The worker's answers, and its asks of the main thread (dialogs exist only there). */
export type FromServices =
  | { type: 'answer'; id: number; envelope: Envelope<unknown> }
  | { type: 'dialog'; id: number; dialog: 'project'; purpose: 'open' | 'save' }
  | { type: 'dialog'; id: number; dialog: 'export'; fileName: string }
  /** A first-screen answer made ready as the project opened (worker-entry.ts), handed over before the page asks. */
  | { type: 'ready'; method: string; request: unknown; envelope: Envelope<unknown> }
  | { type: 'internal-error'; message: string; stack?: string }
  | { type: 'closed' };
