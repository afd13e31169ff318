import { boundsOf, type Bounds } from './bounds';
import { geometryLayout, packGeometry } from './geometry-blob';
import { PairMap } from './pair-map';
import { pointInRing } from './point-in-ring';
import { polygonsOf, type AreaGeometry, type Position } from './types';

export interface OutlineOptions {
  whole?: boolean;
  only?: ReadonlySet<string>;
  membersOf?: (group: string) => Iterable<string>;
}

interface TopologyRing {
  code: string;
  edges: Int32Array;
  vertices: Int32Array;
  outer: boolean;
}

/**
 * An EdgeTopology as flat arrays. Ring k belongs to area codes[ringArea[k]]
 * and uses vertices[ringStart[k] .. ringStart[k+1]) (closed: its last vertex is
 * its first) and edges[ringStart[k] - k .. ringStart[k+1] - k - 1); vertex v
 * sits at positions[2v], positions[2v+1].
 */
export interface PackedTopology {
  codes: string[];
  ringArea: Int32Array;
  ringOuter: Uint8Array;
  ringStart: Int32Array;
  vertices: Int32Array;
  edges: Int32Array;
  positions: Float64Array;
  edgeCount: number;
}

/** Coordinates closer than about this (in degrees, ~1 cm) count as the same point when matching borders. */
export const SNAP_DEGREES = 1e-7;
/** Grid cells are numbered in 32 bits a side: 360° at SNAP_DEGREES fits, so the grid is the same wherever the areas are. */
const CELLS = 2 ** 32 - 2;
/** Where the grid starts when the areas' extent is not known in advance (an import adding areas as it reads them). */
export const WHOLE_EARTH = { minX: -180, minY: -90, maxX: 180, maxY: 90 };

/**
 * Matches the vertices and edges of areas as they are added, one area at a
 * time, so an import can build borders while it reads the file. Coordinates
 * snap to a grid of SNAP_DEGREES from the extent's corner (coarser only when
 * the extent is too large for 2^32 cells a side).
 */
export class EdgeTopologyBuilder {
  // The rings as PackedTopology lays them out, written as they come: build() hands these arrays on rather than copying them.
  private ringArea: number[] = [];
  private ringOuter: number[] = [];
  private ringStart: number[] = [0];
  private ringVertices: Int32Array;
  private ringEdges: Int32Array;
  private vertexIds: PairMap;
  private edgeIds: PairMap;
  private positions: Float64Array;
  private readonly minX: number;
  private readonly minY: number;
  private readonly grid: number;
  /** The areas' codes by number (in the order first added), and for `neighbour`: each edge's first area by number, and the pairs already told. */
  private areaNumbers = new Map<string, number>();
  private areaCodes: string[] = [];
  private edgeArea = new Int32Array(0);
  private toldPairs = new PairMap();

  /**
   * `expectedVertices`: sized for that many from the start (an import's guess
   * from the file's size), not doubled a dozen times on the way. `neighbour`,
   * when given, is told each pair of areas the first time an edge of one is
   * matched to an edge of the other: the pairs EdgeTopology.neighbours()
   * gives, found while adding (an import stores them as it reads, instead of
   * walking every edge again at the end).
   */
  constructor(
    extent: Bounds = WHOLE_EARTH,
    expectedVertices = 1 << 15,
    private readonly neighbour: ((a: string, b: string) => void) | null = null,
  ) {
    if (neighbour) this.edgeArea = new Int32Array(expectedVertices);
    this.vertexIds = new PairMap(expectedVertices);
    this.edgeIds = new PairMap(expectedVertices);
    this.positions = new Float64Array(2 * expectedVertices);
    // Each vertex is on about two rings (a border has two sides).
    this.ringVertices = new Int32Array(2 * expectedVertices);
    this.ringEdges = new Int32Array(2 * expectedVertices);
    this.minX = extent.minX;
    this.minY = extent.minY;
    this.grid = Math.max(SNAP_DEGREES, (extent.maxX - extent.minX) / CELLS, (extent.maxY - extent.minY) / CELLS);
  }

  add(code: string, geometry: AreaGeometry): void {
    this.addPacked(code, packGeometry(geometry));
  }

