import type { Instance } from './instance';
import { brokenZones, staysConnected } from './contiguity';
import { DEFAULT_WEIGHTS, evaluate, objectiveOf, scalesOf, zoneDemand, type Terms, type Weights } from './objective';
import { seededRandom, pick } from './random';
import { recombine } from './recombine';
import { keepNames } from './relabel';
import { seedPlan, type SeedPlan } from './seed-plan';
import { ZoneState } from './zone-state';

export interface ProposeProgress {
  /** Which start is running (1-based) of how many. */
  start: number;
  starts: number;
  /** Share of the whole run done. */
  fraction: number;
  /** The best objective found so far (lower is better). */
  bestObjective: number;
}

export interface ProposeOptions {
  /** How many zones (default: the starting plan's). */
  zones?: number;
  weights?: Weights;
  seed?: number;
  /** Independent annealing runs from the seed plan; the best is kept. */
  starts?: number;
  /** Moves tried per movable area in each start: the search's budget. */
  iterationsPerArea?: number;
  /** Stops early (keeping the best found) once this much time has passed. */
  timeLimitMs?: number;
  /** Bounds on each unlocked zone's demand (hours a week over the hourly lots). */
  minDemand?: number;
  maxDemand?: number;
  /** Checks every zone is in one piece after every accepted move (slow: tests only). */
  debug?: boolean;
  onProgress?(progress: ProposeProgress): void;
  /** Called at every progress point; throws to cancel the run. */
  checkCancelled?(): void;
  now?(): number;
}

export type Judged = Terms & { objective: number };

export interface Proposal {
  zoneOf: Int32Array;
  seed: SeedPlan;
  /** The starting plan as it is, and the proposal, judged on the same terms and weights. */
  before: Judged;
  after: Judged;
  /** Per proposed zone: whether its areas differ from the starting zone it continues. */
  changed: boolean[];
  bounds: { minDemand: number; maxDemand: number };
  withinBounds: boolean;
  stoppedBy: 'budget' | 'time';
  iterations: number;
  starts: number;
}

/** How much a zone-average of demand outside the bounds weighs against one fragile zone. */
const BOUND_PENALTY = 10;
const INITIAL_ACCEPTANCE = 0.3;
const COOLING_RANGE = 1000;

/**
 * Proposes zones by simulated annealing over boundary moves (one area to a
 * neighbouring zone), from the starting plan brought to K zones, then a
 * greedy sweep to a local optimum; several starts, the best kept. Why this
 * method: every move's effect on each term is known from the area's own rows
 * (see ZoneState), the contiguity test stops as soon as the area's neighbours
 * are linked, and starting from the current plan keeps disruption low without
 * being told to. The same instance, options and seed give the same plan
 * unless the time limit cuts a run short.
 */
