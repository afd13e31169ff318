import { LIVE_IN_HOURS_PER_WEEK } from '../domain/types';
import type { Instance } from './instance';

/**
 * The terms a proposal is judged on, each reported on its own, and how they
 * add up. Each term is put on a scale where 1 means something a planner can
 * weigh against the others: a percent of all demand short, one fragile zone,
 * a percent of all borders cut, one mixed zone, a percent of people moved.
 * Every term is linear in the zone of each area once the zone-level tests
 * are indicators, so an exact solver can optimise the same objective (see
 * bench/optimise-exact.ts).
 */
export interface Weights {
  shortfall: number;
  fragility: number;
  compactness: number;
  coherence: number;
  disruption: number;
}

export const DEFAULT_WEIGHTS: Weights = { shortfall: 1, fragility: 1, compactness: 0.2, coherence: 0.5, disruption: 0.1 };

/** The presets the UI offers: what a planner means by "cover first", "least disruption" and "compact". */
export const WEIGHT_PRESETS = {
  balanced: DEFAULT_WEIGHTS,
  'cover-first': { shortfall: 3, fragility: 2, compactness: 0.05, coherence: 0.2, disruption: 0.02 },
  'least-disruption': { shortfall: 1, fragility: 1, compactness: 0.2, coherence: 0.5, disruption: 1 },
  compact: { shortfall: 1, fragility: 1, compactness: 1, coherence: 0.5, disruption: 0.1 },
} as const satisfies Record<string, Weights>;
export type WeightPreset = keyof typeof WEIGHT_PRESETS;

/**
 * A zone mixes rural and urban people when the smaller of the two makes up
 * more than this share of it: such a zone is priced at one band's rate
 * although a fifth or more of its care is delivered on the other's terms.
 */
export const MIXED_MINORITY_SHARE = 0.2;

export interface Terms {
  /** Σ over zones and hourly lots of demand − secure cover, where positive (hours a week). */
  shortfallHours: number;
  /** Live-in demand − cover where positive, in weeks of care. */
  liveInWeeksShort: number;
  /** The shortfall over every lot in stored hours (live-in at LIVE_IN_HOURS_PER_WEEK a week): what the objective weighs. */
  storedShortHours: number;
  /**
   * Zones with demand whose cover without their largest provider is below the
   * settings' N-1 level, or where one provider holds more than the settings'
   * share. A zone with demand and no secure provider counts: it has no cover to lose.
   */
  fragileZones: number;
  /** Pairs of neighbouring areas in different zones: fewer means more compact zones and shorter rounds. */
  cutEdges: number;
  mixedZones: number;
  areasMoved: number;
  peopleMoved: number;
}

/** The fixed sizes each term is measured against. */
export interface Scales {
  demand: number;
  edges: number;
  population: number;
}

export function scalesOf(instance: Instance): Scales {
  let demand = 0;
  for (const d of instance.demand) demand += d;
  let population = 0;
  for (const p of instance.population) population += p;
  return { demand: demand || 1, edges: instance.neighbours.length / 2 || 1, population: population || 1 };
}

export function objectiveOf(terms: Terms, weights: Weights, scales: Scales): number {
  return (
    (weights.shortfall * 100 * terms.storedShortHours) / scales.demand +
    weights.fragility * terms.fragileZones +
    (weights.compactness * 100 * terms.cutEdges) / scales.edges +
    weights.coherence * terms.mixedZones +
    (weights.disruption * 100 * terms.peopleMoved) / scales.population
  );
}

/** Whether a zone's figures make it fragile (see Terms.fragileZones). */
export function isFragile(demandHours: number, coverHours: number, largest: number, instance: Pick<Instance, 'fragileN1Below' | 'fragileMaxShare'>): boolean {
  if (demandHours <= 1e-9) return false;
  if (coverHours <= 1e-9) return true;
  return coverHours - largest < instance.fragileN1Below * demandHours - 1e-9 || largest > instance.fragileMaxShare * coverHours + 1e-9;
}

export function isMixed(population: number, ruralPopulation: number): boolean {
  return Math.min(ruralPopulation, population - ruralPopulation) > MIXED_MINORITY_SHARE * population + 1e-9;
}

/**
 * Every term of a plan worked out from scratch (the incremental search keeps
 * its own sums; this is the plain definition both are tested against).
 * `zoneOf` gives each area's zone, -1 for none; `start` is the plan moves are counted from.
 */
export function evaluate(instance: Instance, zoneOf: Int32Array, zoneCount: number, start: Int32Array = instance.start): Terms {
  const L = instance.lots;
  const D = new Float64Array(zoneCount * L);
  const C = new Float64Array(zoneCount * L);
  const pop = new Float64Array(zoneCount);
  const ruralPop = new Float64Array(zoneCount);
  const held: Map<number, number>[] = Array.from({ length: zoneCount }, () => new Map());
  const terms: Terms = { shortfallHours: 0, liveInWeeksShort: 0, storedShortHours: 0, fragileZones: 0, cutEdges: 0, mixedZones: 0, areasMoved: 0, peopleMoved: 0 };
  for (let a = 0; a < zoneOf.length; a++) {
    const z = zoneOf[a]!;
    if (z < 0) continue;
    for (let l = 0; l < L; l++) {
      D[z * L + l]! += instance.demand[a * L + l]!;
      C[z * L + l]! += instance.cover[a * L + l]!;
    }
    pop[z]! += instance.population[a]!;
    if (instance.rural[a]) ruralPop[z]! += instance.population[a]!;
    for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) {
      const p = instance.supplyProvider[k]!;
      held[z]!.set(p, (held[z]!.get(p) ?? 0) + instance.supplyCover[k]!);
    }
    if (z !== start[a]) {
      terms.areasMoved += 1;
      terms.peopleMoved += instance.population[a]!;
    }
    for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
      const b = instance.neighbours[k]!;
      if (b > a && zoneOf[b] !== z) terms.cutEdges += 1;
    }
  }
  for (let z = 0; z < zoneCount; z++) {
    let demandHours = 0;
    let coverHours = 0;
    for (let l = 0; l < L; l++) {
      const short = Math.max(0, D[z * L + l]! - C[z * L + l]!);
      terms.storedShortHours += short;
      if (instance.hourly[l]) {
        terms.shortfallHours += short;
        demandHours += D[z * L + l]!;
        coverHours += C[z * L + l]!;
      } else terms.liveInWeeksShort += short / LIVE_IN_HOURS_PER_WEEK;
    }
    let largest = 0;
    for (const hours of held[z]!.values()) largest = Math.max(largest, hours);
    if (isFragile(demandHours, coverHours, largest, instance)) terms.fragileZones += 1;
    if (isMixed(pop[z]!, ruralPop[z]!)) terms.mixedZones += 1;
  }
  return terms;
}

/** Each zone's demand over the hourly lots: what the zone-size bounds hold between. */
export function zoneDemand(instance: Instance, zoneOf: Int32Array, zoneCount: number): Float64Array {
  const out = new Float64Array(zoneCount);
  for (let a = 0; a < zoneOf.length; a++) {
    const z = zoneOf[a]!;
    if (z < 0) continue;
    for (let l = 0; l < instance.lots; l++) if (instance.hourly[l]) out[z]! += instance.demand[a * instance.lots + l]!;
  }
  return out;
}
