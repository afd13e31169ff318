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

/** The services in this thread, validated both ways by the contract. */
export function inThisThread(handlers: ApiHandlers, onInternalError?: (error: unknown) => void): ApiCaller {
  return (method, payload) => dispatch(handlers, method, payload, onInternalError);
}