  /** An area's boundary as stored (shared/geo/geometry-blob.ts): an import hands it on packed, read straight from the doubles. */
  addPacked(code: string, values: Float64Array): void {
    const layout = geometryLayout(values);
    let area = -1;
    let ring = 0;
    let at = layout.start;
    for (const rings of layout.ringsPerPolygon) {
      for (let r = 0; r < rings; r++) {
        const n = layout.positionsPerRing[ring++]!;
        if (n === 0) continue;
        // Numbered with its first ring, so an area without any is not among the codes (as pack() always had it).
        if (area < 0) area = this.areaNumber(code);
        const start = this.ringStart[this.ringStart.length - 1]!;
        this.room(start + n);
        const vertices = this.ringVertices;
        const edges = this.ringEdges;
        // A ring's n - 1 edges follow the previous rings' edges, one fewer per ring than their vertices.
        const edgeStart = start - this.ringArea.length;
        let previous = -1;
        for (let i = 0; i < n; i++, at += 2) {
          const x = values[at]!;
          const y = values[at + 1]!;
          const before = this.vertexIds.size;
          const id = this.vertexIds.idOf(Math.round((x - this.minX) / this.grid), Math.round((y - this.minY) / this.grid));
          if (id === before) this.keepPosition(id, x, y);
          vertices[start + i] = id;
          if (i > 0) {
            const known = this.edgeIds.size;
            const edge = previous < id ? this.edgeIds.idOf(previous, id) : this.edgeIds.idOf(id, previous);
            edges[edgeStart + i - 1] = edge;
            if (this.neighbour) this.meet(edge, edge < known, area);
          }
          previous = id;
        }
        this.ringArea.push(area);
        this.ringOuter.push(r === 0 ? 1 : 0);
        this.ringStart.push(start + n);
      }
    }
  }

  /** Room in the ring arrays for `total` vertices (and fewer edges). */
  private room(total: number): void {
    if (total <= this.ringVertices.length) return;
    const size = Math.max(total, 2 * this.ringVertices.length);
    const vertices = new Int32Array(size);
    vertices.set(this.ringVertices);
    this.ringVertices = vertices;
    const edges = new Int32Array(size);
    edges.set(this.ringEdges);
    this.ringEdges = edges;
  }

  private areaNumber(code: string): number {
    let n = this.areaNumbers.get(code);
    if (n === undefined) this.areaNumbers.set(code, (n = this.areaCodes.push(code) - 1));
    return n;
  }

  /** Edge `edge` used by `area`: its first user if new, else (the first time for the two) a neighbour of that user. */
  private meet(edge: number, seen: boolean, area: number): void {
    if (!seen) {
      if (edge >= this.edgeArea.length) {
        const grown = new Int32Array(Math.max(1024, this.edgeArea.length * 2));
        grown.set(this.edgeArea);
        this.edgeArea = grown;
      }
      this.edgeArea[edge] = area;
      return;
    }
    const other = this.edgeArea[edge]!;
    if (other === area) return;
    const lo = Math.min(other, area);
    const hi = Math.max(other, area);
    const told = this.toldPairs.size;
    if (this.toldPairs.idOf(lo, hi) === told) this.neighbour!(this.areaCodes[lo]!, this.areaCodes[hi]!);
  }

  private keepPosition(id: number, x: number, y: number): void {
    if (2 * id + 2 > this.positions.length) {
      const grown = new Float64Array(this.positions.length * 2);
      grown.set(this.positions);
      this.positions = grown;
    }
    this.positions[2 * id] = x;
    this.positions[2 * id + 1] = y;
  }

  /** The topology of every area added; the builder's matching tables are let go (they are the largest part of it). */
  build(): EdgeTopology {
    const total = this.ringStart[this.ringStart.length - 1]!;
    const packed: PackedTopology = {
      codes: this.areaCodes,
      ringArea: Int32Array.from(this.ringArea),
      ringOuter: Uint8Array.from(this.ringOuter),
      ringStart: Int32Array.from(this.ringStart),
      vertices: fitted(this.ringVertices, total),
      edges: fitted(this.ringEdges, total - this.ringArea.length),
      positions: fitted(this.positions, 2 * this.vertexIds.size),
      edgeCount: this.edgeIds.size,
    };
    this.vertexIds = new PairMap();
    this.edgeIds = new PairMap();
    this.positions = new Float64Array(0);
    this.ringVertices = new Int32Array(0);
    this.ringEdges = new Int32Array(0);
    this.ringArea = [];
    this.ringOuter = [];
    this.ringStart = [0];
    this.areaNumbers = new Map();
    this.areaCodes = [];
    this.edgeArea = new Int32Array(0);
    this.toldPairs = new PairMap();
    return EdgeTopology.unpack(packed);
  }
}

