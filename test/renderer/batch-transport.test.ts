import { afterEach, describe, expect, it, vi } from 'vitest';
import { BATCH_ANSWER, FRAME_BYTES, FRAME_JSON, frameHeader } from '../../shared/api/batch';
import type { Transport } from '../../shared/api/client';
import { httpBatch } from '../../renderer/src/batch-transport';

const bytesOf = (frames: [number, 0 | 1, Uint8Array][]) => Uint8Array.from(frames.flatMap(([i, kind, payload]) => [...frameHeader(i, kind, payload.length), ...payload]));
const json = (value: unknown) => Uint8Array.from(Buffer.from(JSON.stringify(value)));

/** A fetch answering with these bytes, in pieces of `piece` bytes (the batch's answer as a stream). */
function answering(bytes: Uint8Array, piece: number, init: ResponseInit = { headers: { 'Content-Type': BATCH_ANSWER } }) {
  const sent: RequestInit[] = [];
  vi.stubGlobal('fetch', (_url: string, request: RequestInit) => {
    sent.push(request);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += piece) controller.enqueue(bytes.slice(at, at + piece));
        controller.close();
      },
    });
    return Promise.resolve(new Response(stream, init));
  });
  return sent;
}

/** The one-call transport, answering with where it was asked. */
function single() {
  const asked: string[] = [];
  const transport: Transport = (method) => {
    asked.push(method);
    return Promise.resolve({ ok: true, value: `${method} on its own` });
  };
  return { asked, transport };
}

afterEach(() => vi.unstubAllGlobals());

describe('the browser host batch transport', () => {
  it('sends the calls in one request and settles each with its own frame, whatever order and pieces they come in', async () => {
    const sent = answering(
      bytesOf([
        [1, FRAME_BYTES, Uint8Array.from([1, 2, 3])],
        [0, FRAME_JSON, json({ ok: true, value: { name: 'CareCover' } })],
      ]),
      4,
    );
    const { asked, transport } = single();
    const answers = httpBatch({ 'x-token': 't' }, transport)([
      ['getAppInfo', {}],
      ['getAreaLayer', {}],
    ]);
    expect(await Promise.all(answers)).toEqual([
      { ok: true, value: { name: 'CareCover' } },
      { ok: true, value: Uint8Array.from([1, 2, 3]) },
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers).toMatchObject({ 'x-token': 't' });
    expect(JSON.parse(sent[0]!.body as string)).toEqual([
      ['getAppInfo', {}],
      ['getAreaLayer', {}],
    ]);
    expect(asked).toEqual([]);
  });

  it('sends one by one what a refused batch did not answer', async () => {
    answering(json({ ok: false, error: { code: 'bad-request', message: 'no' } }), 100, { status: 400, headers: { 'Content-Type': 'application/json' } });
    const { asked, transport } = single();
    const answers = httpBatch({}, transport)([
      ['getAppInfo', {}],
      ['getHistory', {}],
    ]);
    expect(await Promise.all(answers)).toEqual([
      { ok: true, value: 'getAppInfo on its own' },
      { ok: true, value: 'getHistory on its own' },
    ]);
    expect(asked).toEqual(['getAppInfo', 'getHistory']);
  });

  it('keeps what arrived of an answer cut short, and sends the rest one by one', async () => {
    const whole = bytesOf([
      [0, FRAME_JSON, json({ ok: true, value: 'from the batch' })],
      [1, FRAME_JSON, json({ ok: true, value: 'never whole' })],
    ]);
    answering(whole.slice(0, whole.length - 3), 5);
    const { asked, transport } = single();
    const answers = httpBatch({}, transport)([
      ['getAppInfo', {}],
      ['getHistory', {}],
    ]);
    expect(await Promise.all(answers)).toEqual([
      { ok: true, value: 'from the batch' },
      { ok: true, value: 'getHistory on its own' },
    ]);
    expect(asked).toEqual(['getHistory']);
  });

  it('sends everything one by one when the host does not answer at all', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    const { asked, transport } = single();
    expect(await Promise.all(httpBatch({}, transport)([['getProject', {}]]))).toEqual([{ ok: true, value: 'getProject on its own' }]);
    expect(asked).toEqual(['getProject']);
  });
});
