import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeDeltas, encodeDeltas } from '../../../shared/geo/varint';

describe('encodeDeltas', () => {
  it('writes zigzagged deltas a byte each while they are small', () => {
    // Deltas 0, +1, +1, -1 zigzag to 0, 2, 2, 1.
    expect([...encodeDeltas(Int32Array.from([0, 1, 2, 1]))]).toEqual([0, 2, 2, 1]);
    // -64 zigzags to 127 (one byte), -65 to 129 (two), +200 to 400 = 0x190 (two: 0x90, 0x03).
    expect([...encodeDeltas(Int32Array.from([-64]))]).toEqual([0x7f]);
    expect([...encodeDeltas(Int32Array.from([-65]))]).toEqual([0x81, 0x01]);
    expect([...encodeDeltas(Int32Array.from([200]))]).toEqual([0x90, 0x03]);
  });

  it('decodes what it encodes, for any int32 values, in at most five bytes each', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 200 }), (list) => {
        const values = Int32Array.from(list);
        const bytes = encodeDeltas(values);
        expect(bytes.length).toBeLessThanOrEqual(5 * values.length);
        expect([...decodeDeltas(bytes, values.length)]).toEqual([...values]);
      }),
    );
  });
});
