import { describe, expect, it } from 'vitest';
import { computeContingency } from '../../../shared/coverage/contingency';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { KM_PER_DEG_LON, smallGeography, smallPlan } from '../../fixtures/small-plan';

const plan = smallPlan();
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
  it('lists each provider once, the smallest closing set first, then the rest nearest first', () => {
    // ZB is 30 hours short. Spare (committed − delivered) plus extra offers in reach:
    // P4 20+20, P9 40, P8 30, P1 10 in ZA + its 10 extra in ZB itself, P2 6+5, P7 10.
    const result = contingency('ZB');
    expect(result).toMatchObject({ gapKind: 'shortfall', gapHours: 30, closesGap: true, needsNewBids: false, availableHours: 151, secureAvailableHours: 151 });
    expect(result.candidates.map((c) => [c.providerId, c.spareHours, c.inClosingSet])).toEqual([
      ['P4', 40, true], // one provider closes it: the largest offer, nearer of the two 40s
      ['P7', 10, false],
      ['P2', 11, false],
      ['P8', 30, false],
      ['P9', 40, false],
      ['P1', 20, false],
    ]);
    const p1 = result.candidates.find((c) => c.providerId === 'P1')!;
    expect(p1).toMatchObject({ inZone: true, neighbour: true, fromZones: [{ zoneId: 'ZA', name: 'Zone A' }, { zoneId: 'ZB', name: 'Zone B' }] });
    expect(result.candidates[0]).toMatchObject({ closesHours: 30, gapShare: 1, cumulativeHours: 30 });
    expect(result.candidates[0]!.distanceKm).toBeCloseTo(km(0.025), 6);
    expect(result.summary).toBe('One provider could close the shortfall of 30 hours a week, on the framework.');
  });

  it('ranks on-framework providers first and labels the rest', () => {
    const p = smallPlan();
    p.providers = p.providers.map((x) => (x.id === 'P4' ? { ...x, status: 'non-framework' } : x.id === 'P9' ? { ...x, status: 'exiting-framework' } : x));
    const result = contingency('ZB', p);
    // Without P4 (spot) and P9 (exiting), the largest on-framework offer is P8's 30: it closes the gap alone.
    expect(result.candidates.map((c) => [c.providerId, c.supplyClass, c.inClosingSet])).toEqual([
      ['P8', 'secure', true],
      ['P7', 'secure', false],
      ['P2', 'secure', false],
      ['P1', 'secure', false],
      ['P4', 'spot', false],
      ['P9', 'at-risk', false],
    ]);
    expect(result.secureAvailableHours).toBe(71);
  });

  it('reaches zones with no neighbours through the distance limit', () => {
    const result = contingency('ZD');
    expect(result.gapHours).toBe(50);
    // P2 is 15.6 km away, P1 18 km, P6 19 km: out of reach. P3 now has 10 committed hours not delivered.
    expect(result.candidates.map((c) => c.providerId)).toEqual(['P9', 'P4', 'P8', 'P7', 'P3']);
    expect(result.candidates.filter((c) => c.inClosingSet).map((c) => c.providerId)).toEqual(['P9', 'P4']);
    expect(result.candidates.every((c) => !c.neighbour && c.distanceKm <= 15)).toBe(true);
    expect(result.summary).toBe('2 providers could together close the shortfall of 50 hours a week, all on the framework.');
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
    expect(result.candidates.filter((c) => c.inClosingSet).map((c) => c.providerId)).toEqual(['P4', 'P9']);
    expect(result.candidates.find((c) => c.providerId === 'P2')).toMatchObject({ inZone: true, spareHours: 5 });
  });

  it('has no gap for a robustly covered zone', () => {
    expect(contingency('ZC')).toMatchObject({ gapKind: 'none', gapHours: 0, needsNewBids: false });
  });
});
