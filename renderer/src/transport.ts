import type { DesktopBridge } from '../../shared/api/bridge';
import type { BatchTransport } from '../../shared/api/batch';
import type { Transport } from '../../shared/api/client';
import { BINARY_ANSWER, type Envelope } from '../../shared/api/errors';
import { httpBatch } from './batch-transport';

// How a call reaches the services, with nothing of the contract's validator or
// the UI: the first calls (first-calls.ts) go out through it before the rest of
// the page has been evaluated.

declare global {
  interface Window {
    /** Present only in Electron, put there by the preload. */
    carecover?: DesktopBridge;
  }
}

const TOKEN_KEY = 'carecover.token';
export const TOKEN_HEADER = 'x-carecover-token';

/**
 * The browser host hands the page its per-launch token in the URL fragment
 * (never sent to a server, never in logs). It is kept in the tab's history
 * entry, which a reload keeps (as it would session storage, whose first use
 * costs the page's start some 30 ms), and taken out of the address bar once
 * the first calls have gone out.
 */
function browserHostToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return (history.state as Record<string, unknown> | null)?.[TOKEN_KEY]?.toString() ?? '';
  const token = decodeURIComponent(match[1]!);
  setTimeout(() => history.replaceState({ [TOKEN_KEY]: token }, '', window.location.pathname + window.location.search));
  return token;
}

function httpTransport(token: string): Transport {
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

/** The desktop bridge in Electron (put there by the preload), else none. */
export const bridge = window.carecover;

/** IPC through the preload in Electron, HTTP to the browser host otherwise. */
/** The browser host's token (empty in Electron, whose calls go by IPC). */
export const hostToken = bridge ? '' : browserHostToken();
export const hostTransport: Transport = bridge ? ipcTransport(bridge) : httpTransport(hostToken);

/** Batches of reads, where the host takes them: the browser host does; in Electron each call is its own IPC message, cheap enough. */
export const hostBatch: BatchTransport | undefined = bridge ? undefined : httpBatch({ [TOKEN_HEADER]: hostToken }, hostTransport);
