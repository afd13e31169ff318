import { beforeAll, describe, expect, it } from 'vitest';
import { computeContingency } from '../../shared/coverage/contingency';
import { computePlanMetrics, type PlanMetrics } from '../../shared/coverage/metrics';
import { simulateWithdrawal, type AreaReach } from '../../shared/coverage/withdrawal';
import { supplyClass } from '../../shared/coverage/supply';
import { isRural, type PlanInputs } from '../../shared/domain/types';
import type { ZoneGeography } from '../../shared/geo/zone-geography';
import { loadDefaultProject } from '../../electron/services/default-project';
import { defaultProjectInputs } from '../helpers/default-project';

let inputs: PlanInputs;
let geography: ZoneGeography;
let reach: AreaReach;
let metrics: PlanMetrics;

beforeAll(() => {
  ({ inputs, geography, reach } = defaultProjectInputs());
  metrics = computePlanMetrics(inputs);
});

describe('the embedded default project', () => {
  it('holds Leicestershire\'s 396 LSOAs in its seven districts, 10–16 zones and 30–60 fictional providers', () => {
    const file = loadDefaultProject();
    expect(inputs.areas).toHaveLength(396);
    expect(new Set(inputs.areas.map((a) => a.district)).size).toBe(7);
    expect(inputs.zones.length).toBeGreaterThanOrEqual(10);
    expect(inputs.zones.length).toBeLessThanOrEqual(16);
    expect(inputs.providers.length).toBeGreaterThanOrEqual(30);
    expect(inputs.providers.length).toBeLessThanOrEqual(60);
    expect(file.isSample).toBe(true);
    expect(file.sources.map((s) => s.attribution).join(' ')).toMatch(/Contains OS data © Crown copyright/);
    expect(file.sources.map((s) => s.attribution).join(' ')).toMatch(/fictional/);
    expect(file.sources.map((s) => s.attribution).join(' ')).toMatch(/modelled/);
  });

  it('puts every area in exactly one zone, and every zone has areas', () => {
    expect(inputs.assignments.size).toBe(inputs.areas.length);
    for (const area of inputs.areas) expect(inputs.zones.map((z) => z.id)).toContain(inputs.assignments.get(area.code));
    for (const zone of metrics.zones) expect(zone.areaCount).toBeGreaterThan(0);
  });

  it('zone demand sums to area demand (all lots: the hours of home care and CHC)', () => {
    const hourly = inputs.demand.filter((d) => d.service !== 'live-in');
    const areaTotal = hourly.reduce((sum, d) => sum + d.hours, 0);
    const zoneTotal = metrics.zones.reduce((sum, z) => sum + z.demandHours, 0);
    expect(zoneTotal).toBeCloseTo(areaTotal, 6);
    expect(metrics.totals.demandHours).toBeCloseTo(areaTotal, 6);
    for (const zone of metrics.zones) {
      const own = hourly.filter((d) => inputs.assignments.get(d.areaCode) === zone.zoneId).reduce((sum, d) => sum + d.hours, 0);
      expect(zone.demandHours).toBeCloseTo(own, 6);
    }
  });

  it('N-1 coverage never exceeds coverage', () => {
    for (const zone of metrics.zones) expect(zone.n1Coverage!).toBeLessThanOrEqual(zone.coverage!);
  });

  it('has a red or fragile rural zone, and town zones in surplus', () => {
    const rural = metrics.zones.filter((z) => z.bandId === 'rural');
    expect(rural.some((z) => z.coverageClass === 'red' || z.flags.includes('fragile'))).toBe(true);
    expect(metrics.zones.some((z) => z.coverageClass === 'covered' && z.flags.length === 0)).toBe(true);
    const melton = metrics.zones.find((z) => z.name.startsWith('Vale of Belvoir'))!;
    expect(melton.coverageClass).toBe('red');
    expect(melton.ruralShare).toBeGreaterThan(0.5);
  });

  it('bands zones by their rural population share', () => {
    for (const zone of metrics.zones) {
      const areas = inputs.areas.filter((a) => inputs.assignments.get(a.code) === zone.zoneId);
      const share = areas.filter((a) => isRural(a.ruc)).reduce((s, a) => s + a.population, 0) / areas.reduce((s, a) => s + a.population, 0);
      expect(zone.bandId).toBe(share >= 0.5 ? 'rural' : 'urban');
    }
  });

  it('a withdrawal of secure supply never increases any zone\'s coverage, always adds up, and leaves the inputs as they were', () => {
    const snapshot = structuredClone(inputs);
    for (const provider of inputs.providers) {
      // Spot and exiting supply is not cover: re-homing its care with framework providers can raise cover.
      const secure = supplyClass(provider, inputs.asAt) === 'secure';
      for (const cutPercent of [100, 40]) {
        const result = simulateWithdrawal(inputs, reach, { providerId: provider.id, cutPercent });
        for (const zone of result.zones) {
          if (secure) expect(zone.after.coverage ?? 0, `${provider.id} ${cutPercent}% ${zone.zoneId}`).toBeLessThanOrEqual((zone.before.coverage ?? 0) + 1e-9);
          expect(zone.rehomedHours + zone.unmetHours).toBeCloseTo(zone.hoursToRehome, 6);
        }
        expect(result.rehomedHours + result.unmetHours).toBeCloseTo(result.hoursToRehome, 6);
      }
    }
    expect(inputs).toEqual(snapshot);
  });

  it('finds contingency candidates for every red zone, each provider once, the closing set first, on-framework first', () => {
    const rank = { secure: 0, spot: 1, 'at-risk': 2, inactive: 3 } as const;
    for (const zone of metrics.zones.filter((z) => z.coverageClass === 'red')) {
      const c = computeContingency(zone.zoneId, metrics, inputs.providers, geography, inputs.settings);
      expect(c.candidates.length, zone.name).toBeGreaterThan(0);
      expect(new Set(c.candidates.map((x) => x.providerId)).size).toBe(c.candidates.length);
      const closing = c.candidates.filter((x) => x.inClosingSet).length;
      expect(c.candidates.slice(0, closing).every((x) => x.inClosingSet)).toBe(true);
      const rest = c.candidates.slice(closing);
      const order = rest.map((x) => rank[x.supplyClass] * 1000 + x.distanceKm);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      for (const candidate of c.candidates) expect(candidate.inZone || candidate.neighbour || candidate.distanceKm <= inputs.settings.distanceLimitKm).toBe(true);
    }
  });

  it('models the framework as the issue asks: two exiting providers, one new bidder, spot providers, three lots with funders', () => {
    const count = (status: string) => inputs.providers.filter((p) => p.status === status).length;
    expect(count('exiting-framework')).toBe(2);
    expect(count('new-bidder')).toBe(1);
    expect(count('non-framework')).toBeGreaterThan(0);
    expect(inputs.providers.filter((p) => p.status === 'exiting-framework').every((p) => p.endDate !== null && supplyClass(p, inputs.asAt) === 'at-risk')).toBe(true);
    expect(inputs.providers.find((p) => p.status === 'new-bidder')!.startDate! > inputs.asAt).toBe(true);
    expect(inputs.lots.map((l) => [l.service, l.funder])).toEqual([
      ['home-care', 'council'],
      ['chc', 'nhs'],
      ['live-in', 'joint'],
    ]);
    expect(metrics.totals.atRiskHours).toBeGreaterThan(0);
    expect(metrics.totals.spotHours).toBeGreaterThan(0);
    expect(metrics.totals.unsourcedHours).toBeGreaterThan(0);
    for (const lot of ['home-care', 'chc', 'live-in'] as const) expect(computePlanMetrics(inputs, lot).totals.secureHours, lot).toBeGreaterThan(0);
  });

  it('holds supply at the grain of areas: zone figures are sums over their areas', () => {
    for (const zone of metrics.zones) {
      const own = inputs.supply.filter((r) => inputs.assignments.get(r.areaCode) === zone.zoneId && r.service !== 'live-in' && supplyClass(inputs.providers.find((p) => p.id === r.providerId)!, inputs.asAt) !== 'inactive');
      expect(zone.committedHours).toBeCloseTo(own.reduce((t, r) => t + r.committedHours, 0), 6);
      expect(zone.deliveredHours).toBeCloseTo(own.reduce((t, r) => t + r.deliveredHours, 0), 6);
    }
  });

  it('zone neighbours are symmetric and real', () => {
    for (const zone of inputs.zones) {
      for (const other of geography.neighboursOf(zone.id)) expect(geography.neighboursOf(other)).toContain(zone.id);
    }
    expect(geography.neighboursOf('Z14')).toContain('Z13'); // Vale of Belvoir borders Melton Mowbray
  });
});
