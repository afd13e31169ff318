import { describe, expect, it } from 'vitest';
import { geometryLayout, packGeometry, unpackGeometry } from '../../../shared/geo/geometry-blob';
import type { AreaGeometry } from '../../../shared/geo/types';

const square: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 0]], [[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 0.5]]] };
const parts: AreaGeometry = { type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[-1.123456789012345, 52.98765432109876], [-1, 53], [-1, 52.9], [-1.123456789012345, 52.98765432109876]]]] };

describe('geometry blobs', () => {
  it('lay out counts, then positions (worked by hand for a polygon with a hole)', () => {
    expect([...packGeometry(square)]).toEqual([1, 1, 2, 4, 4, 0, 0, 2, 0, 2, 2, 0, 0, 0.5, 0.5, 1, 0.5, 1, 1, 0.5, 0.5]);
  });

  it('give back the same geometry, every digit and the type kept', () => {
    expect(unpackGeometry(packGeometry(square))).toEqual(square);
    expect(unpackGeometry(packGeometry(parts))).toEqual(parts);
    const one: AreaGeometry = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    expect(unpackGeometry(packGeometry(one))).toEqual(one);
  });

  it('refuse doubles that are not a stored geometry', () => {
    const good = packGeometry(parts);
    expect(() => geometryLayout(good.subarray(0, good.length - 1))).toThrow(/length/);
    expect(() => geometryLayout(Float64Array.from([3, 1]))).toThrow(/unknown type/);
    expect(() => geometryLayout(Float64Array.from([1, 2, 1, 1, 0, 0, 0]))).toThrow(/polygon count/);
    expect(() => geometryLayout(Float64Array.from([1, 1, 1, 1.5, 0, 0]))).toThrow(/position count/);
    expect(() => geometryLayout(new Float64Array(0))).toThrow(/unknown type/);
  });
});
