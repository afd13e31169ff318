import { boundsOf } from './bounds';
import { pointInRing } from './point-in-ring';
import { polygonsOf, type AreaGeometry, type Position } from './types';

/** Coordinates closer than about this (in degrees, ~1 cm) count as the same point when matching borders. */
export const SNAP_DEGREES = 1e-7;
const CELL_BITS = 2 ** 26;

/**
 * The edges of a set of areas, matched across areas: each distinct edge (to
 * SNAP_DEGREES) gets one index, and each area ring the indices of its edges.
 * Built once, it answers outline questions for any grouping of the areas
 * (zones, districts) without matching coordinates again.
 */
export class EdgeTopology {
  private readonly rings: { code: string; ring: Position[]; edges: Int32Array; vertices: Int32Array; outer: boolean }[] = [];
  /** One canonical position per vertex id: the first seen, so every area and zone using a vertex agrees on it. */
  private readonly positions: Position[] = [];
  readonly edgeCount: number;

  constructor(geometries: ReadonlyMap<string, AreaGeometry>) {
    const { minX, minY, maxX, maxY } = boundsOf(geometries.values());
    // Two grid cell numbers packed into one exact double: no strings for millions of vertices.
    const grid = Math.max(SNAP_DEGREES, (maxX - minX) / (CELL_BITS - 2), (maxY - minY) / (CELL_BITS - 2));
    const vertexIds = new Map<number, number>();
    const edgeIds = new Map<number, number>();
    for (const [code, geometry] of geometries) {
      for (const polygon of polygonsOf(geometry)) {
        polygon.forEach((ring, ringIndex) => {
          const edges = new Int32Array(Math.max(0, ring.length - 1));
          const vertices = new Int32Array(ring.length);
          let previous = -1;
          ring.forEach((p, i) => {
            const cell = Math.round((p[0]! - minX) / grid) * CELL_BITS + Math.round((p[1]! - minY) / grid);
            let id = vertexIds.get(cell);
            if (id === undefined) {
              vertexIds.set(cell, (id = vertexIds.size));
              this.positions.push([p[0]!, p[1]!]);
            }
            vertices[i] = id;
            if (i > 0) {
              const key = previous < id ? previous * CELL_BITS + id : id * CELL_BITS + previous;
              let edge = edgeIds.get(key);
              if (edge === undefined) edgeIds.set(key, (edge = edgeIds.size));
              edges[i - 1] = edge;
            }
            previous = id;
          });
          this.rings.push({ code, ring, edges, vertices, outer: ringIndex === 0 });
        });
      }
    }
    this.edgeCount = edgeIds.size;
  }

  /**
   * The outlines of groups of areas as polylines: every edge no other area of
   * the same group shares. Internal borders vanish; a border between two groups
   * is drawn once, by the group whose id sorts first; outer edges are kept.
   */
  /** Pairs of areas that share at least one edge (each pair once, codes in order): their borders touch along a line. */
  neighbours(): [string, string][] {
    const firstUser = new Map<number, string>();
    const pairs = new Set<string>();
    for (const r of this.rings) {
      for (const e of r.edges) {
        const other = firstUser.get(e);
        if (other === undefined) firstUser.set(e, r.code);
        else if (other !== r.code) pairs.add(other < r.code ? `${other}\u0000${r.code}` : `${r.code}\u0000${other}`);
      }
    }
    return [...pairs].sort().map((p) => p.split('\u0000') as [string, string]);
  }

  /** Which group each ring belongs to, and how often each group uses each edge. */
  private usage(groupOf: (areaCode: string) => string | undefined) {
    const names = [...new Set(this.rings.map((r) => groupOf(r.code)).filter((g): g is string => g !== undefined))].sort();
    const index = new Map(names.map((g, i) => [g, i]));
    // Per edge: the first group seen and how often, and the smallest other group.
    const first = new Int32Array(this.edgeCount).fill(-1);
    const firstCount = new Int32Array(this.edgeCount);
    const otherMin = new Int32Array(this.edgeCount).fill(0x7fffffff);
    const ringGroups = this.rings.map((r) => {
      const name = groupOf(r.code);
      return name === undefined ? -1 : index.get(name)!;
    });
    this.rings.forEach((r, k) => {
      const g = ringGroups[k]!;
      if (g < 0) return;
      for (const e of r.edges) {
        if (first[e] === -1 || first[e] === g) {
          first[e] = g;
          firstCount[e]! += 1;
        } else if (g < otherMin[e]!) otherMin[e] = g;
      }
    });
    // How often a group other than the first uses an edge: only ever counted for edges two groups share.
    const groupCount = names.length;
    const secondCount = new Map<number, number>();
    this.rings.forEach((r, k) => {
      const g = ringGroups[k]!;
      if (g < 0) return;
      for (const e of r.edges) if (first[e] !== g) secondCount.set(e * groupCount + g, (secondCount.get(e * groupCount + g) ?? 0) + 1);
    });
    const countOf = (g: number, e: number) => (first[e] === g ? firstCount[e]! : secondCount.get(e * groupCount + g) ?? 0);
    return { names, ringGroups, first, otherMin, countOf };
  }

