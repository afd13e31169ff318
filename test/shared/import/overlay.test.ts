import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../../shared/geo/types';
import { assignByOverlap } from '../../../shared/import/overlay';
import { geometries } from '../../fixtures/small-plan';

const box = (west: number, east: number): AreaGeometry => ({ type: 'Polygon', coordinates: [[[west, 52.59], [east, 52.59], [east, 52.66], [west, 52.66], [west, 52.59]]] });

describe('assignByOverlap', () => {
  // Areas are 0.05° squares from -1.3 (A1, A2, B1, C1 in a row; D1 at -1.0; E1 at -0.7).
  // X covers A1, A2 and the west 30% of B1; Y the next 40% of B1; Z only touches C1's east edge.
  const zones = [
    { id: 'X', geometry: box(-1.31, -1.185) },
    { id: 'Y', geometry: box(-1.185, -1.165) },
    { id: 'Z', geometry: box(-1.1, -1.05) },
  ];
  const result = assignByOverlap(geometries, zones);

  it('gives each area to the zone covering most of it', () => {
    expect(result.assignments.get('A1')).toBe('X');
    expect(result.assignments.get('A2')).toBe('X');
    expect(result.assignments.get('B1')).toBe('Y');
  });

  it('reports an area no zone covers more than half of, with the share it went by', () => {
    expect(result.ambiguous).toHaveLength(1);
    expect(result.ambiguous[0]).toMatchObject({ area: 'B1', zone: 'Y' });
    expect(result.ambiguous[0]!.share).toBeCloseTo(0.4, 3);
  });

  it('leaves out areas no zone covers, even one a zone only touches along an edge', () => {
    expect(result.outside.sort()).toEqual(['C1', 'D1', 'E1']);
    expect(result.assignments.has('C1')).toBe(false);
  });
});
