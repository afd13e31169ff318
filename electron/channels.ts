/** IPC channel names, shared by the main process and the preload. */
export const API_CHANNEL = 'carecover:api';
export const EVENT_CHANNEL = 'carecover:event';
/** The preload turns a File the user picked or dropped into a handle the API accepts for import. */
export const GRANT_CHANNEL = 'carecover:grant-file';
/** The origin the renderer is served from in Electron (see protocol.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'carecover';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
