import { ApiError, type Envelope } from './errors';
import type { Api } from './contract';
import { API_METHODS, type ApiMethod } from './methods';

/** Carries one call to a host and brings back its envelope (IPC in Electron, HTTP in the browser host). */
export type Transport = (method: ApiMethod, request: unknown) => Promise<Envelope<unknown>>;

/** The renderer's typed client: the same methods whichever transport is underneath. */
export function createClient(transport: Transport): Api {
  const client = {} as Record<ApiMethod, (request: unknown) => Promise<unknown>>;
  for (const method of API_METHODS) {
    client[method] = async (request: unknown) => {
      const envelope = await transport(method, request ?? {});
      if (!envelope.ok) throw ApiError.fromBody(envelope.error);
      return envelope.value;
    };
  }
  return client as unknown as Api;
}
