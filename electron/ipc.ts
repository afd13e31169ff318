import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiHandlers } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import type { Envelope } from '../shared/api/errors';
import { API_CHANNEL, GRANT_CHANNEL } from './channels';
import type { FileAccess } from './services/file-access';
import { isAppUrl } from './window';

type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

/** Only the app's own top-level page in our own window may call the API. */
export function isTrustedSender(event: SenderEvent, window: { webContents: Pick<WebContents, 'id'> } | null): boolean {
  const frame = event.senderFrame;
  if (!window || !frame) return false;
  if (event.sender.id !== window.webContents.id) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** One IPC channel for the whole contract: every call is checked, validated, dispatched. */
export function registerApiIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: ApiHandlers,
  isTrusted: (event: SenderEvent) => boolean,
  onInternalError: (error: unknown) => void = (error) => console.error(error),
): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, payload: unknown): Promise<Envelope<unknown>> => {
    if (!isTrusted(event)) {
      return { ok: false, error: { code: 'unauthorized', message: 'This page may not call CareCover.' } };
    }
    return dispatch(handlers, String(method), payload, onInternalError);
  });
}

/**
 * The preload's one way to name a file for import: it sends the path webUtils
 * gave for a File the user picked or dropped (the page itself cannot reach
 * ipcRenderer, and webUtils knows no path for a File the page made up), and
 * gets back a handle the API accepts for that file only.
 */
export function registerGrantIpc(ipcMain: Pick<IpcMain, 'handle'>, files: FileAccess, isTrusted: (event: SenderEvent) => boolean): void {
  ipcMain.handle(GRANT_CHANNEL, (event, file: unknown): string | null => {
    if (!isTrusted(event) || typeof file !== 'string' || !path.isAbsolute(file) || file.includes('\u0000')) return null;
    return files.offer(file, 'import');
  });
}
