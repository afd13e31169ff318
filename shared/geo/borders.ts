import { polygonsOf, type AreaGeometry, type Position } from './types';

/** Coordinates closer than this (in degrees, about 1 cm) count as the same point when matching borders. */
export const SNAP_DEGREES = 1e-7;

const key = (p: Position) => `${Math.round(p[0]! / SNAP_DEGREES)},${Math.round(p[1]! / SNAP_DEGREES)}`;
const edgeKey = (a: Position, b: Position) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? `${ka}|${kb}` : `${kb}|${ka}`;
};

/**
 * The outlines of groups of areas (zones, districts) as polylines: every area
 * edge that no other area of the same group shares. Internal borders vanish;
 * a border between two groups is drawn once (from the group with the smaller
 * id); the group's outer edge is kept. Works on shared-arc data such as the
 * embedded project; matching is to SNAP_DEGREES.
 */
export function groupOutlines(geometries: ReadonlyMap<string, AreaGeometry>, groupOf: (areaCode: string) => string | undefined): Map<string, Position[][]> {
  // Which groups use each edge.
  const users = new Map<string, string[]>();
  for (const [code, geometry] of geometries) {
    const group = groupOf(code);
    if (group === undefined) continue;
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        for (let i = 0; i + 1 < ring.length; i++) {
          const k = edgeKey(ring[i]!, ring[i + 1]!);
          const list = users.get(k);
          if (list) list.push(group);
          else users.set(k, [group]);
        }
      }
    }
  }
  const keep = (group: string, k: string) => {
    const list = users.get(k)!;
    if (list.filter((g) => g === group).length > 1) return false; // internal to the group
    const others = list.filter((g) => g !== group);
    return others.length === 0 || others.every((g) => group < g);
  };
  const result = new Map<string, Position[][]>();
  for (const [code, geometry] of geometries) {
    const group = groupOf(code);
    if (group === undefined) continue;
    let lines = result.get(group);
    if (!lines) result.set(group, (lines = []));
    for (const polygon of polygonsOf(geometry)) {
      for (const ring of polygon) {
        let run: Position[] = [];
        for (let i = 0; i + 1 < ring.length; i++) {
          if (keep(group, edgeKey(ring[i]!, ring[i + 1]!))) {
            if (run.length === 0) run.push(ring[i]!);
            run.push(ring[i + 1]!);
          } else if (run.length) {
            lines.push(run);
            run = [];
          }
        }
        if (run.length) lines.push(run);
      }
    }
  }
  return result;
}