  /**
   * The outlines of groups of areas as polylines: every edge no other area of
   * the same group shares. Internal borders vanish; a border between two groups
   * is drawn once, by the group whose id sorts first; outer edges are kept.
   */
  outlines(groupOf: (areaCode: string) => string | undefined): Map<string, Position[][]> {
    const { names, ringGroups, first, otherMin, countOf } = this.usage(groupOf);
    // Kept when only one of the group's areas uses the edge, and no group sorting before it does.
    const keep = (g: number, e: number) => countOf(g, e) === 1 && (first[e] === g ? otherMin[e]! > g : first[e]! > g);

    const result = new Map<string, Position[][]>(names.map((g) => [g, []]));
    this.rings.forEach((r, k) => {
      const g = ringGroups[k]!;
      if (g < 0) return;
      const lines = result.get(names[g]!)!;
      let run: Position[] = [];
      r.edges.forEach((e, i) => {
        if (keep(g, e)) {
          if (run.length === 0) run.push(this.positions[r.vertices[i]!]!);
          run.push(this.positions[r.vertices[i + 1]!]!);
        } else if (run.length) {
          lines.push(run);
          run = [];
        }
      });
      if (run.length) lines.push(run);
    });
    return result;
  }

  /**
   * Dissolves each group of areas into one MultiPolygon by following the
   * edges only one of its areas uses: internal borders vanish exactly, and
   * neighbouring groups share the very same vertices along their common border.
   * Rings are oriented as RFC 7946 asks (outer anticlockwise, holes clockwise).
   */
  dissolve(groupOf: (areaCode: string) => string | undefined, only?: ReadonlySet<string>): Map<string, Position[][][]> {
    // With `only`, just those groups are rebuilt (after an edit, the two zones it touched): a group's
    // outline depends on its own areas alone, so the others need not be read.
    const { names, ringGroups, countOf } = this.usage(only ? (code) => { const g = groupOf(code); return g !== undefined && only.has(g) ? g : undefined; } : groupOf);
    const result = new Map<string, Position[][][]>();
    names.forEach((name, g) => {
      // Boundary half-edges, each area ring turned so outer rings run anticlockwise and holes clockwise.
      const next = new Map<number, number[]>();
      let count = 0;
      this.rings.forEach((r, k) => {
        if (ringGroups[k] !== g) return;
        const forward = (signedArea(r.ring) >= 0) === r.outer;
        for (let i = 0; i < r.edges.length; i++) {
          if (countOf(g, r.edges[i]!) !== 1) continue;
          const [a, b] = forward ? [r.vertices[i]!, r.vertices[i + 1]!] : [r.vertices[i + 1]!, r.vertices[i]!];
          if (a === b) continue;
          const list = next.get(a);
          if (list) list.push(b);
          else next.set(a, [b]);
          count += 1;
        }
      });
      const loops: Position[][] = [];
      while (count > 0) {
        const start = [...next.keys()].find((v) => next.get(v)!.length > 0)!;
        const loop: number[] = [start];
        let at = start;
        for (;;) {
          const outgoing = next.get(at)!;
          const to = outgoing.pop()!;
          count -= 1;
          if (to === start) break;
          loop.push(to);
          at = to;
          if (!next.get(at)?.length) break; // an open chain: broken input, close it where it stops
        }
        if (loop.length >= 3) loops.push([...loop, start].map((v) => this.positions[v]!));
      }
      const outers = loops.filter((l) => signedArea(l) > 0).map((l) => [l]);
      for (const hole of loops.filter((l) => signedArea(l) <= 0)) {
        const owner = outers
          .filter((o) => pointInRing(hole[0]!, o[0]!) || pointInRing(hole[1]!, o[0]!))
          .sort((a, b) => signedArea(a[0]!) - signedArea(b[0]!))[0];
        if (owner) owner.push(hole);
      }
      result.set(name, outers);
    });
    return result;
  }
}

/** Twice the signed area (positive when anticlockwise), in squared degrees. */
export function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return sum;
}


/** Outlines for one grouping; build an EdgeTopology yourself to ask for several. */
export function groupOutlines(geometries: ReadonlyMap<string, AreaGeometry>, groupOf: (areaCode: string) => string | undefined): Map<string, Position[][]> {
  return new EdgeTopology(geometries).outlines(groupOf);
}
