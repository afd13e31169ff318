import { isReadMethod, type BatchTransport } from './batch';
import type { Transport } from './client';
import type { Envelope } from './errors';
import type { ApiMethod } from './methods';

/**
 * What the main screen asks for first: the app and the project open in it
 * (renderer/src/useProject.ts), and when one is, the area layer, the plan's
 * map and metrics, providers, settings and history. The worker makes
 * these answers ready while the window loads (electron/services/worker-entry.ts),
 * and the page asks for them before anything else of it runs
 * (renderer/src/first-calls.ts, through FirstCalls below), so the first map
 * waits on neither side.
 */
export const FIRST_SCREEN_CALLS = [
  ['getAppInfo', {}],
  ['getProject', {}],
  ['listRecentProjects', {}],
  ['getAreaLayer', { overview: true }],
  ['getMapData', {}],
  ['getPlanMetrics', { lot: 'all' }],
  ['listProviders', {}],
  ['getSettings', {}],
  ['getHistory', {}],
] as const satisfies readonly (readonly [ApiMethod, object])[];

/** One key per call: the method and its request as sent (absent fields dropped, as JSON drops them). */
export function callKey(method: ApiMethod, request: unknown): string {
  return `${method} ${JSON.stringify(request ?? {})}`;
}

/**
 * The first screen's calls, sent at once, as one batch where the host takes
 * batches (the browser host, shared/api/batch.ts), else each through
 * `transport`; each answer is taken once by the call that asks for it. A call
 * that may change the project (not a read) drops what is left, so no answer
 * from before it is ever used after it; so does drop(), once the screen has
 * loaded.
 */
export class FirstCalls {
  private readonly underWay: Map<string, Promise<Envelope<unknown>>>;

  constructor(transport: Transport, batch?: BatchTransport, calls: readonly (readonly [ApiMethod, object])[] = FIRST_SCREEN_CALLS) {
    const answers = batch ? batch(calls) : calls.map(([method, request]) => transport(method, request));
    this.underWay = new Map(calls.map(([method, request], i) => [callKey(method, request), answers[i]!]));
  }

  /** The answer of a call already under way, taken once; else undefined, and the caller asks the host. */
  take(method: ApiMethod, request: unknown): Promise<Envelope<unknown>> | undefined {
    if (this.underWay.size === 0) return undefined;
    if (!isReadMethod(method)) {
      this.underWay.clear();
      return undefined;
    }
    const key = callKey(method, request);
    const answer = this.underWay.get(key);
    this.underWay.delete(key);
    return answer;
  }

  drop(): void {
    this.underWay.clear();
  }
}
