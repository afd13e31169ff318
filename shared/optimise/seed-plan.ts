import { ApiError } from '../api/errors';
import type { Instance } from './instance';
import { piecesOf } from './contiguity';
import { zoneDemand } from './objective';

/**
 * Where the search starts: the starting plan made valid and brought to K
 * zones. Each zone of the seed knows where it came from, so the proposal can
 * keep the starting plan's ids, names and colours.
 */
export interface SeedPlan {
  zoneOf: Int32Array;
  zoneCount: number;
  /** Per seed zone: the starting plan's zone index it continues, or -1 for a zone split off another. */
  origin: number[];
  /** Per seed zone: for a new zone, the starting zone it was split from (else -1). */
  splitFrom: number[];
  /** Per seed zone: 1 when locked. */
  locked: Uint8Array;
  /** The starting plan's zone of each area in seed numbering (-1 where that zone was merged away or the area had none): what moves are counted from. */
  start: Int32Array;
  /** Starting zones merged into another to reach K. */
  merged: number[];
}

/**
 * Repairs the starting plan and brings it to `K` zones.
 * - An unlocked zone in several pieces keeps its largest; the others join the unlocked zone they border most.
 * - Areas with no zone join the unlocked zone most of their neighbours are in.
 * - Fewer zones: the unlocked zone with the least demand merges into its least-demand unlocked neighbour.
 * - More zones: the unlocked zone with the most demand is cut in two along a spanning tree, nearest half its demand.
 * Locked zones are never touched. Throws when K cannot be reached.
 */
export function seedPlan(instance: Instance, K: number = instance.zoneIds.length): SeedPlan {
  const Z0 = instance.zoneIds.length;
  const zoneOf = instance.start.slice();
  const locked = (z: number) => z >= 0 && z < Z0 && instance.locked[z] === 1;

  // Stray pieces of unlocked zones become unassigned, then everything unassigned is flooded.
  piecesOf(instance, zoneOf, Z0).forEach((pieces, z) => {
    if (locked(z)) return;
    for (const piece of pieces.slice(1)) for (const a of piece) zoneOf[a] = -1;
  });
  flood(instance, zoneOf, locked);
  const unplaced = zoneOf.findIndex((z) => z < 0);
  if (unplaced >= 0) throw new ApiError('invalid-input', `Area ${instance.areaCodes[unplaced]} has no zone and borders no zone that may change, so the optimiser cannot place it: assign it to a zone first.`);

  // Zone indices stay the starting plan's while merging and splitting; renumbered at the end.
  let origin = Array.from({ length: Z0 }, (_, z) => z);
  let splitFrom = Array.from({ length: Z0 }, () => -1);
  const alive = Array.from({ length: Z0 }, () => true);
  const merged: number[] = [];
  const sizes = new Int32Array(Z0);
  for (const z of zoneOf) sizes[z]! += 1;
  sizes.forEach((n, z) => {
    if (n === 0) alive[z] = false; // empty zones are not zones
  });
  const count = () => alive.filter(Boolean).length;
  if (K < 1) throw new ApiError('invalid-input', 'A plan needs at least one zone.');
  const lockedCount = alive.filter((on, z) => on && locked(z)).length;
  if (K <= lockedCount && lockedCount < count()) throw new ApiError('invalid-input', `${lockedCount} zones are locked, so the proposal needs more than ${lockedCount} zones.`);

  while (count() > K) {
    const demand = zoneDemand(instance, zoneOf, alive.length);
    const touching = zoneBorders(instance, zoneOf, alive.length);
    let best: [number, number] | null = null;
    for (let z = 0; z < alive.length; z++) {
      if (!alive[z] || locked(z)) continue;
      for (const y of touching[z]!) {
        if (locked(y)) continue;
        const score = demand[z]! + demand[y]!;
        if (!best || score < demand[best[0]]! + demand[best[1]]! - 1e-9) best = [z, y];
      }
    }
    if (!best) throw new ApiError('invalid-input', `Only ${count()} zones can be made: no two unlocked zones border each other.`);
    const [gone, into] = demand[best[0]]! <= demand[best[1]]! ? best : [best[1], best[0]];
    for (let a = 0; a < zoneOf.length; a++) if (zoneOf[a] === gone) zoneOf[a] = into;
    alive[gone] = false;
    if (gone < Z0) merged.push(gone);
  }

  while (count() < K) {
    const demand = zoneDemand(instance, zoneOf, alive.length);
    const members: number[][] = alive.map(() => []);
    zoneOf.forEach((z, a) => members[z]!.push(a));
    let target = -1;
    for (let z = 0; z < alive.length; z++) {
      if (!alive[z] || locked(z) || members[z]!.length < 2) continue;
      if (target < 0 || demand[z]! > demand[target]! + 1e-9) target = z;
    }
    if (target < 0) throw new ApiError('invalid-input', `Only ${count()} zones can be made: every unlocked zone is a single area.`);
    const part = halfOf(instance, zoneOf, members[target]!);
    const fresh = alive.length;
    alive.push(true);
    origin.push(-1);
    splitFrom.push(splitFrom[target]! >= 0 ? splitFrom[target]! : origin[target]!);
    for (const a of part) zoneOf[a] = fresh;
  }

  // Renumber: surviving starting zones in their order, then the new ones.
  const renumber = new Int32Array(alive.length).fill(-1);
  let next = 0;
  alive.forEach((on, z) => {
    if (on) renumber[z] = next++;
  });
  origin = origin.filter((_, z) => alive[z]);
  splitFrom = splitFrom.filter((_, z) => alive[z]);
  const seedZoneOf = zoneOf.map((z) => renumber[z]!);
  const start = instance.start.map((z) => (z >= 0 && z < Z0 ? renumber[z]! : -1));
  return {
    zoneOf: seedZoneOf,
    zoneCount: next,
    origin,
    splitFrom,
    locked: Uint8Array.from(origin, (z) => (z >= 0 && instance.locked[z] ? 1 : 0)),
    start,
    merged,
  };
}

