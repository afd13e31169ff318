import type { Position } from '../geo/types';

/** Where a ring meets itself: at a vertex or edge it touches (`touch`), or where two edges cross (`cross`). */
export interface Crossing {
  kind: 'touch' | 'cross';
  point: Position;
}

export interface SplitResult {
  /** Simple closed rings, each meeting the others at most at vertices. */
  loops: Position[][];
  crossings: Crossing[];
  /** Where two edges lie along each other (a collinear overlap), which has no safe repair. */
  overlap: Position | null;
  /** Out-and-back spikes removed. */
  spikes: number;
}

// Relative tolerance for "this vertex lies on that edge": well below survey precision, well above rounding noise.
const EPS = 1e-12;
// Points closer than this (relative; about a micrometre in degrees) are the same point.
const SNAP = 1e-11;

/**
 * Nodes a closed ring against itself — every point where it touches or crosses
 * itself becomes a vertex — and splits it there into simple loops. Segments are
 * swept in x order so that a ring of n edges costs about n log n, not n².
 */
export function splitLoops(closed: Position[]): SplitResult {
  // Nearly every ring has no spike: it is read where it is, its closing position ignored, rather than copied open.
  const plain = !spikeOrRepeat(closed, closed.length - 1);
  const { ring, spikes } = plain ? { ring: closed, spikes: 0 } : withoutSpikes(closed.slice(0, -1));
  const n = plain ? Math.max(0, closed.length - 1) : ring.length;
  const crossings: Crossing[] = [];
  // Most rings meet themselves nowhere: points to insert are kept only for the edges that have them.
  const inserts = new Map<number, { t: number; p: Position }[]>();
  const insert = (edge: number, t: number, p: Position) => {
    const list = inserts.get(edge);
    if (list) list.push({ t, p });
    else inserts.set(edge, [{ t, p }]);
  };
  // Each edge's box and direction in typed arrays: the sweep compares millions of boxes on a large import.
  const { x0, x1, y0, y1, dx, dy } = scratchFor(n);
  for (let i = 0; i < n; i++) {
    const a = ring[i]!;
    const b = ring[nextIndex(i, n)]!;
    const ax = a[0]!;
    const ay = a[1]!;
    const bx = b[0]!;
    const by = b[1]!;
    x0[i] = Math.min(ax, bx);
    x1[i] = Math.max(ax, bx);
    y0[i] = Math.min(ay, by);
    y1[i] = Math.max(ay, by);
    dx[i] = bx - ax;
    dy[i] = by - ay;
  }
  const { order, bucket, bucketOf } = xOrder(x0, n);
  let overlap: Position | null = null;
  for (let oi = 0; oi < n && !overlap; oi++) {
    const i = order[oi]!;
    const iMaxX = x1[i]!;
    const lastBucket = bucketOf(iMaxX);
    for (let oj = oi + 1; oj < n; oj++) {
      // Past the bucket of this edge's right end, every later edge starts to its right.
      if (bucket[oj]! > lastBucket) break;
      const j = order[oj]!;
      if (x0[j]! > iMaxX) continue;
      if (y1[i]! < y0[j]! || y1[j]! < y0[i]!) continue;
      const adjacent = nextIndex(i, n) === j || nextIndex(j, n) === i;
      if (adjacent) {
        // Neighbouring edges (every vertex has a pair) matter only when parallel: the same test meet() starts with, without its call.
        const rx = dx[i]!;
        const ry = dy[i]!;
        const sx = dx[j]!;
        const sy = dy[j]!;
        const denom = rx * sy - ry * sx;
        if (denom * denom > EPS * EPS * (rx * rx + ry * ry) * (sx * sx + sy * sy)) continue;
      }
      const hit = meet(ring[i]!, ring[nextIndex(i, n)]!, ring[j]!, ring[nextIndex(j, n)]!, adjacent);
      if (!hit) continue;
      if (hit.kind === 'overlap') {
        overlap = hit.point;
        break;
      }
      crossings.push({ kind: hit.kind, point: hit.point });
      if (hit.ti > 0 && hit.ti < 1) insert(i, hit.ti, hit.point);
      if (hit.tj > 0 && hit.tj < 1) insert(j, hit.tj, hit.point);
    }
  }
  if (overlap) return { loops: [], crossings, overlap, spikes };
  // Nearly every ring: it meets itself nowhere, so it is its own one loop.
  if (crossings.length === 0) return { loops: [plain && n > 0 && same(closed[0]!, closed[n]!) ? closed : [...ring.slice(0, n), ring[0]!]], crossings, overlap: null, spikes };
  const noded: Position[] = [];
  for (let i = 0; i < n; i++) {
    noded.push(ring[i]!);
    for (const { p } of inserts.get(i)?.sort((a, b) => a.t - b.t) ?? []) noded.push(p);
  }
  return { loops: loopsAtRepeats(noded), crossings, overlap: null, spikes };
}

