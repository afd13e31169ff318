import type { Instance } from './instance';
import { isFragile, isMixed, type Scales, type Weights } from './objective';

/** What a zone may hold: the demand bounds, as a violation (0 inside them). */
export type Violation = (demandHours: number) => number;

export interface Recombination {
  /** The areas of the two zones, and the zone each would take. */
  areas: number[];
  zones: Int32Array;
  /** The change in the objective (bound penalty not included) and in the bounds' violation. */
  delta: number;
  violationDelta: number;
}

/**
 * Merge-and-split of two neighbouring zones, as in ReCom: the two zones'
 * areas are joined, a random spanning tree is drawn over them (the minimum
 * tree under random edge weights), and of the cuts of one tree edge whose
 * two sides keep to the bounds, the one that scores best under either
 * labelling is returned. Both sides of a tree cut are connected, so
 * contiguity needs no check, and the move can reach splits that no sequence
 * of single-area moves within the bounds can. Every sum a side needs is a
 * subtree sum, so scoring all cuts costs one pass over the tree per figure.
 * Returns null when no cut keeps to the bounds (or the zones are one area).
 */
export function recombine(
  instance: Instance,
  zoneOf: Int32Array,
  start: Int32Array,
  x: number,
  y: number,
  random: () => number,
  weights: Weights,
  scales: Scales,
  violation: Violation,
): Recombination | null {
  const { neighbourStart: ns, neighbours, lots: L, hourly } = instance;
  const areas: number[] = [];
  for (let a = 0; a < zoneOf.length; a++) if (zoneOf[a] === x || zoneOf[a] === y) areas.push(a);
  const n = areas.length;
  if (n < 2) return null;
  const local = new Map<number, number>();
  areas.forEach((a, i) => local.set(a, i));

  // Edges inside the union, then a minimum spanning tree under random weights (Kruskal).
  const edges: [number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    const a = areas[i]!;
    for (let k = ns[a]!; k < ns[a + 1]!; k++) {
      const j = local.get(neighbours[k]!);
      if (j !== undefined && j > i) edges.push([i, j, random()]);
    }
  }
  edges.sort((p, q) => p[2] - q[2]);
  const root = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (root[i] !== i) i = root[i] = root[root[i]!]!;
    return i;
  };
  const tree: number[][] = Array.from({ length: n }, () => []);
  let joined = 0;
  for (const [i, j] of edges) {
    const ri = find(i);
    const rj = find(j);
    if (ri === rj) continue;
    root[ri] = rj;
    tree[i]!.push(j);
    tree[j]!.push(i);
    joined += 1;
  }
  if (joined !== n - 1) return null; // the two zones are not one connected block

  // Root the tree; order lists parents before children.
  const parent = new Int32Array(n).fill(-1);
  const depth = new Int32Array(n);
  const order = [0];
  parent[0] = 0;
  for (let h = 0; h < order.length; h++) {
    const v = order[h]!;
    for (const w of tree[v]!) {
      if (parent[w] !== -1) continue;
      parent[w] = v;
      depth[w] = depth[v]! + 1;
      order.push(w);
    }
  }
  parent[0] = -1;

  // Per-node figures, summed up the tree: demand and cover per lot, people, rural people, people moved under each labelling, provider cover.
  const providers = new Map<number, number>();
  for (const a of areas) for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) if (!providers.has(instance.supplyProvider[k]!)) providers.set(instance.supplyProvider[k]!, providers.size);
  const P = providers.size;
  const F = 2 * L + 4; // D[L], C[L], pop, ruralPop, movedIfX, movedIfY
  const sub = new Float64Array(n * F);
  const held = new Float64Array(n * P);
  const pairDegree = new Float64Array(n);
  const inside = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = areas[i]!;
    for (let l = 0; l < L; l++) {
      sub[i * F + l] = instance.demand[a * L + l]!;
      sub[i * F + L + l] = instance.cover[a * L + l]!;
    }
    const pop = instance.population[a]!;
    sub[i * F + 2 * L] = pop;
    sub[i * F + 2 * L + 1] = instance.rural[a] ? pop : 0;
    sub[i * F + 2 * L + 2] = start[a] !== x ? pop : 0;
    sub[i * F + 2 * L + 3] = start[a] !== y ? pop : 0;
    for (let k = instance.supplyStart[a]!; k < instance.supplyStart[a + 1]!; k++) held[i * P + providers.get(instance.supplyProvider[k]!)!]! += instance.supplyCover[k]!;
  }
  // An edge (i, j) of the union lies inside the subtree of t exactly when t is an ancestor of both, that is of their lowest common ancestor.
  for (const [i, j] of edges) {
    pairDegree[i]! += 1;
    pairDegree[j]! += 1;
    let u = i;
    let v = j;
    while (depth[u]! > depth[v]!) u = parent[u]!;
    while (depth[v]! > depth[u]!) v = parent[v]!;
    while (u !== v) {
      u = parent[u]!;
      v = parent[v]!;
    }
    inside[u]! += 1;
  }
  // Each area's own figures, before they are summed up the tree: the current split is scored from them.
  const ownSub = sub.slice();
  const ownHeld = held.slice();
  for (let h = n - 1; h > 0; h--) {
    const v = order[h]!;
    const p = parent[v]!;
    for (let f = 0; f < F; f++) sub[p * F + f]! += sub[v * F + f]!;
    for (let q = 0; q < P; q++) held[p * P + q]! += held[v * P + q]!;
    pairDegree[p]! += pairDegree[v]!;
    inside[p]! += inside[v]!;
  }

  // One side of the cut above node t: the subtree (side 1) or the rest (-1). Its score leaves out disruption, which depends on the side's name.
  const figure = (t: number, f: number, side: 1 | -1) => (side === 1 ? sub[t * F + f]! : sub[f]! - sub[t * F + f]!);
  const demandOfSide = (t: number, side: 1 | -1) => {
    let d = 0;
    for (let l = 0; l < L; l++) if (hourly[l]) d += figure(t, l, side);
    return d;
  };
  /** A zone's score from its sums (disruption apart): `at(f)` reads figure f of the side, `largest` is its largest provider's cover. */
  // A zone's figures in F numbers (as sub holds them), and its score from them; a scratch row keeps the hot loop free of closures.
  const scratch = new Float64Array(F);
  const zoneScore = (at: Float64Array, largest: number) => {
    let stored = 0;
    let demandH = 0;
    let coverH = 0;
    for (let l = 0; l < L; l++) {
      const d = at[l]!;
      const c = at[L + l]!;
      if (d - c > 1e-9) stored += d - c;
      if (hourly[l]) {
        demandH += d;
        coverH += c;
      }
    }
    return {
      score:
        (weights.shortfall * 100 * stored) / scales.demand +
        weights.fragility * (isFragile(demandH, coverH, largest, instance) ? 1 : 0) +
        weights.coherence * (isMixed(at[2 * L]!, at[2 * L + 1]!) ? 1 : 0),
      demandH,
    };
  };
  const sideScore = (t: number, side: 1 | -1) => {
    let largest = 0;
    for (let q = 0; q < P; q++) {
      const h = side === 1 ? held[t * P + q]! : held[q]! - held[t * P + q]!;
      if (h > largest) largest = h;
    }
    for (let f = 0; f < F; f++) scratch[f] = side === 1 ? sub[t * F + f]! : sub[f]! - sub[t * F + f]!;
    return zoneScore(scratch, largest).score;
  };
  const moved = (t: number, side: 1 | -1, asX: boolean) => (weights.disruption * 100 * figure(t, 2 * L + (asX ? 2 : 3), side)) / scales.population;
  const cutScore = (t: number) => (weights.compactness * 100 * (pairDegree[t]! - 2 * inside[t]!)) / scales.edges;

  // The current split, scored the same way, so the delta compares like with like.
  const current = (() => {
    const sums = [new Float64Array(F), new Float64Array(F)];
    const heldBy = [new Float64Array(P), new Float64Array(P)];
    areas.forEach((a, i) => {
      const side = zoneOf[a] === x ? 0 : 1;
      for (let f = 0; f < F; f++) sums[side]![f]! += ownSub[i * F + f]!;
      for (let q = 0; q < P; q++) heldBy[side]![q]! += ownHeld[i * P + q]!;
    });
    let cut = 0;
    for (const [i, j] of edges) if (zoneOf[areas[i]!] !== zoneOf[areas[j]!]) cut += 1;
    const [sx, sy] = [0, 1].map((side) => zoneScore(sums[side]!, heldBy[side]!.reduce((m, v) => Math.max(m, v), 0)));
    const disruption = (weights.disruption * 100 * (sums[0]![2 * L + 2]! + sums[1]![2 * L + 3]!)) / scales.population;
    return { score: sx!.score + sy!.score + disruption + (weights.compactness * 100 * cut) / scales.edges, violation: violation(sx!.demandH) + violation(sy!.demandH) };
  })();

  let best: { t: number; subtreeIsX: boolean; score: number; violation: number } | null = null;
  for (let h = 1; h < n; h++) {
    const t = order[h]!;
    // The bounds first: most cuts of a tree fail them, and they cost two sums to test.
    const v = violation(demandOfSide(t, 1)) + violation(demandOfSide(t, -1));
    if (v > current.violation + 1e-9) continue;
    const base = sideScore(t, 1) + sideScore(t, -1) + cutScore(t);
    for (const subtreeIsX of [true, false]) {
      const score = base + moved(t, 1, subtreeIsX) + moved(t, -1, !subtreeIsX);
      if (!best || score < best.score - 1e-12) best = { t, subtreeIsX, score, violation: v };
    }
  }
  if (!best) return null;

  // Mark the chosen subtree, then label each area.
  const inSub = new Uint8Array(n);
  inSub[best.t] = 1;
  for (let h = 1; h < n; h++) {
    const v = order[h]!;
    if (v !== best.t && inSub[parent[v]!]) inSub[v] = 1;
  }
  const zones = Int32Array.from({ length: n }, (_, i) => ((inSub[i] === 1) === best.subtreeIsX ? x : y));
  return { areas, zones, delta: best.score - current.score, violationDelta: best.violation - current.violation };
}
