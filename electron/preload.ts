import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import type { AppEvent, DesktopBridge } from '../shared/api/bridge';
import { API_METHODS, type ApiMethod } from '../shared/api/methods';
import { API_CHANNEL, EVENT_CHANNEL, GRANT_CHANNEL } from './channels';

// Runs sandboxed with context isolation: the page gets one function per
// contract method and one event subscription, never ipcRenderer itself.
const api = {} as DesktopBridge['api'];
for (const method of API_METHODS) {
  api[method as ApiMethod] = (request: unknown) => ipcRenderer.invoke(API_CHANNEL, method, request);
}

const bridge: DesktopBridge = {
  api,
  onEvent(listener) {
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
  async fileHandle(file) {
    const handle: unknown = await ipcRenderer.invoke(GRANT_CHANNEL, webUtils.getPathForFile(file as File));
    if (typeof handle !== 'string') throw new Error('CareCover cannot read that file; choose a file saved on this computer.');
    return handle;
  },
};

contextBridge.exposeInMainWorld('carecover', bridge);
