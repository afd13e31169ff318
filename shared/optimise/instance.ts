import { ApiError } from '../api/errors';
import { SERVICE_TYPES, type PlanInputs } from '../domain/types';
import { areaTable, rowIndex } from '../coverage/row-index';
import { countsAsCover, supplyClass, unitOf } from '../coverage/supply';

/**
 * The zone-design problem in flat arrays, built once from the project's
 * inputs: what the optimiser reads and a worker can be handed (structured
 * clone copies typed arrays cheaply). Areas, zones and providers are numbered
 * 0…A-1, 0…Z-1 and 0…P-1; per-area figures are area × L + lot.
 */
export interface Instance {
  areaCodes: string[];
  /** Adjacency as CSR: the neighbours of area a are neighbours[neighbourStart[a] .. neighbourStart[a + 1]). */
  neighbourStart: Int32Array;
  neighbours: Int32Array;
  /** Lots, in SERVICE_TYPES order; hourly[l] is 1 for lots counted in hours (home care, CHC). */
  lots: number;
  hourly: Uint8Array;
  /** Stored hours a week per area × lot (live-in weeks held as hours, as the store holds them). */
  demand: Float64Array;
  /** Secure cover (committed hours that count as cover on the "as at" date) per area × lot. */
  cover: Float64Array;
  /** Cover over the hourly lots per provider, grouped by area (CSR): what a zone would lose with one provider. */
  supplyStart: Int32Array;
  supplyProvider: Int32Array;
  supplyCover: Float64Array;
  providerCount: number;
  population: Float64Array;
  rural: Uint8Array;
  zoneIds: string[];
  /** The starting plan's zone of each area, -1 where it has none. */
  start: Int32Array;
  /** 1 for a zone the optimiser must leave exactly as it is. */
  locked: Uint8Array;
  /** The settings' fragility tests, as the coverage model applies them. */
  fragileN1Below: number;
  fragileMaxShare: number;
}

/** Builds the problem from a plan's inputs and the area adjacency (pairs of areas sharing a border). */
export function buildInstance(inputs: PlanInputs, pairs: readonly (readonly [string, string])[], lockedZones: readonly string[] = []): Instance {
  const table = areaTable(inputs.areas);
  const A = inputs.areas.length;
  const L = SERVICE_TYPES.length;
  const degree = new Int32Array(A + 1);
  const edges: [number, number][] = [];
  const seen = new Set<string>();
  for (const [x, y] of pairs) {
    const a = table.index.get(x);
    const b = table.index.get(y);
    if (a === undefined || b === undefined || a === b) continue;
    const key = a < b ? `${a},${b}` : `${b},${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push([a, b]);
    degree[a + 1]! += 1;
    degree[b + 1]! += 1;
  }
  const neighbourStart = new Int32Array(A + 1);
  for (let a = 0; a < A; a++) neighbourStart[a + 1] = neighbourStart[a]! + degree[a + 1]!;
  const neighbours = new Int32Array(neighbourStart[A]!);
  const fill = neighbourStart.slice(0, A);
  for (const [a, b] of edges) {
    neighbours[fill[a]!++] = b;
    neighbours[fill[b]!++] = a;
  }
  for (let a = 0; a < A; a++) neighbours.subarray(neighbourStart[a]!, neighbourStart[a + 1]!).sort();

  const hourly = Uint8Array.from(SERVICE_TYPES, (s) => (unitOf(s) === 'hour' ? 1 : 0));
  const demand = new Float64Array(A * L);
  const demandIndex = rowIndex(inputs.demand, table);
  inputs.demand.forEach((row, i) => {
    const a = demandIndex.area[i]!;
    if (a >= 0) demand[a * L + demandIndex.service[i]!]! += row.hours;
  });

  const counts = inputs.providers.map((p) => countsAsCover(supplyClass(p, inputs.asAt), inputs.settings));
  const cover = new Float64Array(A * L);
  const supplyIndex = rowIndex(inputs.supply, table, inputs.providers);
  const perArea: Map<number, number>[] = Array.from({ length: A }, () => new Map());
  inputs.supply.forEach((row, i) => {
    const a = supplyIndex.area[i]!;
    const p = supplyIndex.provider[i]!;
    if (a < 0 || p < 0 || !counts[p] || row.committedHours <= 0) return;
    const l = supplyIndex.service[i]!;
    cover[a * L + l]! += row.committedHours;
    if (hourly[l]) perArea[a]!.set(p, (perArea[a]!.get(p) ?? 0) + row.committedHours);
  });
  const supplyStart = new Int32Array(A + 1);
  for (let a = 0; a < A; a++) supplyStart[a + 1] = supplyStart[a]! + perArea[a]!.size;
  const supplyProvider = new Int32Array(supplyStart[A]!);
  const supplyCover = new Float64Array(supplyStart[A]!);
  perArea.forEach((held, a) => {
    let k = supplyStart[a]!;
    for (const [p, hours] of [...held].sort(([x], [y]) => x - y)) {
      supplyProvider[k] = p;
      supplyCover[k++] = hours;
    }
  });

  const zoneIds = inputs.zones.map((z) => z.id);
  const zoneIndex = new Map(zoneIds.map((id, i) => [id, i]));
  const start = Int32Array.from(inputs.areas, (a) => zoneIndex.get(inputs.assignments.get(a.code) ?? '') ?? -1);
  const lockedSet = new Set(lockedZones);
  for (const id of lockedSet) if (!zoneIndex.has(id)) throw new ApiError('invalid-input', `There is no zone "${id}" to lock in this plan.`);
  return {
    areaCodes: inputs.areas.map((a) => a.code),
    neighbourStart,
    neighbours,
    lots: L,
    hourly,
    demand,
    cover,
    supplyStart,
    supplyProvider,
    supplyCover,
    providerCount: inputs.providers.length,
    population: Float64Array.from(inputs.areas, (a) => a.population),
    rural: table.rural.slice(),
    zoneIds,
    start,
    locked: Uint8Array.from(zoneIds, (id) => (lockedSet.has(id) ? 1 : 0)),
    fragileN1Below: inputs.settings.fragileN1Below,
    fragileMaxShare: inputs.settings.fragileMaxShare,
  };
}

/** How many areas an instance has. */
export const areaCount = (instance: Instance) => instance.areaCodes.length;
