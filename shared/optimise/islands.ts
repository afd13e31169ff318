/**
 * Areas that share no border with the rest (an island, an enclave cut off in
 * the boundary file) would make every zone holding them two pieces, or leave
 * them unplaceable. Each connected group of areas other than the largest is
 * linked to the nearest area outside it, measured between area centres
 * (longitude scaled by the latitude's cosine), as a ferry or a bridge links
 * them on the ground. Returns the links to add to the border pairs;
 * `centres` is read only when there is an island.
 */
export function bridgeIslands(codes: readonly string[], pairs: readonly (readonly [string, string])[], centres: () => ReadonlyMap<string, readonly [number, number]>): [string, string][] {
  const index = new Map(codes.map((c, i) => [c, i]));
  const lists: number[][] = codes.map(() => []);
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    lists[i]!.push(j);
    lists[j]!.push(i);
  }
  const group = new Int32Array(codes.length).fill(-1);
  const groups: number[][] = [];
  for (let s = 0; s < codes.length; s++) {
    if (group[s]! >= 0) continue;
    const members = [s];
    group[s] = groups.length;
    for (let k = 0; k < members.length; k++) {
      for (const b of lists[members[k]!]!) {
        if (group[b]! < 0) {
          group[b] = groups.length;
          members.push(b);
        }
      }
    }
    groups.push(members);
  }
  if (groups.length < 2) return [];
  const largest = groups.reduce((best, g, i) => (g.length > groups[best]!.length ? i : best), 0);
  const known = centres();
  const point = codes.map((c) => known.get(c) ?? null);
  const links: [string, string][] = [];
  groups.forEach((members, g) => {
    if (g === largest) return;
    let best: [number, number, number] | null = null;
    for (const a of members) {
      const pa = point[a];
      if (!pa) continue;
      const cos = Math.cos((pa[1] * Math.PI) / 180);
      for (let b = 0; b < codes.length; b++) {
        const pb = point[b];
        if (group[b] === g || !pb) continue;
        const d = ((pa[0] - pb[0]) * cos) ** 2 + (pa[1] - pb[1]) ** 2;
        if (!best || d < best[2]) best = [a, b, d];
      }
    }
    if (best) links.push([codes[best[0]]!, codes[best[1]]!]);
  });
  return links;
}
