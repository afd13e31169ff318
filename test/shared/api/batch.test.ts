import { describe, expect, it } from 'vitest';
import { FRAME_BYTES, FRAME_JSON, frameHeader, FrameReader, isReadMethod } from '../../../shared/api/batch';

const text = (s: string) => Uint8Array.from(Buffer.from(s));
function framed(index: number, kind: 0 | 1, payload: Uint8Array): Uint8Array {
  return Uint8Array.from([...frameHeader(index, kind, payload.length), ...payload]);
}

describe('batch frames', () => {
  const stream = Uint8Array.from([
    ...framed(2, FRAME_JSON, text('{"ok":true,"value":1}')),
    ...framed(0, FRAME_BYTES, Uint8Array.from([9, 8, 7, 6, 5])),
    ...framed(1, FRAME_JSON, text('')), // an empty payload is still a frame
  ]);

  it('lays out a header as index, kind, length, little-endian', () => {
    expect([...frameHeader(258, FRAME_BYTES, 65536 + 3)]).toEqual([2, 1, 0, 0, 1, 3, 0, 1, 0]);
  });

  it('are read back the same whatever pieces the answer arrives in', () => {
    const whole = new FrameReader().push(stream);
    expect(whole.map((f) => [f.index, f.kind, [...f.payload]])).toEqual([
      [2, FRAME_JSON, [...text('{"ok":true,"value":1}')]],
      [0, FRAME_BYTES, [9, 8, 7, 6, 5]],
      [1, FRAME_JSON, []],
    ]);
    // Cut at every byte, and at every pair of places.
    for (let cut = 0; cut <= stream.length; cut++) {
      for (const second of [cut, Math.min(stream.length, cut + 3), stream.length]) {
        const reader = new FrameReader();
        const frames = [...reader.push(stream.slice(0, cut)), ...reader.push(stream.slice(cut, second)), ...reader.push(stream.slice(second))];
        expect(frames).toEqual(whole);
        expect(reader.pending).toBe(0);
      }
    }
  });

  it('gives each payload a buffer of its own from its start, as typed arrays need', () => {
    const [, { payload }] = new FrameReader().push(stream) as [unknown, { payload: Uint8Array }];
    expect(payload.byteOffset).toBe(0);
    expect(payload.buffer.byteLength).toBe(5);
  });

  it('hold a frame cut short, and refuse a frame of no known kind', () => {
    const reader = new FrameReader();
    expect(reader.push(stream.slice(0, 12))).toEqual([]);
    expect(reader.pending).toBe(12);
    const bad = frameHeader(0, FRAME_JSON, 0);
    bad[4] = 7;
    expect(() => new FrameReader().push(bad)).toThrow('no known kind (7)');
  });

  it('are for reads only', () => {
    expect(['getMapData', 'listProviders'].map(isReadMethod)).toEqual([true, true]);
    expect(['openProject', 'get', 'getter', 'reassignAreas', 'forget'].map(isReadMethod)).toEqual([false, false, false, false, false]);
  });
});
