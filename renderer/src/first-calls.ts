import { FirstCalls } from '../../shared/api/first-screen';
import { hostBatch, hostTransport } from './transport';

// The first screen's calls go out as this module is evaluated, from the page's
// small entry (main.tsx), before the app's chunk with React and Leaflet is
// evaluated, which would otherwise hold them back by a good part of the page's
// start (about 100 ms of the default project's first map under Playwright).

const firstCalls = new FirstCalls(hostTransport, hostBatch);

/** The answer of a first-screen call already under way, taken once (FirstCalls.take); else undefined. */
export const takeFirstCall: FirstCalls['take'] = (method, request) => firstCalls.take(method, request);

/** Drops the answers not taken: called once the workspace has loaded, so none is taken later, stale. */
export const dropFirstCalls = (): void => firstCalls.drop();
