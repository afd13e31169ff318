import path from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Envelope } from '../shared/api/errors';
import type { ApiCaller } from './api-caller';
import { API_CHANNEL, GRANT_CHANNEL } from './channels';
import type { FileUse } from './services/file-access';
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
export function registerApiIpc(ipcMain: Pick<IpcMain, 'handle'>, api: ApiCaller, isTrusted: (event: SenderEvent) => boolean): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, payload: unknown): Promise<Envelope<unknown>> => {
    if (!isTrusted(event)) {
      return { ok: false, error: { code: 'unauthorized', message: 'This page may not call CareCover.' } };
    }
    return api(String(method), payload);
  });
}

/**
 * The preload's one way to name a file for import: it sends the path webUtils
 * gave for a File the user picked or dropped (the page itself cannot reach
 * ipcRenderer, and webUtils knows no path for a File the page made up), and
 * gets back a handle the API accepts for that file only.
 */
export function registerGrantIpc(ipcMain: Pick<IpcMain, 'handle'>, files: { offer(file: string, use: FileUse): string | Promise<string> }, isTrusted: (event: SenderEvent) => boolean): void {
  ipcMain.handle(GRANT_CHANNEL, async (event, file: unknown): Promise<string | null> => {
    if (!isTrusted(event) || typeof file !== 'string' || !path.isAbsolute(file) || file.includes('\u0000')) return null;
    return files.offer(file, 'import');
  });
}
