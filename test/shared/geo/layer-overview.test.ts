import { describe, expect, it } from 'vitest';
import { packLayerBundle, unpackLayerBundle, type LayerBundle } from '../../../shared/geo/layer-bundle';
import { layerOverview } from '../../../shared/geo/layer-overview';

/**
 * Two areas side by side, A (x 0–1.2) and B (x 1.2–2), between latitudes 0
 * and 1, their shared border at x = 1.2 carrying nine vertices between its
 * ends; a tiny third area C inside A. With 2 cells along the longer side
 * (2° of longitude), the cells are 1° square: columns split at x = 1 and 2,
 * rows at latitude 1 and (a hair below) 0, so every vertex strictly between
 * latitudes 0 and 1 is in row 0 and the vertices at latitude 0 in row 1.
 */
function sample(): LayerBundle {
  const positions: number[] = [0, 0, 1.2, 0];
  for (let i = 1; i <= 9; i++) positions.push(1.2, i / 10); // vertices 2–10
  positions.push(1.2, 1, 0, 1, 2, 0, 2, 1); // 11, 12, 13, 14
  positions.push(0.3, 0.7, 0.35, 0.7, 0.3, 0.75); // 15–17: C
  const ringA = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  const ringB = [1, 13, 14, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2];
  const ringC = [15, 16, 17];
  return {
    revision: 'r1',
    ringArea: Int32Array.from([0, 1, 2]),
    ringOuter: Uint8Array.from([1, 1, 1]),
    ringStart: Int32Array.from([0, 13, 26, 29]),
    vertices: Int32Array.from([...ringA, ...ringB, ...ringC]),
    positions: Float32Array.from(positions),
    areas: { codes: ['A', 'B', 'C'], names: ['Ay', 'Bee', 'Cee'], districts: ['D', 'D', 'D'] },
    districtOutlines: [{ code: 'D', name: 'Dee', lines: Float32Array.from([0, 0, 1.2, 0, 1.2, 0.1, 1.2, 0.5, 1.2, 1, NaN, NaN, 0, 1, 0.1, 1]) }],
  };
}

const ring = (layer: LayerBundle, k: number) => Array.from(layer.vertices.subarray(layer.ringStart[k]!, layer.ringStart[k + 1]!));
const points = (layer: LayerBundle, k: number) => ring(layer, k).map((v) => [layer.positions[2 * v]!, layer.positions[2 * v + 1]!].map((n) => Math.round(n * 100) / 100));

describe('the area layer overview', () => {
  it('merges each cell into its first vertex, so a shared border stays shared', () => {
    const overview = layerOverview(sample(), 2)!;
    // Kept: (0,0), (1.2,0), (1.2,0.1) for all of row 0 in column 1, (0,1), then B's (2,0) and (2,1).
    expect(overview.positions.length / 2).toBe(6);
    expect(points(overview, 0)).toEqual([[0, 0], [1.2, 0], [1.2, 0.1], [0, 1]]);
    expect(points(overview, 1)).toEqual([[1.2, 0], [2, 0], [2, 1], [1.2, 0.1]]);
    // The border A draws from (1.2,0) to (1.2,0.1) is the very pair B draws back: no gap between them.
    expect(ring(overview, 0).slice(1, 3)).toEqual([ring(overview, 1)[0], ring(overview, 1)[3]]);
  });

  it('keeps every area and ring, an area smaller than a cell as one vertex, and says it is an overview', () => {
    const full = sample();
    const overview = layerOverview(full, 2)!;
    expect(overview.overview).toBe(true);
    expect(Array.from(overview.ringArea)).toEqual(Array.from(full.ringArea));
    expect(Array.from(overview.ringOuter)).toEqual(Array.from(full.ringOuter));
    expect(overview.areas).toEqual(full.areas);
    // C is inside row 0, column 0, whose first vertex is A's (0,1).
    expect(points(overview, 2)).toEqual([[0, 1]]);
  });

  it('thins the district outlines the same way, keeping each line\'s ends and the breaks between lines', () => {
    const lines = Array.from(layerOverview(sample(), 2)!.districtOutlines[0]!.lines).map((n) => Math.round(n * 100) / 100);
    expect(lines).toEqual([0, 0, 1.2, 0, 1.2, 0.1, 1.2, 1, NaN, NaN, 0, 1, 0.1, 1]);
  });

  it('is none when it would keep most of the vertices: the full layer is its own overview', () => {
    expect(layerOverview(sample(), 1000)).toBeNull();
  });

  it('travels as bytes marked as an overview; a full layer is not marked', () => {
    const overview = layerOverview(sample(), 2)!;
    const back = unpackLayerBundle(packLayerBundle(overview));
    expect(back.overview).toBe(true);
    expect(Array.from(back.vertices)).toEqual(Array.from(overview.vertices));
    expect(unpackLayerBundle(packLayerBundle(sample())).overview).toBeUndefined();
  });
});
