import type { AppEvent } from '../../shared/api/bridge';
import { createClient } from '../../shared/api/client';
import type { Api } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { takeFirstCall } from './first-calls';
import { bridge, hostToken, hostTransport, TOKEN_HEADER } from './transport';

/** The typed API; the first screen's calls are answered by those already under way (first-calls.ts). */
export const api: Api = createClient((method, request) => takeFirstCall(method, request) ?? hostTransport(method, request));

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
    headers: { 'Content-Type': 'application/octet-stream', [TOKEN_HEADER]: hostToken },
    body: file,
  });
  const envelope = (await response.json()) as Envelope<{ path: string; fileName: string }>;
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value;
}
