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
  ['getAreaLayer', {}],
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
 * The first screen's calls, sent at once through `transport` and each answer
 * taken once by the call that asks for it. A call that may change the project
 * (one not named get… or list…) drops what is left, so no answer from before it
 * is ever used after it; so does drop(), once the screen has loaded.
 */
export class FirstCalls {
  private readonly underWay: Map<string, Promise<Envelope<unknown>>>;

  constructor(transport: Transport, calls: readonly (readonly [ApiMethod, object])[] = FIRST_SCREEN_CALLS) {
    this.underWay = new Map(calls.map(([method, request]) => [callKey(method, request), transport(method, request)]));
  }

  /** The answer of a call already under way, taken once; else undefined, and the caller asks the host. */
  take(method: ApiMethod, request: unknown): Promise<Envelope<unknown>> | undefined {
    if (this.underWay.size === 0) return undefined;
    if (!/^(get|list)[A-Z]/.test(method)) {
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
