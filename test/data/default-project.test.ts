import { beforeAll, describe, expect, it } from 'vitest';
import { computeContingency } from '../../shared/coverage/contingency';
import { computePlanMetrics, type PlanMetrics } from '../../shared/coverage/metrics';
import { simulateWithdrawal } from '../../shared/coverage/withdrawal';
import { isRural, type PlanInputs } from '../../shared/domain/types';
import type { ZoneGeography } from '../../shared/geo/zone-geography';
import { loadDefaultProject } from '../../electron/services/default-project';
import { defaultProjectInputs } from '../helpers/default-project';

let inputs: PlanInputs;
let geography: ZoneGeography;
let metrics: PlanMetrics;

beforeAll(() => {
  ({ inputs, geography } = defaultProjectInputs());
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

  it('zone demand sums to area demand', () => {
    const areaTotal = inputs.demand.reduce((sum, d) => sum + d.hours, 0);
    const zoneTotal = metrics.zones.reduce((sum, z) => sum + z.demandHours, 0);
    expect(zoneTotal).toBeCloseTo(areaTotal, 6);
    expect(metrics.totals.demandHours).toBeCloseTo(areaTotal, 6);
    for (const zone of metrics.zones) {
      const own = inputs.demand.filter((d) => inputs.assignments.get(d.areaCode) === zone.zoneId).reduce((sum, d) => sum + d.hours, 0);
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

  it('a withdrawal never increases any zone\'s coverage, and leaves the inputs as they were', () => {
    const snapshot = structuredClone(inputs);
    for (const provider of inputs.providers) {
      for (const cutPercent of [100, 40]) {
        const result = simulateWithdrawal(inputs, geography, { providerId: provider.id, cutPercent });
        for (const zone of result.zones) {
          expect(zone.after.coverage ?? 0, `${provider.id} ${cutPercent}% ${zone.zoneId}`).toBeLessThanOrEqual((zone.before.coverage ?? 0) + 1e-9);
          expect(zone.receivedHours).toBeLessThanOrEqual(zone.needHours + 1e-6);
        }
        expect(result.reallocatedHours + result.unmetHours).toBeCloseTo(result.needHours, 6);
      }
    }
    expect(inputs).toEqual(snapshot);
  });

  it('finds contingency candidates for every red zone, ranked by distance', () => {
    for (const zone of metrics.zones.filter((z) => z.coverageClass === 'red')) {
      const c = computeContingency(zone.zoneId, metrics, inputs.providers, geography, inputs.settings);
      expect(c.candidates.length, zone.name).toBeGreaterThan(0);
      const distances = c.candidates.map((x) => x.distanceKm);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      for (const candidate of c.candidates) expect(candidate.inZone || candidate.neighbour || candidate.distanceKm <= inputs.settings.distanceLimitKm).toBe(true);
    }
  });

  it('zone neighbours are symmetric and real', () => {
    for (const zone of inputs.zones) {
      for (const other of geography.neighboursOf(zone.id)) expect(geography.neighboursOf(other)).toContain(zone.id);
    }
    expect(geography.neighboursOf('Z14')).toContain('Z13'); // Vale of Belvoir borders Melton Mowbray
  });
});
