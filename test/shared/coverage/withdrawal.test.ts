import { describe, expect, it } from 'vitest';
import type { PlanInputs } from '../../../shared/domain/types';
import { DEFAULT_LOTS, DEFAULT_SETTINGS } from '../../../shared/domain/types';
import { areaCentres } from '../../../shared/geo/area-centres';
import { pointDistanceKm } from '../../../shared/geo/distance';
import { simulateWithdrawal, withdrawalSummary, type AreaReach } from '../../../shared/coverage/withdrawal';
import { bands, LAT, smallPlan, smallReach, square, supplyRow } from '../../fixtures/small-plan';


/**
 * Three areas in a row, X | Y | W, each its own zone. Provider Q (withdrawn)
 * delivers 20 hours in X and 30 in Y. Sa works in X (20 hours spare) and Sb in
 * W (30 spare). Sa can take care in X (same area) or Y (a neighbour); Sb only
 * in Y (a neighbour; X is not, and lies beyond the 3 km limit). Greedy —
 * largest hand-back first, nearest spare first — gives Sa to Y and leaves 20
 * hours in X unmet; the flow gives Sa to X and Sb to Y, leaving nothing unmet.
 */
function competingPlan(): { inputs: PlanInputs; reach: AreaReach } {
  const inputs: PlanInputs = {
    areas: ['X', 'Y', 'W'].map((code) => ({ code, name: code, district: 'D', population: 1000, ruc: 'C1' })),
    zones: ['X', 'Y', 'W'].map((id) => ({ id, name: `Zone ${id}`, colour: '#000', bandOverride: null })),
    assignments: new Map([
      ['X', 'X'],
      ['Y', 'Y'],
      ['W', 'W'],
    ]),
    demand: ['X', 'Y', 'W'].map((areaCode) => ({ areaCode, service: 'home-care' as const, hours: 100, people: 10 })),
    providers: [
      { id: 'Q', name: 'Quitting Care', cqcId: null, lat: LAT, lon: -1.175, status: 'on-framework', services: ['home-care'], startDate: null, endDate: null },
      { id: 'Sa', name: 'Border Care', cqcId: null, lat: LAT, lon: -1.201, status: 'on-framework', services: ['home-care'], startDate: null, endDate: null },
      { id: 'Sb', name: 'Far Side Care', cqcId: null, lat: LAT, lon: -1.125, status: 'on-framework', services: ['home-care'], startDate: null, endDate: null },
      { id: 'R', name: 'Resident Care', cqcId: null, lat: LAT, lon: -1.17, status: 'on-framework', services: ['home-care'], startDate: null, endDate: null },
    ],
    supply: [supplyRow('Q', 'X', 20, 0, 20, 2), supplyRow('Q', 'Y', 30, 0, 30, 3), supplyRow('Sa', 'X', 80, 0, 60, 6), supplyRow('R', 'Y', 70, 0, 70, 7), supplyRow('Sb', 'W', 100, 0, 70, 7)],
    bands,
    lots: DEFAULT_LOTS,
    settings: { ...DEFAULT_SETTINGS, distanceLimitKm: 3, budgetPerYear: 1, spotHourlyRate: 30 },
    asAt: '2026-10-01',
  };
  const centres = areaCentres(
    new Map([
      ['X', square(-1.25)],
      ['Y', square(-1.2)],
      ['W', square(-1.15)],
    ]),
  );
  const neighbours = new Map([
    ['X', ['Y']],
    ['Y', ['X', 'W']],
    ['W', ['Y']],
  ]);
  return { inputs, reach: { neighbours, centres } };
}

/** The obvious heuristic, for comparison: largest hand-back first, nearest provider with spare first. */
function greedyUnmet(inputs: PlanInputs, reach: AreaReach, withdrawn: string): number {
  const handBacks = inputs.supply.filter((r) => r.providerId === withdrawn).sort((a, b) => b.deliveredHours - a.deliveredHours);
  const spare = new Map<string, { areas: Set<string>; hours: number; branch: [number, number] }>();
  for (const r of inputs.supply) {
    if (r.providerId === withdrawn) continue;
    const p = inputs.providers.find((x) => x.id === r.providerId)!;
    const s = spare.get(r.providerId) ?? { areas: new Set<string>(), hours: 0, branch: [p.lon, p.lat] };
    s.areas.add(r.areaCode);
    s.hours += r.committedHours - r.deliveredHours;
    spare.set(r.providerId, s);
  }
  let unmet = 0;
  for (const h of handBacks) {
    const centre = reach.centres.get(h.areaCode)!;
    const options = [...spare.values()]
      .filter((s) => s.areas.has(h.areaCode) || (reach.neighbours.get(h.areaCode) ?? []).some((n) => s.areas.has(n)) || pointDistanceKm(s.branch, centre) <= inputs.settings.distanceLimitKm)
      .sort((a, b) => pointDistanceKm(a.branch, centre) - pointDistanceKm(b.branch, centre));
    let need = h.deliveredHours;
    for (const o of options) {
      const take = Math.min(need, o.hours);
      o.hours -= take;
      need -= take;
    }
    unmet += need;
  }
  return unmet;
}

