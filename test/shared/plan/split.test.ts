import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../../../shared/geo/types';
import { areaCentre, splitAreas } from '../../../shared/plan/split';
import { geometries, square } from '../../fixtures/small-plan';

describe('areaCentre', () => {
  it("is a square's middle, whichever way its ring runs", () => {
    const [x, y] = areaCentre(square(-1.3));
    expect(x).toBeCloseTo(-1.275, 12);
    expect(y).toBeCloseTo(52.625, 9); // cross products of absolute coordinates: micrometres of rounding
    const ring = (square(-1.3) as { coordinates: number[][][] }).coordinates[0]!;
    const reversed: AreaGeometry = { type: 'Polygon', coordinates: [[...ring].reverse()] };
    expect(areaCentre(reversed)[0]).toBeCloseTo(-1.275, 12);
  });

  it('weights the polygons of a multipolygon by their area', () => {
    // A 2×2 square centred at (1, 1) and a 1×1 one centred at (10.5, 0.5): (4·1 + 1·10.5) / 5 = 2.9, (4·1 + 1·0.5) / 5 = 0.9.
    const geometry: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]],
        [[[10, 0], [11, 0], [11, 1], [10, 1], [10, 0]]],
      ],
    };
    const [x, y] = areaCentre(geometry);
    expect(x).toBeCloseTo(2.9, 12);
    expect(y).toBeCloseTo(0.9, 12);
  });
});

describe('splitAreas', () => {
  const four = new Map([...geometries].filter(([code]) => ['A1', 'A2', 'B1', 'C1'].includes(code)));

  it('moves the areas left of a drawn line (west of a line drawn northwards)', () => {
    expect(splitAreas(four, { type: 'line', coordinates: [[-1.2, 52.5], [-1.2, 52.7]] })).toEqual(['A1', 'A2']);
    // Drawn southwards, the left is the east.
    expect(splitAreas(four, { type: 'line', coordinates: [[-1.2, 52.7], [-1.2, 52.5]] })).toEqual(['B1', 'C1']);
  });

  it('moves the areas whose centre a drawn polygon holds, closed or not', () => {
    const open = [[-1.26, 52.6], [-1.16, 52.6], [-1.16, 52.65], [-1.26, 52.65]];
    expect(splitAreas(four, { type: 'polygon', coordinates: open })).toEqual(['A2', 'B1']);
    expect(splitAreas(four, { type: 'polygon', coordinates: [...open, open[0]!] })).toEqual(['A2', 'B1']);
  });
});
