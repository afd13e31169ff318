import type { Instance } from './instance';

/**
 * Whether zone `z` stays in one piece when area `a` leaves it. Only the
 * zone's areas touching `a` need to stay linked to each other, so the search
 * stops as soon as it has reached them all: on compact zones it rarely walks
 * more than a few areas. `mark` is scratch space of one number per area; `stamp`
 * must differ from every earlier call's (the caller counts up).
 */
export function staysConnected(instance: Instance, zoneOf: Int32Array, a: number, mark: Int32Array, stamp: number, queue: Int32Array): boolean {
  const { neighbourStart: start, neighbours } = instance;
  const z = zoneOf[a]!;
  let targets = 0;
  let first = -1;
  for (let k = start[a]!; k < start[a + 1]!; k++) {
    const b = neighbours[k]!;
    if (zoneOf[b] === z) {
      targets += 1;
      if (first < 0) first = b;
    }
  }
  if (targets <= 1) return true;
  mark[a] = stamp;
  mark[first] = stamp;
  let head = 0;
  let tail = 0;
  queue[tail++] = first;
  let found = 1;
  while (head < tail) {
    const v = queue[head++]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const b = neighbours[k]!;
      if (zoneOf[b] !== z || mark[b] === stamp) continue;
      mark[b] = stamp;
      queue[tail++] = b;
      // Is b one of a's neighbours? Then one more target is linked.
      for (let j = start[a]!; j < start[a + 1]!; j++) {
        if (neighbours[j] === b) {
          if (++found === targets) return true;
          break;
        }
      }
    }
  }
  return false;
}

/** The connected pieces of each zone (areas with zone -1 are left out), largest first within a zone. */
export function piecesOf(instance: Instance, zoneOf: Int32Array, zoneCount: number): number[][][] {
  const { neighbourStart: start, neighbours } = instance;
  const A = zoneOf.length;
  const seen = new Uint8Array(A);
  const pieces: number[][][] = Array.from({ length: zoneCount }, () => []);
  for (let a = 0; a < A; a++) {
    const z = zoneOf[a]!;
    if (z < 0 || seen[a]) continue;
    const piece = [a];
    seen[a] = 1;
    for (let i = 0; i < piece.length; i++) {
      const v = piece[i]!;
      for (let k = start[v]!; k < start[v + 1]!; k++) {
        const b = neighbours[k]!;
        if (!seen[b] && zoneOf[b] === z) {
          seen[b] = 1;
          piece.push(b);
        }
      }
    }
    pieces[z]!.push(piece);
  }
  for (const list of pieces) list.sort((x, y) => y.length - x.length || x[0]! - y[0]!);
  return pieces;
}

/** Zones (by index) that are not in exactly one piece: empty zones count. */
export function brokenZones(instance: Instance, zoneOf: Int32Array, zoneCount: number): number[] {
  return piecesOf(instance, zoneOf, zoneCount)
    .map((p, z) => [p.length, z] as const)
    .filter(([n]) => n !== 1)
    .map(([, z]) => z);
}