/**
 * The first `length` elements: the array itself when it is nearly full (no
 * copy at an import's peak), else a copy, so a guess of the size that was far
 * too large does not stay allocated with the topology.
 */
function fitted<T extends Int32Array | Float64Array>(array: T, length: number): T {
  return (length * 5 >= array.length * 4 ? array.subarray(0, length) : array.slice(0, length)) as T;
}

/**
 * The edges of a set of areas, matched across areas: each distinct edge (to
 * SNAP_DEGREES) gets one index, and each area ring the indices of its edges.
 * Built once, it answers outline questions for any grouping of the areas
 * (zones, districts) without matching coordinates again.
 */
export class EdgeTopology {
  private readonly rings: TopologyRing[] = [];
  /** One canonical position per vertex id (x, y pairs): the first seen, so every area and zone using a vertex agrees on it. */
  private readonly positions: Float64Array;
  readonly edgeCount: number;
  /** The same as flat arrays, which the rings are views of. */
  private readonly packed: PackedTopology;

  constructor(geometries: ReadonlyMap<string, AreaGeometry>) {
    // Sized from the areas' positions (each border's are in two areas, so about half as many vertices): grown from the
    // default by doubling, England's million vertices were rehashed five times over, with a second major collection.
    let positions = 0;
    for (const geometry of geometries.values()) for (const polygon of polygonsOf(geometry)) for (const ring of polygon) positions += ring.length;
    const builder = new EdgeTopologyBuilder(boundsOf(geometries.values()), Math.max(1 << 15, Math.ceil(positions / 2)));
    for (const [code, geometry] of geometries) builder.add(code, geometry);
    const built = builder.build();
    this.rings = built.rings;
    this.positions = built.positions;
    this.edgeCount = built.edgeCount;
    this.packed = built.packed;
  }

  /** The topology as flat arrays (those it is made of, not copies): stored with the project, it is rebuilt without matching a coordinate. */
  pack(): PackedTopology {
    return this.packed;
  }

  static unpack(p: PackedTopology): EdgeTopology {
    const topology = Object.create(EdgeTopology.prototype) as EdgeTopology;
    const rings: TopologyRing[] = [];
    for (let k = 0; k + 1 < p.ringStart.length; k++) {
      const start = p.ringStart[k]!;
      const end = p.ringStart[k + 1]!;
      rings.push({ code: p.codes[p.ringArea[k]!]!, outer: p.ringOuter[k] === 1, vertices: p.vertices.subarray(start, end), edges: p.edges.subarray(start - k, end - k - 1) });
    }
    Object.assign(topology, { rings, positions: p.positions, edgeCount: p.edgeCount, packed: p });
    return topology;
  }

  private position(vertex: number): Position {
    return [this.positions[2 * vertex]!, this.positions[2 * vertex + 1]!];
  }

  /** Twice the signed area of a ring, from its canonical vertices. */
  private ringSignedArea(r: TopologyRing): number {
    let sum = 0;
    const p = this.positions;
    for (let i = 0; i + 1 < r.vertices.length; i++) {
      const a = 2 * r.vertices[i]!;
      const b = 2 * r.vertices[i + 1]!;
      sum += p[a]! * p[b + 1]! - p[b]! * p[a + 1]!;
    }
    return sum;
  }

  /** Pairs of areas that share at least one edge (each pair once, codes in order): their borders touch along a line. */
  neighbours(): [string, string][] {
    // Areas numbered in code order, so pairs of numbers sort as pairs of codes do.
    const codes = [...new Set(this.rings.map((r) => r.code))].sort();
    const index = new Map(codes.map((c, i) => [c, i]));
    const firstUser = new Int32Array(this.edgeCount).fill(-1);
    const pairs = new Set<number>();
    for (const r of this.rings) {
      const area = index.get(r.code)!;
      for (const e of r.edges) {
        const other = firstUser[e]!;
        if (other === -1) firstUser[e] = area;
        else if (other !== area) pairs.add(other < area ? other * codes.length + area : area * codes.length + other);
      }
    }
    return Float64Array.from(pairs)
      .sort()
      .reduce<[string, string][]>((out, key) => {
        out.push([codes[Math.floor(key / codes.length)]!, codes[key % codes.length]!]);
        return out;
      }, []);
  }

