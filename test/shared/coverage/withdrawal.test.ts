import { describe, expect, it } from 'vitest';
import type { PlanInputs } from '../../../shared/domain/types';
import { DEFAULT_SETTINGS } from '../../../shared/domain/types';
import { buildZoneGeography, type ZoneGeography } from '../../../shared/geo/zone-geography';
import { simulateWithdrawal } from '../../../shared/coverage/withdrawal';
import { computePlanMetrics } from '../../../shared/coverage/metrics';
import { bands, LAT, smallGeography, smallPlan, square } from '../../fixtures/small-plan';

/**
 * Three zones in a row, X | Y | W. Provider Q (withdrawn) holds 20 hours in X and
 * 30 in Y, leaving X 20 and Y 30 short. Sa sits in X just by the border with Y
 * and offers 20 extra hours; Sb sits in W and offers 30. Sa can help X (its own
 * zone) and Y (a neighbour); Sb can help only Y (X is not its neighbour and lies
 * beyond the 3 km limit). Greedy — worst zone first, nearest helper first —
 * gives Sa to Y and leaves X 20 hours short; the optimal plan gives Sa to X and
 * Sb to Y, leaving nothing unmet.
 */
function competingPlan(): { inputs: PlanInputs; geography: ZoneGeography } {
  const inputs: PlanInputs = {
    areas: ['X', 'Y', 'W'].map((code) => ({ code, name: code, district: 'D', population: 1000, ruc: 'C1' })),
    zones: ['X', 'Y', 'W'].map((id) => ({ id, name: `Zone ${id}`, colour: '#000', bandOverride: null })),
    assignments: new Map([
      ['X', 'X'],
      ['Y', 'Y'],
      ['W', 'W'],
    ]),
    demand: ['X', 'Y', 'W'].map((areaCode) => ({ areaCode, service: 'home-care' as const, hours: 100, packages: 10 })),
    providers: [
      { id: 'Q', name: 'Quitting Care', cqcId: null, lat: LAT, lon: -1.175, status: 'exiting-framework', services: ['home-care'] },
      { id: 'Sa', name: 'Border Care', cqcId: null, lat: LAT, lon: -1.201, status: 'on-framework', services: ['home-care'] },
      { id: 'Sb', name: 'Far Side Care', cqcId: null, lat: LAT, lon: -1.125, status: 'on-framework', services: ['home-care'] },
      { id: 'R', name: 'Resident Care', cqcId: null, lat: LAT, lon: -1.17, status: 'on-framework', services: ['home-care'] },
    ],
    capacity: [
      { providerId: 'Q', zoneId: 'X', contractedHours: 20, additionalHours: 0 },
      { providerId: 'Q', zoneId: 'Y', contractedHours: 30, additionalHours: 0 },
      { providerId: 'Sa', zoneId: 'X', contractedHours: 80, additionalHours: 20 },
      { providerId: 'R', zoneId: 'Y', contractedHours: 70, additionalHours: 0 },
      { providerId: 'Sb', zoneId: 'W', contractedHours: 100, additionalHours: 30 },
    ],
    bands,
    settings: { ...DEFAULT_SETTINGS, distanceLimitKm: 3, budgetPerYear: 1 },
  };
  const geography = buildZoneGeography({
    areaGeometries: new Map([
      ['X', square(-1.25)],
      ['Y', square(-1.2)],
      ['W', square(-1.15)],
    ]),
    areaNeighbours: [
      ['X', 'Y'],
      ['Y', 'W'],
    ],
    assignments: inputs.assignments,
    providers: inputs.providers,
  });
  return { inputs, geography };
}

/** The obvious heuristic, for comparison: largest need first, nearest eligible spare first. */
function greedyUnmet(inputs: PlanInputs, geography: ZoneGeography, withdrawn: string): number {
  const without = { ...inputs, capacity: inputs.capacity.filter((r) => r.providerId !== withdrawn) };
  const before = computePlanMetrics(inputs);
  const mid = computePlanMetrics(without);
  const spare = new Map<string, number>();
  for (const z of mid.zones) for (const p of z.providers) spare.set(`${p.providerId}|${z.zoneId}`, p.spareHours);
  const needs = mid.zones.map((z, i) => ({ zoneId: z.zoneId, need: z.shortfallHours - before.zones[i]!.shortfallHours })).filter((n) => n.need > 0);
  needs.sort((a, b) => b.need - a.need);
  let unmet = 0;
  for (const n of needs) {
    const options = [...spare.keys()]
      .map((key) => ({ key, providerId: key.split('|')[0]!, zoneId: key.split('|')[1]! }))
      .filter((o) => o.zoneId === n.zoneId || geography.areNeighbours(o.zoneId, n.zoneId) || geography.distanceKm(o.providerId, n.zoneId) <= inputs.settings.distanceLimitKm)
      .sort((a, b) => geography.distanceKm(a.providerId, n.zoneId) - geography.distanceKm(b.providerId, n.zoneId));
    let need = n.need;
    for (const o of options) {
      const take = Math.min(need, spare.get(o.key)!);
      spare.set(o.key, spare.get(o.key)! - take);
      need -= take;
    }
    unmet += need;
  }
  return unmet;
}

