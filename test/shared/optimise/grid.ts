import type { Instance } from '../../../shared/optimise/instance';
import { seededRandom } from '../../../shared/optimise/random';

/**
 * A rows × columns grid of areas (rook adjacency) with made-up demand, secure
 * cover from a handful of providers, population and rural flags, all drawn
 * from a seed; the starting plan is vertical stripes. Small enough to
 * enumerate every contiguous partition.
 */
export function gridInstance(rows: number, cols: number, zones: number, seed: number, locked: number[] = []): Instance {
  const random = seededRandom(seed);
  const A = rows * cols;
  const L = 3;
  const lists: number[][] = Array.from({ length: A }, () => []);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const a = r * cols + c;
      if (c + 1 < cols) lists[a]!.push(a + 1), lists[a + 1]!.push(a);
      if (r + 1 < rows) lists[a]!.push(a + cols), lists[a + cols]!.push(a);
    }
  }
  const neighbourStart = new Int32Array(A + 1);
  lists.forEach((l, a) => (neighbourStart[a + 1] = neighbourStart[a]! + l.length));
  const neighbours = Int32Array.from(lists.flatMap((l) => l.sort((x, y) => x - y)));
  const demand = new Float64Array(A * L);
  const cover = new Float64Array(A * L);
  const providers = 4;
  const supply: [number, number][][] = [];
  for (let a = 0; a < A; a++) {
    demand[a * L] = Math.round(random() * 40);
    demand[a * L + 1] = random() < 0.3 ? Math.round(random() * 15) : 0;
    demand[a * L + 2] = random() < 0.15 ? 168 : 0;
    const held: [number, number][] = [];
    if (random() < 0.6) {
      const p = Math.floor(random() * providers);
      const hours = Math.round(random() * 60);
      cover[a * L]! += hours;
      held.push([p, hours]);
    }
    if (random() < 0.2) cover[a * L + 2] = 168;
    supply.push(held);
  }
  const supplyStart = new Int32Array(A + 1);
  supply.forEach((h, a) => (supplyStart[a + 1] = supplyStart[a]! + h.length));
  const start = Int32Array.from({ length: A }, (_, a) => Math.min(zones - 1, Math.floor(((a % cols) * zones) / cols)));
  return {
    areaCodes: Array.from({ length: A }, (_, a) => `A${a}`),
    neighbourStart,
    neighbours,
    lots: L,
    hourly: Uint8Array.from([1, 1, 0]),
    demand,
    cover,
    supplyStart,
    supplyProvider: Int32Array.from(supply.flat().map(([p]) => p)),
    supplyCover: Float64Array.from(supply.flat().map(([, h]) => h)),
    providerCount: providers,
    population: Float64Array.from({ length: A }, () => 1000 + Math.round(random() * 1000)),
    rural: Uint8Array.from({ length: A }, (_, a) => (a % cols >= cols / 2 && random() < 0.8 ? 1 : 0)),
    zoneIds: Array.from({ length: zones }, (_, z) => `Z${z + 1}`),
    start,
    locked: Uint8Array.from({ length: zones }, (_, z) => (locked.includes(z) ? 1 : 0)),
    fragileN1Below: 0.8,
    fragileMaxShare: 0.5,
  };
}

/**
 * Every way to cut the areas into `k` connected blocks (as lists of areas),
 * each partition once: the block holding the lowest remaining area is chosen
 * among all connected sets containing it, then the rest is cut likewise.
 * Sets are bit masks, so grids up to 30 areas.
 */
export function* connectedPartitions(instance: Instance, k: number, areas: number[] = instance.areaCodes.map((_, a) => a)): Generator<number[][]> {
  if (instance.areaCodes.length > 30) throw new Error('The enumerator works on up to 30 areas.');
  const adjacent = instance.areaCodes.map((_, a) => {
    let mask = 0;
    for (let j = instance.neighbourStart[a]!; j < instance.neighbourStart[a + 1]!; j++) mask |= 1 << instance.neighbours[j]!;
    return mask;
  });
  const all = areas.reduce((m, a) => m | (1 << a), 0);
  for (const masks of partitions(adjacent, all, k)) yield masks.map(membersOf);
}

function* partitions(adjacent: number[], set: number, k: number): Generator<number[]> {
  if (set === 0) return;
  if (k === 1) {
    if (reach(adjacent, set, lowest(set)) === set) yield [set];
    return;
  }
  for (const block of connectedSets(adjacent, set, lowest(set))) {
    if (block === set) continue;
    for (const rest of partitions(adjacent, set & ~block, k - 1)) yield [block, ...rest];
  }
}

const lowest = (set: number) => 31 - Math.clz32(set & -set);
const membersOf = (set: number) => Array.from({ length: 31 }, (_, a) => a).filter((a) => (set >>> a) & 1);

function reach(adjacent: number[], set: number, from: number): number {
  let seen = 1 << from;
  let frontier = seen;
  while (frontier) {
    let next = 0;
    for (let f = frontier; f; f &= f - 1) next |= adjacent[lowest(f)]!;
    next &= set & ~seen;
    seen |= next;
    frontier = next;
  }
  return seen;
}

/** Connected subsets of `set` containing v, each once: every branch either takes a frontier area or rules it out for good. */
function connectedSets(adjacent: number[], set: number, v: number): number[] {
  const out: number[] = [];
  const grow = (current: number, frontier: number, excluded: number) => {
    out.push(current);
    let ruledOut = excluded;
    for (let f = frontier; f; f &= f - 1) {
      const w = lowest(f);
      const taken = current | (1 << w);
      ruledOut |= 1 << w;
      const next = ((frontier & ~ruledOut) | adjacent[w]!) & set & ~taken & ~ruledOut;
      grow(taken, next, ruledOut);
    }
  };
  grow(1 << v, adjacent[v]! & set, 1 << v);
  return out;
}

/** Every ordering of 0..n-1. */
export function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]));
}