  /**
   * Which group each ring belongs to, and how often each group uses each edge.
   * An edge is nearly always used by one or two groups (a border has two
   * sides), so those are kept in typed arrays; a third group on one edge (a
   * sliver where three areas meet badly) goes to a small map.
   */
  private usage(groupOf: (areaCode: string) => string | undefined) {
    const names = [...new Set(this.rings.map((r) => groupOf(r.code)).filter((g): g is string => g !== undefined))].sort();
    const index = new Map(names.map((g, i) => [g, i]));
    const ringGroups = this.rings.map((r) => {
      const name = groupOf(r.code);
      return name === undefined ? -1 : index.get(name)!;
    });
    const g1 = new Int32Array(this.edgeCount).fill(-1);
    const c1 = new Int32Array(this.edgeCount);
    const g2 = new Int32Array(this.edgeCount).fill(-1);
    const c2 = new Int32Array(this.edgeCount);
    const more = new Map<number, Map<number, number>>();
    for (let k = 0; k < this.rings.length; k++) {
      const g = ringGroups[k]!;
      if (g < 0) continue;
      const edges = this.rings[k]!.edges;
      for (let i = 0; i < edges.length; i++) {
        const e = edges[i]!;
        if (g1[e] === -1 || g1[e] === g) {
          g1[e] = g;
          c1[e]! += 1;
        } else if (g2[e] === -1 || g2[e] === g) {
          g2[e] = g;
          c2[e]! += 1;
        } else {
          const counts = more.get(e) ?? new Map<number, number>();
          counts.set(g, (counts.get(g) ?? 0) + 1);
          more.set(e, counts);
        }
      }
    }
    const countOf = (g: number, e: number) => (g1[e] === g ? c1[e]! : g2[e] === g ? c2[e]! : (more.get(e)?.get(g) ?? 0));
    /** Whether a group sorting before g also uses edge e. */
    const usedBefore = (g: number, e: number) => {
      if ((g1[e]! >= 0 && g1[e]! < g) || (g2[e]! >= 0 && g2[e]! < g)) return true;
      const counts = more.get(e);
      if (counts) for (const other of counts.keys()) if (other < g) return true;
      return false;
    };
    const ringsOf: number[][] = names.map(() => []);
    for (let k = 0; k < ringGroups.length; k++) if (ringGroups[k]! >= 0) ringsOf[ringGroups[k]!]!.push(k);
    return { names, ringsOf, countOf, usedBefore };
  }

  /**
   * Edge use for some groups only (after an edit, the zones it touched): a
   * small map of edges per group rather than arrays over every edge of the
   * map, so rebuilding two zones of a national plan costs what those zones
   * hold. Enough for whole outlines and dissolves, which ask only how often a
   * group uses an edge.
   */
  private usageOf(groupOf: (areaCode: string) => string | undefined, only: ReadonlySet<string>, membersOf?: (group: string) => Iterable<string>) {
    const found = new Map<string, number[]>();
    if (membersOf) {
      // Straight to the groups' rings: nothing read of the rest of the map.
      const ringsByCode = this.ringsByCode();
      for (const g of only) {
        const list: number[] = [];
        for (const code of membersOf(g)) for (const k of ringsByCode.get(code) ?? []) list.push(k);
        if (list.length) found.set(g, list.sort((a, b) => a - b));
      }
    } else {
      for (let k = 0; k < this.rings.length; k++) {
        const g = groupOf(this.rings[k]!.code);
        if (g === undefined || !only.has(g)) continue;
        (found.get(g) ?? found.set(g, []).get(g)!).push(k);
      }
    }
    const names = [...found.keys()].sort();
    const ringsOf = names.map((name) => found.get(name)!);
    return { names, ringsOf, countOf: this.countEdges(ringsOf) };
  }

  private scratch?: { g1: Int32Array; c1: Int32Array; g2: Int32Array; c2: Int32Array; generation: number };