/** Buckets of x across a ring's extent: 2^30 of them, so only edges starting within a billionth of the extent share one. */
const BUCKETS = 2 ** 30;
/** Edge numbers below this fit beside a bucket in one exact double. */
const MAX_EDGES = 2 ** 22;

/**
 * The edges in order of their left ends, by a native sort of numbers rather
 * than a comparator (a large import sorts millions of edges): each key is the
 * edge's x bucket and its number in one double. Edges in one bucket come in
 * number order, so a sweep must stop on the bucket, not on x itself.
 */
function xOrder(x0: Float64Array, n: number): { order: Uint32Array; bucket: Float64Array; bucketOf(x: number): number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    if (x0[i]! < lo) lo = x0[i]!;
    if (x0[i]! > hi) hi = x0[i]!;
  }
  const scale = hi > lo ? BUCKETS / (hi - lo) : 0;
  const bucketOf = (x: number) => Math.floor((x - lo) * scale);
  const { order, bucket, keys: allKeys } = scratchFor(n);
  if (n >= MAX_EDGES) {
    for (let i = 0; i < n; i++) order[i] = i;
    order.subarray(0, n).sort((a, b) => x0[a]! - x0[b]!);
    for (let k = 0; k < n; k++) bucket[k] = bucketOf(x0[order[k]!]!);
    return { order, bucket, bucketOf };
  }
  for (let i = 0; i < n; i++) allKeys[i] = Math.min(bucketOf(x0[i]!), BUCKETS) * MAX_EDGES + i;
  allKeys.subarray(0, n).sort();
  for (let k = 0; k < n; k++) {
    const key = allKeys[k]!;
    // Division and subtraction are exact here (keys are integers below 2^52); a floating modulo is a call.
    const b = Math.floor(key / MAX_EDGES);
    order[k] = key - b * MAX_EDGES;
    bucket[k] = b;
  }
  return { order, bucket, bucketOf };
}

/**
 * Working arrays shared by every call (read only up to the ring's edge count),
 * grown to the largest ring seen: a national import nodes tens of thousands
 * of rings, and nine fresh typed arrays each cost more than the sweep.
 */
let scratch = { size: 0, x0: new Float64Array(0), x1: new Float64Array(0), y0: new Float64Array(0), y1: new Float64Array(0), dx: new Float64Array(0), dy: new Float64Array(0), order: new Uint32Array(0), bucket: new Float64Array(0), keys: new Float64Array(0) };

function scratchFor(n: number): typeof scratch {
  if (n > scratch.size) {
    const size = Math.max(n, 2 * scratch.size, 1024);
    scratch = { size, x0: new Float64Array(size), x1: new Float64Array(size), y0: new Float64Array(size), y1: new Float64Array(size), dx: new Float64Array(size), dy: new Float64Array(size), order: new Uint32Array(size), bucket: new Float64Array(size), keys: new Float64Array(size) };
  }
  return scratch;
}

/** The edge after edge i of a ring of n edges (a comparison, not a floating modulo: this is in the sweep's inner loop). */
function nextIndex(i: number, n: number): number {
  return i + 1 === n ? 0 : i + 1;
}

function same(a: Position, b: Position): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

/** Drops A-B-A out-and-back spikes (around the ring's start too). */
function withoutSpikes(open: Position[]): { ring: Position[]; spikes: number } {
  let ring = open;
  let spikes = 0;
  for (let changed = true; changed && ring.length >= 3; ) {
    changed = false;
    const kept: Position[] = [];
    for (const p of ring) {
      if (kept.length >= 2 && same(kept[kept.length - 2]!, p)) {
        kept.pop();
        spikes += 1;
        changed = true;
        continue;
      }
      if (kept.length === 0 || !same(kept[kept.length - 1]!, p)) kept.push(p);
    }
    while (kept.length > 1 && same(kept[0]!, kept[kept.length - 1]!)) kept.pop();
    // Rotate by one so a spike spanning the start is seen on the next pass.
    if (kept.length >= 3 && same(kept[1]!, kept[kept.length - 1]!)) {
      kept.shift();
      kept.pop();
      spikes += 1;
      changed = true;
    }
    ring = kept;
  }
  return { ring, spikes };
}

/** Whether any of a ring's first n positions equals the next or the one after (round the ring's end too): only then has withoutSpikes anything to do. */
function spikeOrRepeat(ring: Position[], n: number): boolean {
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    const next = ring[(i + 1) % n]!;
    const after = ring[(i + 2) % n]!;
    if (same(p, next) || same(p, after)) return true;
  }
  return false;
}

