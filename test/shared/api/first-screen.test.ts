import { describe, expect, it } from 'vitest';
import type { Transport } from '../../../shared/api/client';
import { API_METHODS } from '../../../shared/api/methods';
import type { BatchTransport } from '../../../shared/api/batch';
import { callKey, FIRST_SCREEN_CALLS, FirstCalls } from '../../../shared/api/first-screen';

/** A transport that counts what it is asked and answers with the call's own key. */
function countingTransport() {
  const asked: string[] = [];
  const transport: Transport = (method, request) => {
    asked.push(callKey(method, request));
    return Promise.resolve({ ok: true, value: `${callKey(method, request)} #${asked.length}` });
  };
  return { asked, transport };
}

describe('the first screen calls', () => {
  it('are all methods of the API, and all reads', () => {
    for (const [method] of FIRST_SCREEN_CALLS) {
      expect(API_METHODS).toContain(method);
      expect(method).toMatch(/^(get|list)[A-Z]/);
    }
  });

  it('go out at once, and each answer is taken once by the same call', async () => {
    const { asked, transport } = countingTransport();
    const first = new FirstCalls(transport, undefined, [
      ['getMapData', {}],
      ['getPlanMetrics', { lot: 'all' }],
    ]);
    expect(asked).toEqual(['getMapData {}', 'getPlanMetrics {"lot":"all"}']);
    // A field left undefined is the same call, as JSON sends it.
    expect(await first.take('getMapData', { plan: undefined })).toEqual({ ok: true, value: 'getMapData {} #1' });
    expect(first.take('getMapData', {})).toBeUndefined();
    // Another lot is another call.
    expect(first.take('getPlanMetrics', { lot: 'chc' })).toBeUndefined();
    expect(await first.take('getPlanMetrics', { lot: 'all' })).toEqual({ ok: true, value: 'getPlanMetrics {"lot":"all"} #2' });
  });

  it('are dropped by a call that may change the project, so none is used after it', () => {
    const { transport } = countingTransport();
    const first = new FirstCalls(transport, undefined, [
      ['getProject', {}],
      ['getHistory', {}],
    ]);
    expect(first.take('getProject', {})).toBeDefined();
    expect(first.take('openProject', { path: '/elsewhere.carecover' } as never)).toBeUndefined();
    expect(first.take('getHistory', {})).toBeUndefined();
  });

  it('are dropped once the screen has loaded', () => {
    const { transport } = countingTransport();
    const first = new FirstCalls(transport, undefined, [['getSettings', {}]]);
    first.drop();
    expect(first.take('getSettings', {})).toBeUndefined();
  });

  it('go out as one batch where the host takes batches, each answer still taken by its own call', async () => {
    const { asked, transport } = countingTransport();
    const batches: string[][] = [];
    const batch: BatchTransport = (calls) => {
      batches.push(calls.map(([method, request]) => callKey(method, request)));
      return calls.map(([method], i) => Promise.resolve({ ok: true, value: `${method} from the batch, #${i}` }));
    };
    const first = new FirstCalls(transport, batch, [
      ['getMapData', {}],
      ['getHistory', {}],
    ]);
    expect(batches).toEqual([['getMapData {}', 'getHistory {}']]);
    expect(asked).toEqual([]);
    expect(await first.take('getHistory', {})).toEqual({ ok: true, value: 'getHistory from the batch, #1' });
    expect(await first.take('getMapData', {})).toEqual({ ok: true, value: 'getMapData from the batch, #0' });
  });
});