  /**
   * How often each group uses each edge of its rings, counted in arrays over
   * every edge kept between calls and told apart by a generation stamp, so
   * nothing is cleared or allocated per call: a paint on a national map
   * counts only the edges of the zones it touched. As in usage(), a third
   * group on one edge goes to a small map.
   */
  private countEdges(ringsOf: number[][]): (g: number, e: number) => number {
    const GROUP_BITS = 10;
    if (ringsOf.length >= 1 << GROUP_BITS) {
      const counts = ringsOf.map((rings) => {
        const used = new Map<number, number>();
        for (const k of rings) for (const e of this.rings[k]!.edges) used.set(e, (used.get(e) ?? 0) + 1);
        return used;
      });
      return (g, e) => counts[g]!.get(e) ?? 0;
    }
    let s = this.scratch;
    if (!s || s.generation >= (1 << (31 - GROUP_BITS)) - 1) {
      s = this.scratch = { g1: new Int32Array(this.edgeCount).fill(-1), c1: new Int32Array(this.edgeCount), g2: new Int32Array(this.edgeCount).fill(-1), c2: new Int32Array(this.edgeCount), generation: 0 };
    }
    const { g1, c1, g2, c2 } = s;
    const base = ++s.generation << GROUP_BITS;
    const more = new Map<number, Map<number, number>>();
    ringsOf.forEach((rings, g) => {
      const tag = base + g;
      for (const k of rings) {
        const edges = this.rings[k]!.edges;
        for (let i = 0; i < edges.length; i++) {
          const e = edges[i]!;
          if (g1[e]! < base) {
            g1[e] = tag;
            c1[e] = 1;
            g2[e] = -1;
          } else if (g1[e] === tag) c1[e]! += 1;
          else if (g2[e]! < base) {
            g2[e] = tag;
            c2[e] = 1;
          } else if (g2[e] === tag) c2[e]! += 1;
          else {
            const counts = more.get(e) ?? new Map<number, number>();
            counts.set(g, (counts.get(g) ?? 0) + 1);
            more.set(e, counts);
          }
        }
      }
    });
    const generation = s.generation;
    return (g, e) => {
      if (s!.generation !== generation) throw new Error('Edge counts are good until the next count: use them at once.');
      const tag = base + g;
      return g1[e] === tag ? c1[e]! : g2[e] === tag ? c2[e]! : (more.get(e)?.get(g) ?? 0);
    };
  }

  private ringIndex?: Map<string, number[]>;
  /** Each area's rings, indexed on first use (areas change only with a new topology). */
  private ringsByCode(): Map<string, number[]> {
    if (this.ringIndex) return this.ringIndex;
    const index = new Map<string, number[]>();
    this.rings.forEach((r, k) => (index.get(r.code) ?? index.set(r.code, []).get(r.code)!).push(k));
    return (this.ringIndex = index);
  }

  /**
   * The outlines of groups of areas as polylines: every edge no other area of
   * the same group shares. Internal borders vanish and outer edges are kept. By
   * default a border between two groups is drawn once, by the group whose id
   * sorts first (dashed district lines would not line up drawn twice); with
   * `whole`, each group draws all of its boundary, so its outline depends on its
   * own areas alone and `only` those groups need be rebuilt after an edit.
   */
  outlines(groupOf: (areaCode: string) => string | undefined, options: OutlineOptions = {}): Map<string, Position[][]> {
    const { names, runs } = this.outlineRuns(groupOf, options);
    const result = new Map<string, Position[][]>();
    names.forEach((name, g) => {
      const lines: Position[][] = [];
      const list = runs[g]!;
      for (let j = 0; j < list.length; j += 3) {
        const vertices = this.rings[list[j]!]!.vertices;
        const line: Position[] = [];
        for (let i = list[j + 1]!; i <= list[j + 2]!; i++) line.push(this.position(vertices[i]!));
        lines.push(line);
      }
      result.set(name, lines);
    });
    return result;
  }

