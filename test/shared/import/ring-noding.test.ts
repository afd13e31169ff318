import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLoops } from '../../../shared/import/ring-noding';

describe('splitLoops', () => {
  it('leaves a simple ring as it is', () => {
    const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    expect(splitLoops(square)).toEqual({ loops: [square], crossings: [], overlap: null, spikes: 0 });
  });

  it('cuts a figure of eight at its crossing into two triangles', () => {
    const result = splitLoops([[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]);
    expect(result.crossings).toEqual([{ kind: 'cross', point: [1, 1] }]);
    expect(result.loops).toEqual([
      [[1, 1], [2, 2], [2, 0], [1, 1]],
      [[0, 0], [1, 1], [0, 2], [0, 0]],
    ]);
  });

  it('cuts a ring that passes through one of its vertices twice there, as a touch', () => {
    const result = splitLoops([[0, 0], [1, 1], [2, 0], [2, 2], [1, 1], [0, 2], [0, 0]]);
    expect(result.crossings.every((c) => c.kind === 'touch')).toBe(true);
    expect(result.crossings.map((c) => c.point)).toContainEqual([1, 1]);
    expect(result.loops).toHaveLength(2);
    expect(result.loops.map((l) => l.length).sort()).toEqual([4, 4]);
  });

  it('drops an out-and-back spike and counts it', () => {
    const result = splitLoops([[0, 0], [2, 0], [2, 2], [3, 3], [2, 2], [0, 2], [0, 0]]);
    expect(result.spikes).toBe(1);
    expect(result.loops).toEqual([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]]);
  });

  it('reports edges that run along each other, which it cannot repair, and gives no loops', () => {
    // (3,0)→(1,0) runs back along (0,0)→(4,0).
    const result = splitLoops([[0, 0], [4, 0], [4, 1], [3, 1], [3, 0], [1, 0], [1, -1], [0, -1], [0, 0]]);
    expect(result.overlap).not.toBeNull();
    expect(result.overlap![1]).toBe(0);
    expect(result.loops).toEqual([]);
  });

  it('reports neighbouring edges that turn straight back part of the way, which is no spike', () => {
    // (4,0)→(2,0) goes back over half of (0,0)→(4,0): the two share a vertex, and only their being parallel tells.
    const result = splitLoops([[0, 0], [4, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
    expect(result.spikes).toBe(0);
    expect(result.overlap).toEqual([2, 0]);
    expect(result.loops).toEqual([]);
  });
});

describe('splitLoops against every pair of edges', () => {
  // The sweep visits only edges whose x ranges meet (in x buckets); checking every pair must find the same crossings.
  const everyPair = (ring: [number, number][]) => {
    const n = ring.length - 1;
    const cross = (a: number, b: number) => {
      const [p, q, r, s] = [ring[a]!, ring[a + 1]!, ring[b]!, ring[b + 1]!];
      const d = (q[0] - p[0]) * (s[1] - r[1]) - (q[1] - p[1]) * (s[0] - r[0]);
      if (d === 0) return false;
      const t = ((r[0] - p[0]) * (s[1] - r[1]) - (r[1] - p[1]) * (s[0] - r[0])) / d;
      const u = ((r[0] - p[0]) * (q[1] - p[1]) - (r[1] - p[1]) * (q[0] - p[0])) / d;
      return t > 1e-9 && t < 1 - 1e-9 && u > 1e-9 && u < 1 - 1e-9;
    };
    let count = 0;
    for (let a = 0; a < n; a++) for (let b = a + 2; b < n; b++) if (!(a === 0 && b === n - 1) && cross(a, b)) count++;
    return count;
  };
  it('finds every proper crossing of random rings, whose edges often start at nearly the same x', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 3 })), { minLength: 4, maxLength: 30 }), (points) => {
        // A coarse grid (many equal x) nudged by a few units in the last place: x values that differ but share a bucket.
        const ring: [number, number][] = points.map(([x, y, nudge]) => [-1.2 + x * 1e-6 + nudge * 4e-16, 52.6 + y * 1e-6]);
        ring.push(ring[0]!);
        const result = splitLoops(ring);
        if (result.overlap || result.spikes > 0) return;
        // Crossings within rounding of a vertex count as touches; a random ring of distinct grid points has few.
        expect(result.crossings.filter((c) => c.kind === 'cross').length).toBeLessThanOrEqual(everyPair(ring));
        expect(result.crossings.length).toBeGreaterThanOrEqual(everyPair(ring));
      }),
      { numRuns: 300 },
    );
  });
});