describe('simulateWithdrawal re-homes care', () => {
  it('finds the re-homing that leaves least unmet where greedy leaves hours unmet', () => {
    const { inputs, reach } = competingPlan();
    expect(greedyUnmet(inputs, reach, 'Q')).toBeCloseTo(20, 9);
    const result = simulateWithdrawal(inputs, reach, { providerId: 'Q' });
    expect(result).toMatchObject({ lostHours: 50, hoursToRehome: 50, peopleAffected: 5 });
    expect(result.unmetHours).toBeCloseTo(0, 9);
    expect(result.transfers.map((t) => [t.providerId, t.areaCode, t.hours, t.reach])).toEqual([
      ['Sb', 'Y', 30, 'neighbour'],
      ['Sa', 'X', 20, 'same-area'],
    ]);
    expect(result.transfers.find((t) => t.providerId === 'Sb')!.people).toBeCloseTo(3, 9);
    // Re-homed care uses spare hours that already counted as cover: X keeps Sa's 80 (now all delivered),
    // Y gains Sb's 30 beside R's 70, and W loses the 30 Sb moved.
    const after = (id: string) => result.after.zones.find((z) => z.zoneId === id)!;
    expect(after('X')).toMatchObject({ coverage: 0.8, deliveredHours: 80 });
    expect(after('Y').coverage).toBeCloseTo(1, 9);
    expect(after('W').coverage).toBeCloseTo(0.7, 9);
    expect(result.method).toMatch(/minimum-cost flow/);
  });

  it('re-homes onto the same area first, then extra offers there, then neighbours nearest first', () => {
    // P3 hands back 110 hours for 10 people in B1. P1 works in B1 (10 spare, 10 extra offered);
    // neighbours' spare: P7 10 (2.4 km), P4 20 (3.4 km), P2 6 (3.7 km), P8 30 (4.1 km), P9 40 (4.7 km).
    const plan = smallPlan();
    const result = simulateWithdrawal(plan, smallReach(), { providerId: 'P3' });
    expect(result).toMatchObject({ hoursToRehome: 110, peopleAffected: 10, lostHours: 120, costChangePerYear: 0 });
    expect(result.rehomedHours).toBeCloseTo(110, 9);
    expect(result.unmetHours).toBeCloseTo(0, 9);
    const taken = Object.fromEntries(result.transfers.map((t) => [t.providerId, [Math.round(t.hours * 1e6) / 1e6, t.reach]]));
    expect(taken).toEqual({ P1: [20, 'same-area'], P7: [10, 'neighbour'], P4: [20, 'neighbour'], P2: [6, 'neighbour'], P8: [30, 'neighbour'], P9: [24, 'neighbour'] });
    // After: ZB 170 − 120 + 110 re-homed; ZA gives P1's 10 and P2's 6 spare; ZC gives 84.
    const zone = (id: string) => result.after.zones.find((z) => z.zoneId === id)!;
    expect(zone('ZB').coverHours).toBeCloseTo(160, 9);
    expect(zone('ZA').coverHours).toBeCloseTo(94, 9);
    expect(zone('ZC').coverHours).toBeCloseTo(156, 9);
    expect(zone('ZB').deliveredHours).toBeCloseTo(160, 9); // the care stays in place, with other providers
    expect(result.after.totals.committedHours).toBeCloseTo(486, 9);
    expect(result.zones.find((z) => z.zoneId === 'ZB')).toMatchObject({ hoursToRehome: 110, peopleAffected: 10 });
  });

  it('prefers on-framework providers: a spot provider takes nothing while framework spare is in reach', () => {
    const plan = smallPlan();
    plan.providers = plan.providers.map((p) => (p.id === 'P7' ? { ...p, status: 'non-framework' } : p));
    const result = simulateWithdrawal(plan, smallReach(), { providerId: 'P3' });
    expect(result.transfers.some((t) => t.providerId === 'P7')).toBe(false);
    expect(result.transfers.find((t) => t.providerId === 'P9')!.hours).toBeCloseTo(34, 9);
    expect(result.rehomedHours).toBeCloseTo(110, 9);
  });

  it('leaves unmet what no provider within reach can take, priced at the spot rate', () => {
    // Nobody works next to E1 or within 15 km of it: all 70 hours of P6 are unmet.
    // Zone E is urban (£20 an hour); spot is £30: 70 × £10 × 52 weeks.
    const result = simulateWithdrawal(smallPlan(), smallReach(), { providerId: 'P6' });
    expect(result).toMatchObject({ hoursToRehome: 70, rehomedHours: 0, unmetHours: 70, peopleAffected: 7, costChangePerYear: 36_400, transfers: [] });
    expect(result.summary).toBe(
      'If Provider P6 withdraws, it hands back 70 hours of care a week for 7 people: 0 hours can be re-homed with 0 other providers and 70 hours cannot be placed within reach. Buying the unmet care at spot rates changes the annual cost by +£36,000.',
    );
  });

  it('cuts a share of the hours: only care beyond what the provider keeps is handed back', () => {
    // P6 keeps 38 of 76 committed hours and delivers 70: it hands back 32 hours (3.2 people).
    const result = simulateWithdrawal(smallPlan(), smallReach(), { providerId: 'P6', cutPercent: 50 });
    const ze = result.zones.find((z) => z.zoneId === 'ZE')!;
    expect(ze).toMatchObject({ lostHours: 38, hoursToRehome: 32, unmetHours: 32, rehomedHours: 0 });
    expect(ze.peopleAffected).toBeCloseTo(3.2, 9);
    expect(ze.after.coverage).toBeCloseTo(38 / 80, 9);
    expect(ze.after.coverageClass).toBe('red');
    expect(ze.newlyFlagged).toBe(false); // already low-coverage and fragile
    expect(ze.changed).toBe(true);
    expect(result.costChangePerYear).toBe(32 * 10 * 52);
  });

  it('always adds up: re-homed + unmet = to re-home, overall and zone by zone', () => {
    for (const providerId of ['P1', 'P2', 'P3', 'P4', 'P6', 'P7', 'P8', 'P9']) {
      for (const cutPercent of [100, 60, 25]) {
        const result = simulateWithdrawal(smallPlan(), smallReach(), { providerId, cutPercent });
        expect(result.rehomedHours + result.unmetHours).toBeCloseTo(result.hoursToRehome, 9);
        expect(result.transfers.reduce((t, x) => t + x.hours, 0)).toBeCloseTo(result.rehomedHours, 9);
        for (const z of result.zones) expect(z.rehomedHours + z.unmetHours).toBeCloseTo(z.hoursToRehome, 9);
      }
    }
  });

  it('marks newly flagged zones', () => {
    const result = simulateWithdrawal(smallPlan(), smallReach(), { providerId: 'P2' });
    expect(result.newlyFlaggedZones).toEqual(result.zones.filter((z) => z.newlyFlagged).map((z) => z.zoneId));
  });

  it('refuses an unknown provider and a cut outside (0, 100]', () => {
    const plan = smallPlan();
    expect(() => simulateWithdrawal(plan, smallReach(), { providerId: 'nobody' })).toThrow(/no provider "nobody"/);
    expect(() => simulateWithdrawal(plan, smallReach(), { providerId: 'P1', cutPercent: 0 })).toThrow(/more than 0%/);
    expect(() => simulateWithdrawal(plan, smallReach(), { providerId: 'P1', cutPercent: 120 })).toThrow(/at most 100%/);
  });

  it('never changes its inputs', () => {
    const plan = smallPlan();
    const snapshot = structuredClone(plan);
    simulateWithdrawal(plan, smallReach(), { providerId: 'P3' });
    expect(plan).toEqual(snapshot);
  });
});

