import { classify } from '../coverage/metrics';
import type { CoverageClass } from '../coverage/schemas';
import { countsAsCover, inLotUnit, servicesIn, supplyClass, type LotFilter } from '../coverage/supply';
import { SERVICE_TYPES, type Provider, type ServiceType, type Settings } from '../domain/types';
import { monthEnd } from './months';

/** One row of a month's returns: a provider's hours in an area for a lot, or (provider '') an area's waiting list. */
export interface SnapshotRow {
  providerId: string;
  areaCode: string;
  service: ServiceType;
  committed: number;
  delivered: number;
  unsourced: number;
  waiting: number;
  handbacks: number;
}

/**
 * A month's rows packed for speed: indexes into the project's areas and
 * providers (−1: no provider), the lot's index in SERVICE_TYPES, and five
 * values a row (committed, delivered, unsourced, waiting, hand-backs).
 */
export interface PackedSnapshot {
  month: string;
  area: Int32Array;
  provider: Int32Array;
  service: Uint8Array;
  values: Float64Array;
}
export const VALUES_PER_ROW = 5;

export function packSnapshot(month: string, rows: readonly SnapshotRow[], areaIndex: ReadonlyMap<string, number>, providerIndex: ReadonlyMap<string, number>): PackedSnapshot {
  const n = rows.length;
  const packed: PackedSnapshot = { month, area: new Int32Array(n), provider: new Int32Array(n), service: new Uint8Array(n), values: new Float64Array(n * VALUES_PER_ROW) };
  rows.forEach((r, i) => {
    packed.area[i] = areaIndex.get(r.areaCode) ?? -1;
    packed.provider[i] = r.providerId === '' ? -1 : (providerIndex.get(r.providerId) ?? -1);
    packed.service[i] = SERVICE_TYPES.indexOf(r.service);
    const at = i * VALUES_PER_ROW;
    packed.values[at] = r.committed;
    packed.values[at + 1] = r.delivered;
    packed.values[at + 2] = r.unsourced;
    packed.values[at + 3] = r.waiting;
    packed.values[at + 4] = r.handbacks;
  });
  return packed;
}

/** A zone's (or the plan's) figures month by month, in the lot's unit. */
export interface TrendSeries {
  /** Counted cover ÷ demand, where demand is care in place plus care waiting to be sourced; null with no demand. */
  coverage: (number | null)[];
  coverageClass: CoverageClass[];
  cover: number[];
  demand: number[];
  delivered: number[];
  unsourced: number[];
  waiting: number[];
  handbacks: number[];
}

export interface Trend {
  months: string[];
  zones: ({ zoneId: string; name: string } & TrendSeries)[];
  plan: TrendSeries;
}

export interface TrendInputs {
  snapshots: readonly PackedSnapshot[];
  /** Area index → zone index under the plan (−1: in no zone). */
  zoneOfArea: Int32Array;
  zones: readonly { id: string; name: string }[];
  providers: readonly Pick<Provider, 'status' | 'startDate' | 'endDate'>[];
  lot: LotFilter;
  settings: Pick<Settings, 'countAtRisk' | 'countSpot' | 'redBelow' | 'amberBelow'>;
}

const series = (months: number): TrendSeries => ({
  coverage: new Array<number | null>(months).fill(null),
  coverageClass: new Array<CoverageClass>(months).fill('no-demand'),
  cover: new Array<number>(months).fill(0),
  demand: new Array<number>(months).fill(0),
  delivered: new Array<number>(months).fill(0),
  unsourced: new Array<number>(months).fill(0),
  waiting: new Array<number>(months).fill(0),
  handbacks: new Array<number>(months).fill(0),
});

/**
 * Coverage, care waiting and hand-backs month by month, zone by zone, under a
 * plan. Each month's rows fall into zones through their areas, so a redrawn
 * plan shows the history of its own areas. Cover counts a provider's committed
 * hours when it counts as cover at the month's end (on the framework then, by
 * its dates); demand is care in place plus care not yet sourced. People
 * waiting and hand-backs are counts, added across lots as they are.
 */
