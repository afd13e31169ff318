import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staysConnected, brokenZones } from '../../../shared/optimise/contiguity';
import { DEFAULT_WEIGHTS, evaluate, objectiveOf, scalesOf, type Terms } from '../../../shared/optimise/objective';
import { ZoneState } from '../../../shared/optimise/zone-state';
import { gridInstance } from './grid';

const close = (a: Terms, b: Terms) => {
  for (const key of Object.keys(a) as (keyof Terms)[]) expect(a[key], key).toBeCloseTo(b[key], 6);
};

describe('the incremental zone state', () => {
  it('starts with the same terms as the plain evaluation', () => {
    const instance = gridInstance(5, 6, 3, 7);
    const state = new ZoneState(instance, instance.start, 3, DEFAULT_WEIGHTS);
    close(state.terms, evaluate(instance, instance.start, 3));
  });

  it("predicts each move's change in the objective exactly, and keeps every term equal to a fresh evaluation", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 60 }), (seed, moves) => {
        const instance = gridInstance(4, 5, 3, seed);
        const state = new ZoneState(instance, instance.start, 3, DEFAULT_WEIGHTS);
        const scales = scalesOf(instance);
        for (const [x, y] of moves) {
          const a = x % 20;
          const to = y % 3;
          if (to === state.zoneOf[a]) continue;
          const before = objectiveOf(evaluate(instance, state.zoneOf, 3), DEFAULT_WEIGHTS, scales);
          const predicted = state.delta(a, to);
          state.move(a, to);
          const fresh = evaluate(instance, state.zoneOf, 3);
          expect(objectiveOf(fresh, DEFAULT_WEIGHTS, scales) - before).toBeCloseTo(predicted, 9);
          close(state.terms, fresh);
          expect(state.objective()).toBeCloseTo(objectiveOf(fresh, DEFAULT_WEIGHTS, scales), 9);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('the contiguity test', () => {
  it('agrees with counting pieces, for every area of random plans', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 20, maxLength: 20 }), (labels) => {
        const instance = gridInstance(4, 5, 3, 1);
        const zoneOf = Int32Array.from(labels);
        const mark = new Int32Array(20);
        const queue = new Int32Array(20);
        let stamp = 0;
        for (let a = 0; a < 20; a++) {
          const z = zoneOf[a]!;
          const piecesBefore = brokenZones(instance, zoneOf, 3).includes(z);
          const without = zoneOf.slice();
          without[a] = -1;
          const zoneLeft = without.includes(z);
          const brokenAfter = zoneLeft && brokenZones(instance, without, 3).includes(z);
          // Only meaningful when the zone is in one piece to begin with.
          if (!piecesBefore) expect(staysConnected(instance, zoneOf, a, mark, ++stamp, queue)).toBe(!brokenAfter);
        }
      }),
      { numRuns: 200 },
    );
  });
});
