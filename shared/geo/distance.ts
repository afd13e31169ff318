import { polygonsOf, type AreaGeometry } from './types';

/**
 * Distances in kilometres on a local equirectangular projection centred on the
 * project's own latitude: within a county (well under 100 km across) it is
 * within about 0.5% of the great-circle distance, and far cheaper to compute.
 */
const KM_PER_DEGREE_LAT = 110.574;
const KM_PER_DEGREE_LON_AT_EQUATOR = 111.32;

export interface LocalProjection {
  project(lon: number, lat: number): [number, number];
}

export function localProjection(referenceLat: number): LocalProjection {
  const kx = KM_PER_DEGREE_LON_AT_EQUATOR * Math.cos((referenceLat * Math.PI) / 180);
  return { project: (lon, lat) => [lon * kx, lat * KM_PER_DEGREE_LAT] };
}

/** A set of polygons projected once, for many point-distance queries. */
export interface ProjectedShape {
  /** Each polygon's rings as flat [x0, y0, x1, y1, …] arrays; ring 0 is the outer ring. */
  polygons: Float64Array[][];
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

export function projectShape(geometries: readonly AreaGeometry[], projection: LocalProjection): ProjectedShape {
  const shape: ProjectedShape = { polygons: [], minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      shape.polygons.push(
        polygon.map((ring) => {
          const flat = new Float64Array(ring.length * 2);
          ring.forEach((position, i) => {
            const [x, y] = projection.project(position[0]!, position[1]!);
            flat[2 * i] = x;
            flat[2 * i + 1] = y;
            if (x < shape.minX) shape.minX = x;
            if (x > shape.maxX) shape.maxX = x;
            if (y < shape.minY) shape.minY = y;
            if (y > shape.maxY) shape.maxY = y;
          });
          return flat;
        }),
      );
    }
  }
  return shape;
}

function insideRing(ring: Float64Array, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!;
    const yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!;
    const yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function ringDistanceSquared(ring: Float64Array, x: number, y: number): number {
  let best = Infinity;
  for (let i = 0; i + 3 < ring.length; i += 2) {
    const ax = ring[i]!;
    const ay = ring[i + 1]!;
    const dx = ring[i + 2]! - ax;
    const dy = ring[i + 3]! - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared > 0 ? Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared)) : 0;
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    const d = px * px + py * py;
    if (d < best) best = d;
  }
  return best;
}

/** Kilometres from a point to a shape: 0 inside it, else to its nearest edge. */
export function distanceToShape(shape: ProjectedShape, x: number, y: number): number {
  for (const polygon of shape.polygons) {
    const [outer, ...holes] = polygon;
    if (outer && insideRing(outer, x, y) && !holes.some((hole) => insideRing(hole, x, y))) return 0;
  }
  let best = Infinity;
  for (const polygon of shape.polygons) for (const ring of polygon) best = Math.min(best, ringDistanceSquared(ring, x, y));
  return Math.sqrt(best);
}

/** Kilometres between two points on a projection centred between them (see above for the accuracy). */
export function pointDistanceKm(a: readonly [number, number], b: readonly [number, number]): number {
  const projection = localProjection((a[1] + b[1]) / 2);
  const [x1, y1] = projection.project(a[0], a[1]);
  const [x2, y2] = projection.project(b[0], b[1]);
  return Math.hypot(x2 - x1, y2 - y1);
}