/** Unassigned areas join the unlocked zone most of their neighbours are in (lowest index on a tie), wave by wave. */
function flood(instance: Instance, zoneOf: Int32Array, locked: (z: number) => boolean): void {
  const { neighbourStart: start, neighbours } = instance;
  for (;;) {
    const wave: [number, number][] = [];
    for (let a = 0; a < zoneOf.length; a++) {
      if (zoneOf[a]! >= 0) continue;
      const votes = new Map<number, number>();
      for (let k = start[a]!; k < start[a + 1]!; k++) {
        const z = zoneOf[neighbours[k]!]!;
        if (z >= 0 && !locked(z)) votes.set(z, (votes.get(z) ?? 0) + 1);
      }
      let best = -1;
      for (const [z, n] of votes) if (best < 0 || n > votes.get(best)! || (n === votes.get(best)! && z < best)) best = z;
      if (best >= 0) wave.push([a, best]);
    }
    if (!wave.length) return;
    for (const [a, z] of wave) zoneOf[a] = z;
  }
}

function zoneBorders(instance: Instance, zoneOf: Int32Array, Z: number): Set<number>[] {
  const touching: Set<number>[] = Array.from({ length: Z }, () => new Set());
  for (let a = 0; a < zoneOf.length; a++) {
    for (let k = instance.neighbourStart[a]!; k < instance.neighbourStart[a + 1]!; k++) {
      const b = instance.neighbours[k]!;
      if (zoneOf[a] !== zoneOf[b]) touching[zoneOf[a]!]!.add(zoneOf[b]!);
    }
  }
  return touching;
}

/**
 * One side of the cut of a zone's spanning tree (breadth-first from its first
 * area) whose demand is nearest half the zone's: both sides are connected by
 * construction. With no demand the areas are counted instead.
 */
function halfOf(instance: Instance, zoneOf: Int32Array, members: number[]): number[] {
  const z = zoneOf[members[0]!]!;
  const weight = (a: number) => {
    let d = 0;
    for (let l = 0; l < instance.lots; l++) if (instance.hourly[l]) d += instance.demand[a * instance.lots + l]!;
    return d;
  };
  let total = members.reduce((s, a) => s + weight(a), 0);
  const useCount = total <= 1e-9;
  if (useCount) total = members.length;
  const parent = new Map<number, number>([[members[0]!, -1]]);
  const order = [members[0]!];
  for (let i = 0; i < order.length; i++) {
    const v = order[i]!;
    for (let k = instance.neighbourStart[v]!; k < instance.neighbourStart[v + 1]!; k++) {
      const b = instance.neighbours[k]!;
      if (zoneOf[b] === z && !parent.has(b)) {
        parent.set(b, v);
        order.push(b);
      }
    }
  }
  const sub = new Map<number, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    sub.set(v, (sub.get(v) ?? 0) + (useCount ? 1 : weight(v)));
    const p = parent.get(v)!;
    if (p >= 0) sub.set(p, (sub.get(p) ?? 0) + sub.get(v)!);
  }
  let cut = -1;
  for (const v of order.slice(1)) if (cut < 0 || Math.abs(sub.get(v)! - total / 2) < Math.abs(sub.get(cut)! - total / 2) - 1e-9) cut = v;
  const children = new Map<number, number[]>();
  for (const v of order.slice(1)) {
    const p = parent.get(v)!;
    (children.get(p) ?? children.set(p, []).get(p)!).push(v);
  }
  const part = [cut];
  for (let i = 0; i < part.length; i++) part.push(...(children.get(part[i]!) ?? []));
  return part;
}
