import { ApiError, type Envelope } from './errors';
import { contract, type ApiHandlers } from './contract';
import { isApiMethod } from './methods';
import type { z } from 'zod';

/** Messages can quote what was sent: never more than this of it back. */
const MAX_MESSAGE = 1000;
function clip(text: string): string {
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}… (${(text.length - MAX_MESSAGE).toLocaleString('en-GB')} more characters)` : text;
}

/** Every error envelope, with its message and details cut to a readable length. */
function clipped(envelope: Envelope<unknown>): Envelope<unknown> {
  if (envelope.ok) return envelope;
  const { message, details, ...rest } = envelope.error;
  return { ok: false, error: { ...rest, message: clip(message), ...(details ? { details: details.slice(0, 50).map(clip) } : {}) } };
}

function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length ? issue.path.map(String).join('.') : '(request)';
    return `${where}: ${issue.message}`;
  });
}

/**
 * Validates a request against the contract and runs its handler. Whatever the
 * input or the handler does, the result is an envelope: hosts never crash on a
 * malformed request and never leak a raw exception.
 */
export async function dispatch(
  handlers: ApiHandlers,
  method: string,
  payload: unknown,
  onInternalError: (error: unknown) => void = () => {},
): Promise<Envelope<unknown>> {
  return clipped(await answer(handlers, method, payload, onInternalError));
}

async function answer(handlers: ApiHandlers, method: string, payload: unknown, onInternalError: (error: unknown) => void): Promise<Envelope<unknown>> {
  if (typeof method !== 'string' || !isApiMethod(method)) {
    return { ok: false, error: { code: 'unknown-method', message: `There is no API method called "${String(method)}".` } };
  }
  const spec = contract[method];
  const parsed = spec.request.safeParse(payload ?? {});
  if (!parsed.success) {
    const details = describeIssues(parsed.error);
    return { ok: false, error: { code: 'bad-request', message: `Malformed request to ${method}: ${details.join('; ')}`, details } };
  }
  try {
    const handler = handlers[method] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    // Checking the response too catches a service that drifted from the contract.
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      onInternalError(new Error(`${method} answered outside its contract: ${describeIssues(checked.error).join('; ')}`));
      return { ok: false, error: { code: 'internal', message: `${method} produced an answer the app could not read.` } };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    onInternalError(error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
  }
}
