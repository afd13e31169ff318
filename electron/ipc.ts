import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { ApiHandlers } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import type { Envelope } from '../shared/api/errors';
import { API_CHANNEL } from './channels';
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