export function propose(instance: Instance, options: ProposeOptions = {}): Proposal {
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const seed = seedPlan(instance, options.zones ?? instance.zoneIds.length);
  const Z = seed.zoneCount;
  const bounds = defaultBounds(instance, Z, options);
  const now = options.now ?? (() => Date.now());
  const deadline = options.timeLimitMs === undefined ? Infinity : now() + options.timeLimitMs;
  const starts = Math.max(1, options.starts ?? 4);
  const scales = scalesOf(instance);
  const violation = (d: number) => (d < bounds.minDemand ? bounds.minDemand - d : 0) + (d > bounds.maxDemand ? d - bounds.maxDemand : 0);
  const demandScale = Math.max(1e-9, zoneDemand(instance, seed.zoneOf, Z).reduce((s, d) => s + d, 0) / Z);
  const penaltyOf = (state: ZoneState) => {
    let v = 0;
    for (let z = 0; z < Z; z++) if (!seed.locked[z]) v += violation(state.demandH[z]!);
    return (BOUND_PENALTY * v) / demandScale;
  };

  const movable: number[] = [];
  for (let a = 0; a < seed.zoneOf.length; a++) if (!seed.locked[seed.zoneOf[a]!]) movable.push(a);
  const perStart = Math.max(1, Math.round((options.iterationsPerArea ?? 200) * movable.length));
  // A merge-and-split costs about as much as moving every area of two zones once, so it comes once per that many single moves.
  const recombineEvery = Math.max(8, Math.round((2 * movable.length) / Math.max(1, Z)));
  const A = seed.zoneOf.length;
  const mark = new Int32Array(A);
  const queue = new Int32Array(A);
  let stamp = 0;
  let iterations = 0;
  let stoppedBy: 'budget' | 'time' = 'budget';
  let best: { zoneOf: Int32Array; score: number } | null = null;

  /** Whether moving a to `to` keeps the size rules: bounds never get worse, and the zone it leaves keeps an area. */
  const allowed = (state: ZoneState, a: number, to: number) => {
    const from = state.zoneOf[a]!;
    if (state.size[from]! <= 1) return false;
    const d = state.demandOf(a);
    const before = violation(state.demandH[from]!) + violation(state.demandH[to]!);
    const after = violation(state.demandH[from]! - d) + violation(state.demandH[to]! + d);
    return { ok: after <= before + 1e-9, penalty: (BOUND_PENALTY * (after - before)) / demandScale };
  };
  const targetOf = (state: ZoneState, a: number, random: () => number) => {
    const lo = instance.neighbourStart[a]!;
    const n = instance.neighbourStart[a + 1]! - lo;
    if (!n) return -1;
    const from = state.zoneOf[a]!;
    const offset = pick(random, n);
    for (let i = 0; i < n; i++) {
      const zb = state.zoneOf[instance.neighbours[lo + ((offset + i) % n)]!]!;
      if (zb !== from && !seed.locked[zb]) return zb;
    }
    return -1;
  };
  const check = (state: ZoneState) => {
    if (!options.debug) return;
    const broken = brokenZones(instance, state.zoneOf, Z).filter((z) => !seed.locked[z]);
    if (broken.length) throw new Error(`Zone ${broken[0]} is no longer in one piece.`);
  };
  /** Merge-and-split of the zone of `a` and a neighbouring zone; returns the objective's change if taken, null if not. */
  const tryRecombine = (state: ZoneState, a: number, random: () => number, T: number, snapshot: () => void): number | null => {
    const to = targetOf(state, a, random);
    if (to < 0) return null;
    const split = recombine(instance, state.zoneOf, seed.start, state.zoneOf[a]!, to, random, weights, scales, violation);
    if (!split) return null;
    const delta = split.delta + (BOUND_PENALTY * split.violationDelta) / demandScale;
    if (delta > 1e-12 && random() >= Math.exp(-delta / T)) return null;
    if (delta > 1e-12) snapshot();
    split.areas.forEach((b, i) => state.move(b, split.zones[i]!));
    check(state);
    return delta;
  };
  const tryMove = (state: ZoneState, a: number, to: number) => {
    if (!staysConnected(instance, state.zoneOf, a, mark, ++stamp, queue)) return false;
    state.move(a, to);
    check(state);
    return true;
  };

  outer: for (let s = 0; s < starts; s++) {
    const random = seededRandom(((options.seed ?? 1) * 0x9e3779b1 + s * 0x85ebca6b) >>> 0);
    const state = new ZoneState(instance, seed.zoneOf, Z, weights, seed.start);
    let current = state.objective() + penaltyOf(state);
    let startBest = current;
    let bestCopy = state.zoneOf.slice();
    let bestPending = false;
    const t0 = temperature(state, movable, random, allowed, targetOf);
    const cooling = Math.pow(1 / COOLING_RANGE, 1 / perStart);
    let T = t0;
    const report = Math.max(1, Math.floor(perStart / 100));
    const snapshot = () => {
      if (!bestPending) return;
      bestCopy.set(state.zoneOf);
      bestPending = false;
    };
    for (let i = 0; i < perStart && movable.length; i++, T *= cooling) {
      iterations += 1;
      if (i % report === 0) {
        options.checkCancelled?.();
        options.onProgress?.({ start: s + 1, starts, fraction: (s + i / perStart) / starts, bestObjective: Math.min(startBest, best?.score ?? Infinity) });
      }
      if ((i & 1023) === 0 && now() > deadline) {
        stoppedBy = 'time';
        if (bestPending) bestCopy.set(state.zoneOf);
        best = keepBetter(best, polish(bestCopy));
        break outer;
      }
      const a = movable[pick(random, movable.length)]!;
      if (i % recombineEvery === recombineEvery - 1) {
        const delta = tryRecombine(state, a, random, T, snapshot);
        if (delta === null) continue;
        const after = state.objective() + penaltyOf(state);
        if (options.debug && Math.abs(after - current - delta) > 1e-6) throw new Error(`A recombination changed the objective by ${after - current}, not the ${delta} it predicted.`);
        current = after;
        if (current < startBest - 1e-12) {
          startBest = current;
          bestPending = true;
        }
        continue;
      }
      const to = targetOf(state, a, random);
      if (to < 0) continue;
      const rule = allowed(state, a, to);
      if (!rule || !rule.ok) continue;
      const delta = state.delta(a, to) + rule.penalty;
      if (delta > 1e-12 && random() >= Math.exp(-delta / T)) continue;
      if (delta > 1e-12) snapshot();
      if (!tryMove(state, a, to)) continue;
      current += delta;
      if (current < startBest - 1e-12) {
        startBest = current;
        bestPending = true;
      }
    }
    if (bestPending) bestCopy.set(state.zoneOf);
    best = keepBetter(best, polish(bestCopy));
  }

  /** A greedy sweep to the nearest local optimum: every improving boundary move, until none is left. */
  function polish(zoneOf: Int32Array): { zoneOf: Int32Array; score: number } {
    const state = new ZoneState(instance, zoneOf, Z, weights, seed.start);
    for (let sweep = 0, improved = true; improved && sweep < 50; sweep++) {
      improved = false;
      for (const a of movable) {
        let bestTo = -1;
        let bestDelta = -1e-9;
        const from = state.zoneOf[a]!;
        for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
          const to = state.zoneOf[instance.neighbours[k]!]!;
          if (to === from || to === bestTo || seed.locked[to]) continue;
          const rule = allowed(state, a, to);
          if (!rule || !rule.ok) continue;
          const delta = state.delta(a, to) + rule.penalty;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestTo = to;
          }
        }
        if (bestTo >= 0 && tryMove(state, a, bestTo)) improved = true;
      }
    }
    return { zoneOf: state.zoneOf.slice(), score: state.objective() + penaltyOf(state) };
  }

  const result = keepNames(best!.zoneOf, seed.start, instance.population, seed.locked, Z);
  const judge = (terms: Terms): Judged => ({ ...terms, objective: objectiveOf(terms, weights, scales) });
  const demand = zoneDemand(instance, result, Z);
  return {
    zoneOf: result,
    seed,
    before: judge(evaluate(instance, instance.start, instance.zoneIds.length, instance.start)),
    after: judge(evaluate(instance, result, Z, seed.start)),
    changed: seed.origin.map((o, z) => o < 0 || result.some((y, a) => (y === z) !== (instance.start[a] === o))),
    bounds,
    withinBounds: [...demand].every((d, z) => seed.locked[z] || violation(d) <= 1e-6),
    stoppedBy,
    iterations,
    starts,
  };
}

