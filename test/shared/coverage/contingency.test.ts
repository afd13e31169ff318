import { describe, expect, it } from 'vitest';
import { computeContingency } from '../../../shared/coverage/contingency';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { KM_PER_DEG_LON, smallGeography, smallPlan } from '../../fixtures/small-plan';

const plan = smallPlan();
const metrics = computePlanMetrics(plan);
const geography = smallGeography(plan);
const contingency = (zoneId: string, p = plan) => computeContingency(zoneId, computePlanMetrics(p), p.providers, smallGeography(p), p.settings);
const km = (degrees: number) => degrees * KM_PER_DEG_LON;

describe('zone geography', () => {
  it('knows which zones share a border', () => {
    expect(geography.neighboursOf('ZB')).toEqual(['ZA', 'ZC']);
    expect(geography.neighboursOf('ZD')).toEqual([]);
    expect(geography.areNeighbours('ZA', 'ZC')).toBe(false);
  });
  it('measures from a branch to the nearest edge of a zone, 0 inside it', () => {
    expect(geography.distanceKm('P3', 'ZB')).toBe(0);
    expect(geography.distanceKm('P7', 'ZB')).toBeCloseTo(km(0.01), 6);
    expect(geography.distanceKm('P9', 'ZD')).toBeCloseTo(km(0.105), 6);
  });
});

describe('computeContingency', () => {
  it('ranks candidates for a red zone nearest first, with the share of the gap each closes', () => {
    const result = computeContingency('ZB', metrics, plan.providers, geography, plan.settings);
    expect(result).toMatchObject({ gapKind: 'shortfall', gapHours: 30, closesGap: true, needsNewBids: false });
    const order = result.candidates.map((c) => `${c.providerId}/${c.fromZoneId}`);
    expect(order).toEqual(['P7/ZC', 'P4/ZC', 'P2/ZA', 'P8/ZC', 'P9/ZC', 'P1/ZB', 'P1/ZA']);
    const byKey = Object.fromEntries(result.candidates.map((c) => [`${c.providerId}/${c.fromZoneId}`, c]));
    expect(byKey['P7/ZC']).toMatchObject({ spareHours: 22.5, closesHours: 22.5, gapShare: 0.75, cumulativeHours: 22.5, neighbour: true, inZone: false });
    expect(byKey['P4/ZC']!.distanceKm).toBeCloseTo(km(0.025), 6);
    expect(byKey['P4/ZC']).toMatchObject({ spareHours: 42.5, closesHours: 30, gapShare: 1, cumulativeHours: 30 });
    expect(byKey['P1/ZB']).toMatchObject({ inZone: true, spareHours: 10 });
    expect(result.summary).toBe('The 2 nearest candidates could together close the shortfall of 30 hours a week.');
  });

  it('reaches zones with no neighbours through the distance limit', () => {
    const result = contingency('ZD');
    expect(result.gapHours).toBe(50);
    expect(result.candidates.map((c) => c.providerId)).toEqual(['P9', 'P8', 'P4', 'P7']); // P2 is 15.5 km away, P1 18 km
    expect(result.candidates.every((c) => !c.neighbour && c.distanceKm <= 15)).toBe(true);
    expect(result.closesGap).toBe(true);
    expect(result.summary).toMatch(/^The 3 nearest candidates/);
  });

  it('says the framework needs new bids when the candidates cannot close the gap', () => {
    const result = contingency('ZE');
    expect(result).toMatchObject({ gapKind: 'shortfall', candidates: [], availableHours: 0, closesGap: false, needsNewBids: true });
    expect(result.summary).toMatch(/cannot close it\. The framework needs new bids for Zone E\./);
  });

  it('for a covered but fragile zone, covers the hours at risk from its largest provider, leaving that provider out', () => {
    const result = contingency('ZA');
    expect(result.gapKind).toBe('largest-provider');
    expect(result.gapHours).toBe(60); // 100 demand − (110 − 70)
    expect(result.candidates.some((c) => c.providerId === 'P1')).toBe(false);
    expect(result.candidates.map((c) => c.providerId)).toContain('P2');
  });

  it('has no gap for a robustly covered zone', () => {
    expect(contingency('ZC')).toMatchObject({ gapKind: 'none', gapHours: 0, needsNewBids: false });
  });
});
