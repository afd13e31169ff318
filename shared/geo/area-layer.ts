import type { AreaGeometry, Position } from './types';

/**
 * The map's areas as flat typed arrays, as the layer bundle carries them
 * (shared/geo/layer-bundle.ts): ring k belongs to area ringArea[k] (outer
 * when ringOuter[k] is 1) and runs through
 * vertices[ringStart[k] .. ringStart[k+1]); vertex v is at positions[2v]
 * (longitude), positions[2v+1] (latitude). An area's rings are consecutive.
 * Shared borders use the same vertices on both sides, so a county's or a
 * country's areas cost a few bytes a vertex instead of a GeoJSON text each.
 */
export interface AreaLayer {
  codes: string[];
  names: string[];
  zoneIds: (string | null)[];
  ringArea: Int32Array;
  ringOuter: Uint8Array;
  ringStart: Int32Array;
  vertices: Int32Array;
  positions: Float32Array;
  /** First ring of each area (length: areas + 1). */
  areaRings: Int32Array;
  /** Bounding box of each area: west, south, east, north. */
  boxes: Float64Array;
}

export type LayerArrays = Pick<AreaLayer, 'ringArea' | 'ringOuter' | 'ringStart' | 'vertices' | 'positions'>;

/** What a layer's rings give without its areas' names: each area's first ring and bounding box. */
export type LayerGeometry = Pick<AreaLayer, 'areaRings' | 'boxes'>;

/**
 * Each of `count` areas' first ring and bounding box (count defaults to the
 * areas the rings name). Worked out from the rings alone, so the page can do
 * it while the plan's state (the areas' names and zones) is still on its way.
 */
export function layerGeometry(arrays: LayerArrays, count = arrays.ringArea.reduce((most, a) => Math.max(most, a + 1), 0)): LayerGeometry {
  const rings = arrays.ringArea.length;
  const areaRings = new Int32Array(count + 1).fill(rings);
  for (let k = rings - 1; k >= 0; k--) areaRings[arrays.ringArea[k]!] = k;
  for (let a = count - 1; a >= 0; a--) if (areaRings[a]! > areaRings[a + 1]!) areaRings[a] = areaRings[a + 1]!;
  const boxes = new Float64Array(count * 4);
  for (let a = 0; a < count; a++) {
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let k = areaRings[a]!; k < areaRings[a + 1]!; k++) {
      for (let i = arrays.ringStart[k]!; i < arrays.ringStart[k + 1]!; i++) {
        const v = arrays.vertices[i]!;
        const x = arrays.positions[2 * v]!;
        const y = arrays.positions[2 * v + 1]!;
        if (x < w) w = x;
        if (x > e) e = x;
        if (y < s) s = y;
        if (y > n) n = y;
      }
    }
    boxes.set([w, s, e, n], a * 4);
  }
  return { areaRings, boxes };
}

/** The layer of `areas`, using `geometry` when it was worked out beforehand for as many areas. */
export function buildAreaLayer(areas: { codes: string[]; names: string[]; zoneIds: (string | null)[] }, arrays: LayerArrays, geometry?: LayerGeometry): AreaLayer {
  const count = areas.codes.length;
  const { areaRings, boxes } = geometry && geometry.areaRings.length === count + 1 ? geometry : layerGeometry(arrays, count);
  return { codes: areas.codes, names: areas.names, zoneIds: areas.zoneIds, ...arrays, areaRings, boxes };
}

/** One area as GeoJSON (for the few tools that want a geometry, such as picking areas by their middle). */
export function areaGeometry(layer: AreaLayer, area: number): AreaGeometry {
  const polygons: Position[][][] = [];
  for (let k = layer.areaRings[area]!; k < layer.areaRings[area + 1]!; k++) {
    const ring: Position[] = [];
    for (let i = layer.ringStart[k]!; i < layer.ringStart[k + 1]!; i++) {
      const v = layer.vertices[i]!;
      ring.push([layer.positions[2 * v]!, layer.positions[2 * v + 1]!]);
    }
    if (layer.ringOuter[k] === 1 || polygons.length === 0) polygons.push([ring]);
    else polygons[polygons.length - 1]!.push(ring);
  }
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
}

