import { describe, expect, it } from 'vitest';
import { minCostMaxFlow } from '../../../shared/coverage/min-cost-flow';

describe('minCostMaxFlow', () => {
  it('sends the most flow possible, and among such flows the cheapest', () => {
    // 0 → {2, 3} → 1. The cheap path 0-2-1 is narrow; the rest must go the dear way.
    const result = minCostMaxFlow(
      4,
      [
        { from: 0, to: 2, capacity: 5, cost: 0 },
        { from: 0, to: 3, capacity: 10, cost: 0 },
        { from: 2, to: 1, capacity: 4, cost: 1 },
        { from: 3, to: 1, capacity: 8, cost: 3 },
        { from: 2, to: 3, capacity: 10, cost: 1 },
      ],
      0,
      1,
    );
    expect(result.flow).toBe(12);
    // 4 via 2 at cost 1 each, 8 via 3 at cost 3 each; routing any through 2→3 would only add cost.
    expect(result.cost).toBe(4 * 1 + 8 * 3);
    expect(result.edgeFlows).toEqual([4, 8, 4, 8, 0]);
  });

  it('reroutes earlier flow when that lets more through (uses the residual graph)', () => {
    // Classic trap: the cheapest first path blocks a second unless flow is pushed back.
    const result = minCostMaxFlow(
      6,
      [
        { from: 0, to: 2, capacity: 1, cost: 0 },
        { from: 0, to: 3, capacity: 1, cost: 0 },
        { from: 2, to: 4, capacity: 1, cost: 0 },
        { from: 2, to: 5, capacity: 1, cost: 5 },
        { from: 3, to: 4, capacity: 1, cost: 1 },
        { from: 4, to: 1, capacity: 1, cost: 0 },
        { from: 5, to: 1, capacity: 1, cost: 0 },
      ],
      0,
      1,
    );
    expect(result.flow).toBe(2);
    expect(result.cost).toBe(6);
  });

  it('handles fractional capacities and no path', () => {
    expect(minCostMaxFlow(3, [{ from: 0, to: 2, capacity: 2.5, cost: 2 }, { from: 2, to: 1, capacity: 1.25, cost: 0 }], 0, 1)).toMatchObject({ flow: 1.25, cost: 2.5 });
    expect(minCostMaxFlow(3, [{ from: 0, to: 2, capacity: 1, cost: 0 }], 0, 1)).toMatchObject({ flow: 0, cost: 0 });
  });
});
