import { describe, expect, it } from 'vitest';
import { signedArea } from '../../../shared/geo/borders';
import { polygonsOf } from '../../../shared/geo/types';
import { checkGeometry } from '../../../shared/import/geometry-check';

const polygon = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });
const totalArea = (g: NonNullable<ReturnType<typeof checkGeometry>['geometry']>) =>
  polygonsOf(g).reduce((sum, rings) => sum + signedArea(rings[0]!) / 2 + rings.slice(1).reduce((h, r) => h + signedArea(r) / 2, 0), 0);

describe('checkGeometry', () => {
  it('passes a simple square through, oriented counter-clockwise', () => {
    const check = checkGeometry(polygon([[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]), false);
    expect(check.errors).toEqual([]);
    expect(check.repairs).toEqual([]);
    expect(signedArea(polygonsOf(check.geometry!)[0]![0]!) / 2).toBeCloseTo(1);
  });

  it('splits a ring that pinches off a hole at one point into a shell and a hole', () => {
    // Along the bottom to (2,0), round a triangle the other way (clockwise), back to (2,0), and on round the square.
    const ring = [[0, 0], [2, 0], [1, 2], [3, 2], [2, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const check = checkGeometry(polygon(ring), false);
    expect(check.errors).toEqual([]);
    expect(check.repairs).toEqual(['ring 1 touched itself at (2, 0): split into 2 rings']);
    expect(check.geometry!.type).toBe('Polygon');
    expect(polygonsOf(check.geometry!)[0]).toHaveLength(2);
    expect(totalArea(check.geometry!)).toBeCloseTo(14);
  });

  it('splits a figure of eight that touches at a point into two polygons', () => {
    const ring = [[0, 0], [1, 0], [1, 1], [2, 1], [2, 2], [1, 2], [1, 1], [0, 1], [0, 0]];
    const check = checkGeometry(polygon(ring), false);
    expect(check.errors).toEqual([]);
    expect(check.repairs).toEqual(['ring 1 touched itself at (1, 1): split into 2 rings']);
    expect(check.geometry!.type).toBe('MultiPolygon');
    expect(totalArea(check.geometry!)).toBeCloseTo(2);
  });

  it('refuses a bow-tie unless asked to repair it, then keeps both triangles', () => {
    const bowTie = polygon([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]);
    expect(checkGeometry(bowTie, false).errors).toEqual(['ring 1 crosses itself at (1, 1); repairing splits it where it crosses']);
    const repaired = checkGeometry(bowTie, true);
    expect(repaired.geometry!.type).toBe('MultiPolygon');
    expect(totalArea(repaired.geometry!)).toBeCloseTo(2);
  });

  it('removes an out-and-back spike, and refuses an edge that runs back along itself', () => {
    const spike = checkGeometry(polygon([[0, 0], [1, 0], [1, 1], [1, 3], [1, 1], [0, 1], [0, 0]]), false);
    expect(spike.repairs).toEqual(['ring 1 had 1 spike (a point the boundary went out to and straight back from): removed']);
    expect(totalArea(spike.geometry!)).toBeCloseTo(1);
    const overlap = checkGeometry(polygon([[0, 0], [3, 0], [1, 0], [1, 1], [0, 1], [0, 0]]), true);
    expect(overlap.errors[0]).toMatch(/runs back along itself .* cannot be repaired safely/);
  });

  it('drops z and m, and repeated neighbouring positions', () => {
    const check = checkGeometry(polygon([[0, 0, 5], [0, 0, 5], [0, 1, 5, 1], [1, 1, 5], [1, 0, 5], [0, 0, 5]]), false);
    expect(polygonsOf(check.geometry!)[0]![0]).toHaveLength(5);
    for (const p of polygonsOf(check.geometry!)[0]![0]!) expect(p).toHaveLength(2);
  });

  it.each([
    [null, 'has no geometry (null)'],
    [{ type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 'is a line, not a polygon'],
    [polygon([[0, 0], [0, 1], [1, Number.NaN], [0, 0]]), 'ring 1 position 3 has a coordinate that is not a number ([1,null])'],
    [polygon([[0, 0], [0, 1], [0, 0]]), 'ring 1 has only 3 positions; a ring needs at least 4 (3 corners and the closing one)'],
    [{ type: 'MultiPolygon', coordinates: [[[[0, 0], [0, 1], [1, 1], [0, 0]]], []] }, 'polygon 2 has no rings'],
  ])('reports %j', (geometry, message) => {
    expect(checkGeometry(geometry, true).errors).toEqual([message]);
  });
});
