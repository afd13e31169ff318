import { describe, expect, it } from 'vitest';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { bandChanges } from '../../../renderer/src/panels/band-changes';
import { smallPlan } from '../../fixtures/small-plan';

describe('bandChanges (the Redraw warning)', () => {
  it('names each zone an edit moved into another rate band, with the change in its annual cost', () => {
    const before = computePlanMetrics(smallPlan());
    // Paint B1 (rural, 2,000 people) into Zone C (urban, 1,500): C becomes 57% rural; B is left empty.
    const plan = smallPlan();
    plan.assignments.set('B1', 'ZC');
    const after = computePlanMetrics(plan);
    expect(bandChanges(before, after)).toEqual([
      // Zone B: 6,040 a week before, nothing after.
      { zoneId: 'ZB', name: 'Zone B', fromBand: 'Rural', toBand: 'Urban', costChange: -6040 * 52 },
      // Zone C: 150 h at £20 before; 330 h home care at £30 and 20 h CHC at £32 after.
      { zoneId: 'ZC', name: 'Zone C', fromBand: 'Urban', toBand: 'Rural', costChange: (330 * 30 + 20 * 32 - 150 * 20) * 52 },
    ]);
  });

  it('says nothing when no band changed', () => {
    const plan = smallPlan();
    plan.assignments.set('A1', 'ZC'); // urban into urban; Zone A, left with rural A2, stays rural
    expect(bandChanges(computePlanMetrics(smallPlan()), computePlanMetrics(plan))).toEqual([]);
  });
});
