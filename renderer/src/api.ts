import type { AppEvent, DesktopBridge } from '../../shared/api/bridge';
import { createClient, type Transport } from '../../shared/api/client';
import type { Api } from '../../shared/api/contract';
import { BINARY_ANSWER, type Envelope } from '../../shared/api/errors';

declare global {
  interface Window {
    /** Present only in Electron, put there by the preload. */
    carecover?: DesktopBridge;
  }
}

const TOKEN_KEY = 'carecover.token';
const TOKEN_HEADER = 'x-carecover-token';

/**
 * The browser host hands the page its per-launch token in the URL fragment
 * (never sent to a server, never in logs). Keep it for reloads of this tab and
 * take it out of the address bar.
 */
function browserHostToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpTransport(): Transport {
  const token = browserHostToken();
  return async (method, request) => {
    let response: Response;
    try {
      response = await fetch(`api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(request),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'CareCover is not answering: is the host still running?' } };
    }
    try {
      // The area layer comes as its bytes (electron/host/server.ts); every other answer is a JSON envelope.
      if (response.ok && response.headers.get('Content-Type') === BINARY_ANSWER) return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `CareCover answered ${response.status} ${response.statusText}.` } };
    }
  };
}

function ipcTransport(bridge: DesktopBridge): Transport {
  return (method, request) => bridge.api[method](request);
}

const bridge = window.carecover;
export const api: Api = createClient(bridge ? ipcTransport(bridge) : httpTransport());

/** App events from the native menu; the browser host has none. */
export function onAppEvent(listener: (event: AppEvent) => void): () => void {
  return bridge ? bridge.onEvent(listener) : () => {};
}

/**
 * Makes a picked or dropped file readable by the import services: in Electron
 * it is already on disk and the main process hands back a handle for it; the
 * browser host receives a copy of its bytes.
 */
export async function stageFile(file: File): Promise<{ path: string; fileName: string }> {
  if (bridge) return { path: await bridge.fileHandle(file), fileName: file.name };
  const response = await fetch(`upload?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: sessionStorage.getItem(TOKEN_KEY) ?? '' },
    body: file,
  });
  const envelope = (await response.json()) as Envelope<{ path: string; fileName: string }>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}
