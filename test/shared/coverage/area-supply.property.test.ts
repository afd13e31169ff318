import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { computePlanMetrics, PlanModel } from '../../../shared/coverage/metrics';
import { supplyClass } from '../../../shared/coverage/supply';
import type { PlanInputs } from '../../../shared/domain/types';
import { defaultProjectInputs } from '../../helpers/default-project';

/**
 * Supply is held per area, so however a plan is redrawn (painted, split,
 * merged), the county's totals stay put and each area carries its own hours.
 * Runs on the embedded sample, with the plan edits the editor makes, as pure
 * operations on the plan's assignments.
 */
type Edit = { kind: 'paint'; area: number; zone: number } | { kind: 'split'; zone: number; take: number; seed: number } | { kind: 'merge'; from: number; into: number };

let sample: PlanInputs;
beforeAll(() => {
  sample = defaultProjectInputs().inputs;
});

const edit = fc.oneof(
  fc.record({ kind: fc.constant('paint' as const), area: fc.nat(), zone: fc.nat() }),
  fc.record({ kind: fc.constant('split' as const), zone: fc.nat(), take: fc.integer({ min: 1, max: 20 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('merge' as const), from: fc.nat(), into: fc.nat() }),
);

/** Applies one edit as the plan editor would; returns the new plan (inputs are never changed). */
function apply(plan: PlanInputs, e: Edit): PlanInputs {
  const assignments = new Map(plan.assignments);
  let zones = plan.zones;
  const codes = [...assignments.keys()].sort();
  if (e.kind === 'paint') {
    assignments.set(codes[e.area % codes.length]!, zones[e.zone % zones.length]!.id);
  } else if (e.kind === 'split') {
    const zone = zones[e.zone % zones.length]!;
    const own = codes.filter((c) => assignments.get(c) === zone.id);
    if (own.length < 2) return plan;
    const id = `S${zones.length}-${e.seed}`;
    const start = e.seed % own.length;
    for (let k = 0; k < Math.min(e.take, own.length - 1); k++) assignments.set(own[(start + k) % own.length]!, id);
    zones = [...zones, { id, name: `Split ${id}`, colour: '#999999', bandOverride: null }];
  } else {
    const from = zones[e.from % zones.length]!;
    const into = zones[e.into % zones.length]!;
    if (from.id === into.id || zones.length < 2) return plan;
    for (const c of codes) if (assignments.get(c) === from.id) assignments.set(c, into.id);
    zones = zones.filter((z) => z.id !== from.id);
  }
  return { ...plan, assignments, zones };
}

/** Each lot's demand, committed and delivered, summed over every zone of the plan. */
function sums(plan: PlanInputs): number[] {
  const m = computePlanMetrics(plan);
  return m.zones.reduce((acc, z) => {
    z.lots.forEach((l, i) => {
      acc[i * 3] = acc[i * 3]! + l.demand;
      acc[i * 3 + 1] = acc[i * 3 + 1]! + l.committed;
      acc[i * 3 + 2] = acc[i * 3 + 2]! + l.delivered;
    });
    return acc;
  }, new Array<number>(9).fill(0));
}

describe('area-grain supply under redrawing (property)', () => {
  it('keeps the sum over zones of demand, committed and delivered hours of every lot', () => {
    const start = sums(sample);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 12 }), (edits) => {
        const plan = edits.reduce(apply, sample);
        sums(plan).forEach((value, i) => expect(value).toBeCloseTo(start[i]!, 6));
      }),
      { numRuns: 60, seed: 20261201 },
    );
  });

  it('moving an area moves exactly its own hours from one zone to the other', () => {
    const active = new Set(sample.providers.filter((p) => supplyClass(p, sample.asAt) !== 'inactive').map((p) => p.id));
    const own = (code: string) => {
      const rows = sample.supply.filter((r) => r.areaCode === code && r.service !== 'live-in' && active.has(r.providerId));
      return {
        demand: sample.demand.filter((d) => d.areaCode === code && d.service !== 'live-in').reduce((t, d) => t + d.hours, 0),
        committed: rows.reduce((t, r) => t + r.committedHours, 0),
        delivered: rows.reduce((t, r) => t + r.deliveredHours, 0),
      };
    };
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), fc.nat(), fc.nat(), (edits, areaPick, zonePick) => {
        const plan = edits.reduce(apply, sample);
        const codes = [...plan.assignments.keys()].sort();
        const code = codes[areaPick % codes.length]!;
        const from = plan.assignments.get(code)!;
        const to = plan.zones[zonePick % plan.zones.length]!.id;
        if (from === to) return;
        const before = computePlanMetrics(plan);
        const after = computePlanMetrics(apply(plan, { kind: 'paint', area: codes.indexOf(code), zone: plan.zones.findIndex((z) => z.id === to) }));
        const z = (m: typeof before, id: string) => m.zones.find((x) => x.zoneId === id)!;
        const hours = own(code);
        expect(z(before, from).demandHours - z(after, from).demandHours).toBeCloseTo(hours.demand, 6);
        expect(z(after, to).demandHours - z(before, to).demandHours).toBeCloseTo(hours.demand, 6);
        expect(z(before, from).committedHours - z(after, from).committedHours).toBeCloseTo(hours.committed, 6);
        expect(z(after, to).committedHours - z(before, to).committedHours).toBeCloseTo(hours.committed, 6);
        expect(z(after, to).deliveredHours - z(before, to).deliveredHours).toBeCloseTo(hours.delivered, 6);
        for (const other of after.zones.filter((x) => x.zoneId !== from && x.zoneId !== to)) expect(other.committedHours).toBeCloseTo(z(before, other.zoneId).committedHours, 9);
      }),
      { numRuns: 60, seed: 20261202 },
    );
  });

  it('a model kept between edits, moving areas one by one, gives the figures of a fresh computation', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }), fc.constantFrom('all' as const, 'home-care' as const, 'chc' as const, 'live-in' as const), (moves, lot) => {
        const model = new PlanModel(sample, lot);
        const assignments = new Map(sample.assignments);
        const codes = [...assignments.keys()].sort();
        for (const [a, z] of moves) {
          const code = codes[a % codes.length]!;
          const zone = sample.zones[z % sample.zones.length]!.id;
          model.move(code, zone);
          assignments.set(code, zone);
          model.metrics(); // rebuilt zones are cached between moves
        }
        const fresh = computePlanMetrics({ ...sample, assignments }, lot);
        const kept = model.metrics();
        kept.zones.forEach((z, i) => {
          const f = fresh.zones[i]!;
          for (const key of ['demandHours', 'people', 'committedHours', 'coverHours', 'deliveredHours', 'unsourcedHours', 'spareHours', 'annualCost'] as const) expect(z[key], `${z.zoneId} ${key}`).toBeCloseTo(f[key], 6);
          expect([z.coverageClass, z.flags, z.bandId, z.areaCount, z.districts, z.basis, z.providers.map((p) => p.providerId)]).toEqual([f.coverageClass, f.flags, f.bandId, f.areaCount, f.districts, f.basis, f.providers.map((p) => p.providerId)]);
        });
      }),
      { numRuns: 40, seed: 20261203 },
    );
  });
});