describe('simulateWithdrawal', () => {
  it('finds the optimal reallocation where greedy leaves hours unmet', () => {
    const { inputs, geography } = competingPlan();
    expect(greedyUnmet(inputs, geography, 'Q')).toBeCloseTo(20, 9);

    const result = simulateWithdrawal(inputs, geography, { providerId: 'Q' });
    expect(result.lostHours).toBe(50);
    expect(result.needHours).toBe(50);
    expect(result.unmetHours).toBeCloseTo(0, 9);
    const x = result.zones.find((z) => z.zoneId === 'X')!;
    const y = result.zones.find((z) => z.zoneId === 'Y')!;
    expect(x.transfers.map((t) => [t.providerId, t.fromZoneId, t.hours])).toEqual([['Sa', 'X', 20]]);
    expect(y.transfers.map((t) => [t.providerId, t.fromZoneId, t.hours])).toEqual([['Sb', 'W', 30]]);
    expect(result.absorbed).toEqual([
      { providerId: 'Sb', providerName: 'Far Side Care', hours: 30 },
      { providerId: 'Sa', providerName: 'Border Care', hours: 20 },
    ]);
    expect(x.after.coverage).toBeCloseTo(1, 9);
    expect(y.after.coverage).toBeCloseTo(1, 9);
    expect(result.method).toMatch(/minimum-cost maximum flow/);
  });

  it('reports before and after per zone on the small plan, and the hours nobody can take', () => {
    const plan = smallPlan();
    const result = simulateWithdrawal(plan, smallGeography(plan), { providerId: 'P3' });
    const zb = result.zones.find((z) => z.zoneId === 'ZB')!;
    // ZB loses 120 hours: 170 → 50 contracted against 200 demand. Need 120 (shortfall 150 less the 30 it already had).
    expect(zb).toMatchObject({ lostHours: 120, needHours: 120 });
    // Spare within reach: P1's 10 extra in ZB; ZA's 15 (P1 6.36, P2 8.64); ZC's 110 (P4 42.5, P7–P9 22.5 each).
    expect(zb.receivedHours).toBeCloseTo(120, 9);
    expect(zb.unmetHours).toBeCloseTo(0, 9);
    expect(zb.transfers[0]).toMatchObject({ providerId: 'P4', fromZoneId: 'ZC' });
    // Hours from the zone's own provider come first (they cost nothing to move).
    expect(zb.transfers.find((t) => t.fromZoneId === 'ZB')).toMatchObject({ providerId: 'P1', hours: 10 });
    expect(zb.before.coverageClass).toBe('red');
    expect(zb.after.coverage).toBeCloseTo(0.85, 9);
  });

  it('cuts a share of hours instead of all of them', () => {
    const plan = smallPlan();
    const result = simulateWithdrawal(plan, smallGeography(plan), { providerId: 'P6', cutPercent: 50 });
    const ze = result.zones.find((z) => z.zoneId === 'ZE')!;
    expect(ze.lostHours).toBe(38);
    expect(ze.needHours).toBe(38);
    expect(ze.receivedHours).toBe(0); // nobody within 15 km of Zone E
    expect(ze.unmetHours).toBe(38);
    expect(ze.after.coverage).toBeCloseTo(38 / 80, 9);
    expect(ze.after.coverageClass).toBe('red');
    expect(ze.newlyFlagged).toBe(false); // already low-coverage and fragile
    expect(ze.changed).toBe(true);
  });

  it('marks newly flagged zones', () => {
    const plan = smallPlan();
    const result = simulateWithdrawal(plan, smallGeography(plan), { providerId: 'P2' });
    // Zone A loses 40 of 110 hours: 70 against 100 demand; P1's 10 spare extra in ZB and ZC's spare can reach it.
    expect(result.zones.find((z) => z.zoneId === 'ZA')!.after.flags).toContain('fragile');
    expect(result.newlyFlaggedZones).toEqual(result.zones.filter((z) => z.newlyFlagged).map((z) => z.zoneId));
  });

  it('refuses an unknown provider and a cut outside (0, 100]', () => {
    const plan = smallPlan();
    expect(() => simulateWithdrawal(plan, smallGeography(plan), { providerId: 'nobody' })).toThrow(/no provider "nobody"/);
    expect(() => simulateWithdrawal(plan, smallGeography(plan), { providerId: 'P1', cutPercent: 0 })).toThrow(/more than 0%/);
    expect(() => simulateWithdrawal(plan, smallGeography(plan), { providerId: 'P1', cutPercent: 120 })).toThrow(/at most 100%/);
  });

  it('never changes its inputs', () => {
    const plan = smallPlan();
    const snapshot = structuredClone(plan);
    simulateWithdrawal(plan, smallGeography(plan), { providerId: 'P3' });
    expect(plan).toEqual(snapshot);
  });
});