const keepBetter = <T extends { score: number }>(a: T | null, b: T): T => (a && a.score <= b.score + 1e-12 ? a : b);

/**
 * The demand bounds: as given, else the starting plan's smallest and largest
 * zone, scaled by how many zones there were against how many there will be.
 */
export function defaultBounds(instance: Instance, zoneCount: number, options: Pick<ProposeOptions, 'minDemand' | 'maxDemand'> = {}) {
  const Z0 = instance.zoneIds.length;
  const demand = [...zoneDemand(instance, instance.start, Z0)].filter((_, z) => instance.start.includes(z));
  const scale = demand.length / Math.max(1, zoneCount);
  return {
    minDemand: options.minDemand ?? (demand.length ? Math.min(...demand) * Math.min(1, scale) : 0),
    maxDemand: options.maxDemand ?? (demand.length ? Math.max(...demand) * Math.max(1, scale) : Infinity),
  };
}

/**
 * The starting temperature: one at which a typical uphill move (the median of
 * a sample) is taken INITIAL_ACCEPTANCE of the time.
 */
function temperature(
  state: ZoneState,
  movable: number[],
  random: () => number,
  allowed: (state: ZoneState, a: number, to: number) => false | { ok: boolean; penalty: number },
  targetOf: (state: ZoneState, a: number, random: () => number) => number,
): number {
  const ups: number[] = [];
  for (let i = 0; i < 400 && movable.length; i++) {
    const a = movable[pick(random, movable.length)]!;
    const to = targetOf(state, a, random);
    if (to < 0) continue;
    const rule = allowed(state, a, to);
    if (!rule || !rule.ok) continue;
    const d = state.delta(a, to) + rule.penalty;
    if (d > 1e-12) ups.push(d);
  }
  if (!ups.length) return 1e-3;
  ups.sort((x, y) => x - y);
  return ups[Math.floor(ups.length / 2)]! / -Math.log(INITIAL_ACCEPTANCE);
}