  /**
   * The same outlines packed for the map as packLines (packed-lines.ts) packs
   * them — written straight from the vertices, with no position arrays on the
   * way (England's zones are a quarter of a million of them).
   */
  packedOutlines(groupOf: (areaCode: string) => string | undefined, options: OutlineOptions = {}): Map<string, Float32Array> {
    const { names, runs } = this.outlineRuns(groupOf, options);
    const result = new Map<string, Float32Array>();
    const p = this.positions;
    names.forEach((name, g) => {
      const list = runs[g]!;
      let count = 0;
      for (let j = 0; j < list.length; j += 3) count += list[j + 2]! - list[j + 1]! + 2;
      const out = new Float32Array(Math.max(0, count - 1) * 2);
      let at = 0;
      for (let j = 0; j < list.length; j += 3) {
        if (j > 0) {
          out[at++] = Number.NaN;
          out[at++] = Number.NaN;
        }
        const vertices = this.rings[list[j]!]!.vertices;
        for (let i = list[j + 1]!; i <= list[j + 2]!; i++) {
          const v = 2 * vertices[i]!;
          out[at++] = p[v]!;
          out[at++] = p[v + 1]!;
        }
      }
      result.set(name, out);
    });
    return result;
  }

  /** Each group's outline as runs of ring vertices: (ring, first vertex, last vertex) in threes, along the edges the group alone uses. */
  private outlineRuns(groupOf: (areaCode: string) => string | undefined, options: OutlineOptions): { names: string[]; runs: number[][] } {
    const { only, whole = false } = options;
    if (only && !whole) throw new Error('Only whole outlines can be rebuilt for some groups: a shared border belongs to either side.');
    let keep: (g: number, e: number) => boolean;
    let names: string[];
    let ringsOf: number[][];
    if (only) {
      const used = this.usageOf(groupOf, only, options.membersOf);
      ({ names, ringsOf } = used);
      keep = (g, e) => used.countOf(g, e) === 1;
    } else {
      const used = this.usage(groupOf);
      ({ names, ringsOf } = used);
      // Kept when only one of the group's areas uses the edge (and, drawn once, no group sorting before it does).
      keep = whole ? (g, e) => used.countOf(g, e) === 1 : (g, e) => used.countOf(g, e) === 1 && !used.usedBefore(g, e);
    }
    const runs = names.map((_, g) => {
      const list: number[] = [];
      for (const k of ringsOf[g]!) {
        const edges = this.rings[k]!.edges;
        let from = -1;
        for (let i = 0; i < edges.length; i++) {
          if (keep(g, edges[i]!)) {
            if (from < 0) from = i;
          } else if (from >= 0) {
            list.push(k, from, i);
            from = -1;
          }
        }
        if (from >= 0) list.push(k, from, edges.length);
      }
      return list;
    });
    return { names, runs };
  }


  /**
   * Dissolves each group of areas into one MultiPolygon by following the
   * edges only one of its areas uses: internal borders vanish exactly, and
   * neighbouring groups share the very same vertices along their common border.
   * Rings are oriented as RFC 7946 asks (outer anticlockwise, holes clockwise).
   */
  dissolve(groupOf: (areaCode: string) => string | undefined, only?: ReadonlySet<string>, membersOf?: (group: string) => Iterable<string>): Map<string, Position[][][]> {
    // With `only`, just those groups are rebuilt (after an edit, the two zones it touched): a group's
    // outline depends on its own areas alone, so the others need not be read (nor, given membersOf, scanned).
    const { names, ringsOf, countOf } = only ? this.usageOf(groupOf, only, membersOf) : this.usage(groupOf);
    const result = new Map<string, Position[][][]>();
    names.forEach((name, g) => {
      // Boundary half-edges, each area ring turned so outer rings run anticlockwise and holes clockwise.
      const next = new Map<number, number[]>();
      let count = 0;
      for (const k of ringsOf[g]!) {
        const r = this.rings[k]!;
        const forward = (this.ringSignedArea(r) >= 0) === r.outer;
        for (let i = 0; i < r.edges.length; i++) {
          if (countOf(g, r.edges[i]!) !== 1) continue;
          const [a, b] = forward ? [r.vertices[i]!, r.vertices[i + 1]!] : [r.vertices[i + 1]!, r.vertices[i]!];
          if (a === b) continue;
          const list = next.get(a);
          if (list) list.push(b);
          else next.set(a, [b]);
          count += 1;
        }
      }
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
        if (loop.length >= 3) loops.push([...loop, start].map((v) => this.position(v)));
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
