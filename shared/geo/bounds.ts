import { polygonsOf, type AreaGeometry, type Position } from './types';

export interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** The geometry of a bare list of polygons (rings of positions), for bounds and tests alike. */
export function multiPolygon(polygons: Position[][][]): AreaGeometry {
  return { type: 'MultiPolygon', coordinates: polygons };
}

/** The bounding box of the outer rings of some geometries (infinite when there are none). */
export function boundsOf(geometries: Iterable<AreaGeometry>): Bounds {
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      const ring = polygon[0] ?? [];
      for (let i = 0; i < ring.length; i++) {
        const x = ring[i]![0]!;
        const y = ring[i]![1]!;
        if (x < b.minX) b.minX = x;
        if (x > b.maxX) b.maxX = x;
        if (y < b.minY) b.minY = y;
        if (y > b.maxY) b.maxY = y;
      }
    }
  }
  return b;
}

/** The bounding box of flat x, y pairs (NaN pairs, which separate packed lines, are skipped). */
export function flatBounds(xy: ArrayLike<number>): Bounds {
  const b: Bounds = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (let i = 0; i < xy.length; i += 2) {
    const x = xy[i]!;
    const y = xy[i + 1]!;
    if (Number.isNaN(x)) continue;
    if (x < b.minX) b.minX = x;
    if (x > b.maxX) b.maxX = x;
    if (y < b.minY) b.minY = y;
    if (y > b.maxY) b.maxY = y;
  }
  return b;
}
