import { describe, expect, it } from 'vitest';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { editCost } from '../../../renderer/src/panels/band-changes';
import { settings, smallPlan } from '../../fixtures/small-plan';

const spot = { 'home-care': settings.spotHourlyRate, chc: settings.spotHourlyRate, 'live-in': settings.spotWeeklyRate };

describe('editCost (what a Redraw edit costs)', () => {
  it('prices the move and names each zone it moved into another rate band', () => {
    const before = computePlanMetrics(smallPlan());
    // Paint B1 (rural, 2,000 people) into Zone C (urban, 1,500): C becomes 57% rural; B is left empty.
    const plan = smallPlan();
    plan.assignments.set('B1', 'ZC');
    const after = computePlanMetrics(plan);
    const cost = editCost(before, after, spot, 52);
    expect(cost.bands).toEqual([
      // Zone B before: 170 of its 180 h covered at the rural £30, 10 h and 20 h of CHC short at the £30 spot rate: £6,000 a week; after, nothing.
      { zoneId: 'ZB', name: 'Zone B', fromBand: 'Rural', toBand: 'Urban', costChange: -6000 * 52 },
      // Zone C before: 150 h covered at the urban £20. After: 330 h, all inside its 410 h of cover, at the rural £30; 20 h of CHC at spot.
      { zoneId: 'ZC', name: 'Zone C', fromBand: 'Urban', toBand: 'Rural', costChange: (330 * 30 + 20 * 30 - 150 * 20) * 52 },
    ]);
    // Net: +£1,500 a week. B1's 10 short hours are now inside C's spare cover: spot falls by £300 a week.
    expect(cost.costChange).toBe(1500 * 52);
    expect(cost.spotChange).toBe(-300 * 52);
  });

  it('names no band change when none happened, and still prices the move', () => {
    const plan = smallPlan();
    plan.assignments.set('A1', 'ZC'); // urban into urban; Zone A, left with rural A2, stays rural
    const cost = editCost(computePlanMetrics(smallPlan()), computePlanMetrics(plan), spot, 52);
    expect(cost.bands).toEqual([]);
    expect(typeof cost.costChange).toBe('number');
  });
});
