import { describe, expect, it } from 'vitest';
import { decodeTopology, encodeTopology } from '../../../electron/store/area-cache';
import { EdgeTopology } from '../../../shared/geo/borders';
import { geometries } from '../../fixtures/small-plan';

describe('the stored topology', () => {
  it('decodes the same wherever SQLite hands back its bytes, aligned or not', () => {
    const packed = new EdgeTopology(geometries).pack();
    const encoded = encodeTopology(packed);
    for (const shift of [0, 3, 8]) {
      const buffer = new Uint8Array(encoded.length + shift);
      buffer.set(encoded, shift);
      const decoded = decodeTopology(buffer.subarray(shift));
      expect(decoded.codes).toEqual(packed.codes);
      expect(Array.from(decoded.vertices)).toEqual(Array.from(packed.vertices));
      expect(Array.from(decoded.positions)).toEqual(Array.from(packed.positions));
    }
  });
});