interface Meeting {
  kind: 'touch' | 'cross' | 'overlap';
  point: Position;
  ti: number;
  tj: number;
}

/** How segments a-b and c-d meet, if at all; adjacent segments share b = c (or d = a) and only their overlap matters. */
function meet(a: Position, b: Position, c: Position, d: Position, adjacent: boolean): Meeting | null {
  const rx = b[0]! - a[0]!;
  const ry = b[1]! - a[1]!;
  const sx = d[0]! - c[0]!;
  const sy = d[1]! - c[1]!;
  if (Math.max(a[1]!, b[1]!) < Math.min(c[1]!, d[1]!) || Math.max(c[1]!, d[1]!) < Math.min(a[1]!, b[1]!)) return null;
  const denom = rx * sy - ry * sx;
  // Neighbouring edges (every vertex has a pair) matter only when parallel: leave before any square root.
  if (adjacent && denom * denom > EPS * EPS * (rx * rx + ry * ry) * (sx * sx + sy * sy)) return null;
  const qx = c[0]! - a[0]!;
  const qy = c[1]! - a[1]!;
  const scale = Math.hypot(rx, ry) * Math.hypot(sx, sy);
  if (Math.abs(denom) <= EPS * scale) {
    // Parallel: they matter only if collinear and sharing more than a point.
    if (Math.abs(qx * ry - qy * rx) > EPS * Math.hypot(rx, ry) * Math.hypot(qx, qy)) return null;
    const rr = rx * rx + ry * ry;
    const t0 = (qx * rx + qy * ry) / rr;
    const t1 = t0 + (sx * rx + sy * ry) / rr;
    const lo = Math.max(0, Math.min(t0, t1));
    const hi = Math.min(1, Math.max(t0, t1));
    if (hi - lo > EPS) return { kind: 'overlap', point: [a[0]! + rx * lo, a[1]! + ry * lo], ti: lo, tj: 0 };
    if (adjacent || hi < lo - EPS) return null;
    return { kind: 'touch', point: lo <= EPS ? a : b, ti: lo <= EPS ? 0 : 1, tj: same(a, c) || same(b, c) ? 0 : 1 };
  }
  if (adjacent) return null;
  let t = (qx * sy - qy * sx) / denom;
  let u = (qx * ry - qy * rx) / denom;
  if (t < -EPS || t > 1 + EPS || u < -EPS || u > 1 + EPS) return null;
  // Snap parameters near an end to the end, so the meeting point is exactly an existing vertex.
  if (Math.abs(t) <= EPS) t = 0;
  else if (Math.abs(1 - t) <= EPS) t = 1;
  if (Math.abs(u) <= EPS) u = 0;
  else if (Math.abs(1 - u) <= EPS) u = 1;
  if ((t === 0 || t === 1) && (u === 0 || u === 1)) return { kind: 'touch', point: t === 0 ? a : b, ti: t, tj: u };
  if (t === 0 || t === 1) return { kind: 'touch', point: t === 0 ? a : b, ti: t, tj: u };
  if (u === 0 || u === 1) return { kind: 'touch', point: u === 0 ? c : d, ti: t, tj: u };
  const point: Position = [a[0]! + rx * t, a[1]! + ry * t];
  // A "crossing" within rounding noise of a vertex is that vertex touching the other edge.
  for (const [end, ti, tj] of [[a, 0, u], [b, 1, u], [c, t, 0], [d, t, 1]] as const) {
    if (Math.abs(point[0]! - end[0]!) + Math.abs(point[1]! - end[1]!) <= SNAP * (1 + Math.abs(end[0]!) + Math.abs(end[1]!))) return { kind: 'touch', point: end, ti, tj };
  }
  return { kind: 'cross', point, ti: t, tj: u };
}

/** Cuts a noded ring into loops wherever it passes through the same point twice. */
function loopsAtRepeats(open: Position[]): Position[][] {
  const loops: Position[][] = [];
  const path: Position[] = [];
  const seen = new Map<string, number>();
  for (const p of open) {
    const key = `${p[0]},${p[1]}`;
    const j = seen.get(key);
    if (j === undefined) {
      seen.set(key, path.length);
      path.push(p);
      continue;
    }
    const loop = path.splice(j + 1);
    for (const q of loop) seen.delete(`${q[0]},${q[1]}`);
    if (loop.length >= 2) loops.push([path[j]!, ...loop, path[j]!]);
  }
  if (path.length >= 3) loops.push([...path, path[0]!]);
  return loops;
}