describe('withdrawalSummary', () => {
  it('rounds so that the sentence adds up', () => {
    const text = withdrawalSummary({
      providerName: 'Blaby Home Support',
      cutPercent: 100,
      lot: 'all',
      hoursToRehome: 1504.4,
      rehomedHours: 1380.6,
      peopleAffected: 131.2,
      absorbed: [
        { providerName: 'A', hours: 1000 },
        { providerName: 'B', hours: 380.6 },
      ],
      costChangePerYear: 64_523,
    });
    // 1,504 = 1,381 + 123
    expect(text).toBe(
      'If Blaby Home Support withdraws, it hands back 1,504 hours of care a week for 131 people: 1,381 hours can be re-homed with 2 other providers and 123 hours cannot be placed within reach. Buying the unmet care at spot rates changes the annual cost by +£65,000.',
    );
  });
  it('speaks of weeks for live-in care and of nothing when no care is handed back', () => {
    expect(withdrawalSummary({ providerName: 'L', cutPercent: 30, lot: 'live-in', hoursToRehome: 2.5, rehomedHours: 2.5, peopleAffected: 2.5, absorbed: [{ providerName: 'M', hours: 2.5 }], costChangePerYear: 0 })).toBe(
      'If L cuts its hours by 30%, it hands back 2.5 weeks of live-in care a week for 3 people: 2.5 weeks can be re-homed with 1 other provider and none is left unmet.',
    );
    expect(withdrawalSummary({ providerName: 'N', cutPercent: 100, lot: 'all', hoursToRehome: 0, rehomedHours: 0, peopleAffected: 0, absorbed: [], costChangePerYear: 0 })).toMatch(/hands back no care in place/);
  });
});