/** Whether a point is inside an area (even-odd over all its rings, so holes are holes). */
export function areaContains(layer: AreaLayer, area: number, x: number, y: number): boolean {
  const b = area * 4;
  if (x < layer.boxes[b]! || y < layer.boxes[b + 1]! || x > layer.boxes[b + 2]! || y > layer.boxes[b + 3]!) return false;
  let inside = false;
  for (let k = layer.areaRings[area]!; k < layer.areaRings[area + 1]!; k++) {
    const start = layer.ringStart[k]!;
    const end = layer.ringStart[k + 1]!;
    for (let i = start, j = end - 1; i < end; j = i++) {
      const vi = 2 * layer.vertices[i]!;
      const vj = 2 * layer.vertices[j]!;
      const yi = layer.positions[vi + 1]!;
      const yj = layer.positions[vj + 1]!;
      if (yi > y !== yj > y) {
        const xi = layer.positions[vi]!;
        const xj = layer.positions[vj]!;
        if (x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
  }
  return inside;
}

/** A grid over the areas' boxes, so finding the area under the pointer looks at a handful, not all. */
export class AreaIndex {
  /** The areas of cell c are items[starts[c] .. starts[c + 1]), in area order: one array, not one per cell (England has 65,536 cells). */
  private readonly starts: Int32Array;
  private readonly items: Int32Array;
  private readonly size: number;
  private readonly west: number;
  private readonly south: number;
  private readonly cellW: number;
  private readonly cellH: number;

  constructor(private readonly layer: AreaLayer) {
    const count = layer.codes.length;
    const boxes = layer.boxes;
    let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let a = 0; a < count; a++) {
      w = Math.min(w, boxes[a * 4]!);
      s = Math.min(s, boxes[a * 4 + 1]!);
      e = Math.max(e, boxes[a * 4 + 2]!);
      n = Math.max(n, boxes[a * 4 + 3]!);
    }
    this.size = Math.max(1, Math.min(256, Math.ceil(Math.sqrt(count))));
    this.west = w;
    this.south = s;
    this.cellW = (e - w) / this.size || 1;
    this.cellH = (n - s) / this.size || 1;
    // Counted, then filled: each area goes in every cell its box covers.
    const starts = new Int32Array(this.size * this.size + 1);
    this.eachCell((c) => starts[c + 1]!++);
    for (let c = 1; c < starts.length; c++) starts[c]! += starts[c - 1]!;
    const items = new Int32Array(starts[starts.length - 1]!);
    const next = starts.slice(0, -1);
    this.eachCell((c, a) => (items[next[c]!++] = a));
    this.starts = starts;
    this.items = items;
  }

  /** Calls `visit` with each cell of each area's box, in area order. */
  private eachCell(visit: (cell: number, area: number) => void): void {
    const boxes = this.layer.boxes;
    for (let a = 0; a < this.layer.codes.length; a++) {
      const x0 = this.column(boxes[a * 4]!);
      const y0 = this.row(boxes[a * 4 + 1]!);
      const x1 = this.column(boxes[a * 4 + 2]!);
      const y1 = this.row(boxes[a * 4 + 3]!);
      for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) visit(cy * this.size + cx, a);
    }
  }

  private column(x: number): number {
    return Math.max(0, Math.min(this.size - 1, Math.floor((x - this.west) / this.cellW)));
  }

  private row(y: number): number {
    return Math.max(0, Math.min(this.size - 1, Math.floor((y - this.south) / this.cellH)));
  }

  /** The area at a longitude and latitude, or -1. */
  at(x: number, y: number): number {
    const c = this.row(y) * this.size + this.column(x);
    for (let i = this.starts[c]!; i < this.starts[c + 1]!; i++) if (areaContains(this.layer, this.items[i]!, x, y)) return this.items[i]!;
    return -1;
  }
}
