/**
 * The assignment of rows to columns with the least total cost (the Hungarian
 * method, shortest augmenting paths with potentials: O(n³)). `cost` is n × n,
 * row-major. Returns, for each row, its column.
 */
export function leastCostAssignment(cost: Float64Array, n: number): Int32Array {
  const u = new Float64Array(n + 1);
  const v = new Float64Array(n + 1);
  const owner = new Int32Array(n + 1); // owner[j]: the row (1-based) assigned to column j, 0 for none
  const way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    owner[0] = i;
    let j0 = 0;
    const least = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = owner[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const reduced = cost[(i0 - 1) * n + (j - 1)]! - u[i0]! - v[j]!;
        if (reduced < least[j]!) {
          least[j] = reduced;
          way[j] = j0;
        }
        if (least[j]! < delta) {
          delta = least[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) {
          u[owner[j]!]! += delta;
          v[j]! -= delta;
        } else least[j]! -= delta;
      }
      j0 = j1;
    } while (owner[j0] !== 0);
    do {
      const j1 = way[j0]!;
      owner[j0] = owner[j1]!;
      j0 = j1;
    } while (j0);
  }
  const column = new Int32Array(n);
  for (let j = 1; j <= n; j++) if (owner[j]) column[owner[j]! - 1] = j - 1;
  return column;
}

/**
 * Renames the unlocked zones of a plan so that each keeps as many of its
 * starting people as it can. Only disruption depends on which zone is called
 * what, so this never makes the objective worse, and it stops a zone named
 * after one town drifting, move by move, onto another's areas.
 */
export function keepNames(zoneOf: Int32Array, start: Int32Array, population: Float64Array, locked: Uint8Array, zoneCount: number): Int32Array {
  const free = Array.from({ length: zoneCount }, (_, z) => z).filter((z) => !locked[z]);
  const n = free.length;
  if (n < 2) return zoneOf.slice();
  const slot = new Int32Array(zoneCount).fill(-1);
  free.forEach((z, i) => (slot[z] = i));
  // cost[i][j]: people of proposed zone free[i] who were not in zone free[j] at the start, if free[i] were named free[j].
  const kept = new Float64Array(n * n);
  const size = new Float64Array(n);
  for (let a = 0; a < zoneOf.length; a++) {
    const i = slot[zoneOf[a]!]!;
    if (i < 0) continue;
    size[i]! += population[a]!;
    const j = start[a]! >= 0 ? slot[start[a]!]! : -1;
    if (j >= 0) kept[i * n + j]! += population[a]!;
  }
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost[i * n + j] = size[i]! - kept[i * n + j]!;
  const column = leastCostAssignment(cost, n);
  const rename = Int32Array.from({ length: zoneCount }, (_, z) => z);
  free.forEach((z, i) => (rename[z] = free[column[i]!]!));
  return zoneOf.map((z) => (z >= 0 ? rename[z]! : z));
}
