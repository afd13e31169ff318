import { dispatch } from '../../shared/api/dispatch';
import type { Services } from '../../electron/services';

/**
 * Calls through the API's dispatcher (validation both ways, as the hosts do)
 * on whichever services `current()` returns: `call` gives the envelope,
 * `value` the answer or a thrown error with the envelope's error.
 */
export function apiCaller(current: () => Services) {
  const call = (method: string, payload: unknown) => dispatch(current().handlers, method, payload);
  async function value<T>(method: string, payload: unknown): Promise<T> {
    const result = await call(method, payload);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value as T;
  }
  return { call, value };
}
