import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keepNames, leastCostAssignment } from '../../../shared/optimise/relabel';
import { permutations } from './grid';

describe('the least-cost assignment', () => {
  it('matches brute force over every assignment', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(fc.constant(n), fc.array(fc.integer({ min: 0, max: 50 }), { minLength: n * n, maxLength: n * n }))), ([n, values]) => {
        const cost = Float64Array.from(values);
        const column = leastCostAssignment(cost, n);
        expect(new Set(column).size).toBe(n);
        const total = (cols: ArrayLike<number>) => Array.from({ length: n }, (_, i) => cost[i * n + cols[i]!]!).reduce((s, c) => s + c, 0);
        expect(total(column)).toBe(Math.min(...permutations(n).map(total)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('keeping zone names', () => {
  it('gives each zone the name of the starting zone whose people it holds most of, leaving locked zones be', () => {
    // Zones 0 and 2 swapped places; zone 1 is locked.
    const start = Int32Array.from([0, 0, 1, 2, 2]);
    const zoneOf = Int32Array.from([2, 2, 1, 0, 0]);
    const population = Float64Array.from([1, 1, 1, 1, 1]);
    expect([...keepNames(zoneOf, start, population, Uint8Array.from([0, 1, 0]), 3)]).toEqual([0, 0, 1, 2, 2]);
  });
});