export function computeTrends(input: TrendInputs): Trend {
  const M = input.snapshots.length;
  const Z = input.zones.length;
  const wanted = new Uint8Array(SERVICE_TYPES.length);
  for (const s of servicesIn(input.lot)) wanted[SERVICE_TYPES.indexOf(s)] = 1;
  const toUnit = SERVICE_TYPES.map((s) => inLotUnit(s, 1));
  // [cover, delivered, unsourced, waiting, handbacks] per zone and month, in one typed array.
  const F = 5;
  const sums = new Float64Array(M * Z * F);
  const counts = new Uint8Array(input.providers.length);
  input.snapshots.forEach((snap, m) => {
    const asAt = monthEnd(snap.month);
    input.providers.forEach((p, i) => (counts[i] = countsAsCover(supplyClass(p, asAt), input.settings) ? 1 : 0));
    const { area, provider, service, values } = snap;
    for (let r = 0; r < area.length; r++) {
      const s = service[r]!;
      if (!wanted[s]) continue;
      const a = area[r]!;
      const z = a < 0 ? -1 : input.zoneOfArea[a]!;
      if (z < 0) continue;
      const p = provider[r]!;
      const k = (m * Z + z) * F;
      const v = r * VALUES_PER_ROW;
      const unit = toUnit[s]!;
      if (p >= 0 && counts[p]) sums[k]! += values[v]! * unit;
      sums[k + 1]! += values[v + 1]! * unit;
      sums[k + 2]! += values[v + 2]! * unit;
      sums[k + 3]! += values[v + 3]!;
      sums[k + 4]! += values[v + 4]!;
    }
  });
  const plan = series(M);
  const zones = input.zones.map((zone, z) => {
    const out = series(M);
    for (let m = 0; m < M; m++) {
      const k = (m * Z + z) * F;
      out.cover[m] = sums[k]!;
      out.delivered[m] = sums[k + 1]!;
      out.unsourced[m] = sums[k + 2]!;
      out.waiting[m] = sums[k + 3]!;
      out.handbacks[m] = sums[k + 4]!;
      for (const key of ['cover', 'delivered', 'unsourced', 'waiting', 'handbacks'] as const) plan[key][m]! += out[key][m]!;
    }
    finish(out, input.settings);
    return { zoneId: zone.id, name: zone.name, ...out };
  });
  finish(plan, input.settings);
  return { months: input.snapshots.map((s) => s.month), zones, plan };
}

function finish(s: TrendSeries, settings: Pick<Settings, 'redBelow' | 'amberBelow'>): void {
  s.demand.forEach((_, m) => {
    s.demand[m] = s.delivered[m]! + s.unsourced[m]!;
    s.coverage[m] = s.demand[m]! > 0 ? s.cover[m]! / s.demand[m]! : null;
    s.coverageClass[m] = classify(s.coverage[m] ?? null, settings);
  });
}

/** Each zone's counted cover by provider in one month (zone index → provider index → hours in the lot's unit): why a zone's cover moved. */
export function coverByProvider(snapshot: PackedSnapshot, input: Omit<TrendInputs, 'snapshots' | 'zones'>): Map<number, Map<number, number>> {
  const asAt = monthEnd(snapshot.month);
  const counts = input.providers.map((p) => countsAsCover(supplyClass(p, asAt), input.settings));
  const wanted = new Set(servicesIn(input.lot).map((s) => SERVICE_TYPES.indexOf(s)));
  const out = new Map<number, Map<number, number>>();
  for (let r = 0; r < snapshot.area.length; r++) {
    const p = snapshot.provider[r]!;
    const s = snapshot.service[r]!;
    if (p < 0 || !counts[p] || !wanted.has(s)) continue;
    const z = snapshot.area[r]! < 0 ? -1 : input.zoneOfArea[snapshot.area[r]!]!;
    if (z < 0) continue;
    const byProvider = out.get(z) ?? new Map<number, number>();
    byProvider.set(p, (byProvider.get(p) ?? 0) + snapshot.values[r * VALUES_PER_ROW]! * inLotUnit(SERVICE_TYPES[s]!, 1));
    out.set(z, byProvider);
  }
  return out;
}
