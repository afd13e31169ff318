import type { ApiHandlers } from '../shared/api/contract';
import { dispatch } from '../shared/api/dispatch';
import type { Envelope } from '../shared/api/errors';

/**
 * How a host (Electron's IPC, the browser host's HTTP) reaches the services:
 * a method name and an unchecked payload in, an envelope out. In the apps the
 * services answer from their own thread (services/service-worker.ts); the CLI
 * and tests may call them in this thread.
 */
export type ApiCaller = (method: string, payload: unknown) => Promise<Envelope<unknown>>;

/**
 * An answer the services wrote out themselves as the JSON text of its whole
 * envelope, for the browser host to send as it is: the envelope's `value` in
 * what a services worker started with `answers: 'json'` gives the host. Made
 * in the worker, the text costs the host's thread nothing: no copy of the
 * answer's objects to take in and none to write out, where England's map and
 * metrics cost it some tens of milliseconds each, on the path to the first map.
 */
export class EnvelopeJson {
  constructor(readonly bytes: Uint8Array) {}
}

/** The services in this thread, validated both ways by the contract. */
export function inThisThread(handlers: ApiHandlers, onInternalError?: (error: unknown) => void): ApiCaller {
  return (method, payload) => dispatch(handlers, method, payload, onInternalError);
}
