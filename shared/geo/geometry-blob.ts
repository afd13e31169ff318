import { polygonsOf, type AreaGeometry, type Position } from './types';

/**
 * An area's boundary as the project stores it: one run of doubles, counts
 * first, then every position. Written and read with no text in between — as
 * GeoJSON text, England's boundaries were 75 MB to print and parse again on
 * every import and open; as doubles they are 30 MB copied. Doubles keep every
 * coordinate exactly as the file had it.
 *
 * Layout: [type (1 Polygon, 2 MultiPolygon), polygon count P, P ring counts,
 * R position counts (one per ring, polygons in order), then x, y of each
 * position, ring after ring]. Doubles in the machine's byte order, which is
 * little-endian on every platform CareCover is built for.
 */
const POLYGON = 1;
const MULTI_POLYGON = 2;

/** The doubles a geometry is stored as. */
export function packGeometry(geometry: AreaGeometry): Float64Array {
  const polygons = polygonsOf(geometry);
  let rings = 0;
  let positions = 0;
  for (const polygon of polygons) {
    rings += polygon.length;
    for (const ring of polygon) positions += ring.length;
  }
  const out = new Float64Array(2 + polygons.length + rings + 2 * positions);
  out[0] = geometry.type === 'Polygon' ? POLYGON : MULTI_POLYGON;
  out[1] = polygons.length;
  let count = 2;
  let at = 2 + polygons.length + rings;
  for (const polygon of polygons) out[count++] = polygon.length;
  for (const polygon of polygons) {
    for (const ring of polygon) {
      out[count++] = ring.length;
      for (const p of ring) {
        out[at++] = p[0]!;
        out[at++] = p[1]!;
      }
    }
  }
  return out;
}

/** Where a stored geometry's parts are: a Polygon or not, its rings per polygon, its positions per ring, and where the positions begin. */
export interface GeometryLayout {
  multi: boolean;
  ringsPerPolygon: number[];
  positionsPerRing: number[];
  /** Index of the first position's x. */
  start: number;
}

/** Reads and checks a stored geometry's counts; throws when the doubles are not one. */
export function geometryLayout(values: Float64Array): GeometryLayout {
  const bad = (why: string) => new Error(`not a stored area boundary (${why})`);
  const type = values[0];
  if (values.length < 2 || (type !== POLYGON && type !== MULTI_POLYGON)) throw bad('unknown type');
  const polygons = values[1]!;
  if (!Number.isInteger(polygons) || polygons < 1 || 2 + polygons > values.length || (type === POLYGON && polygons !== 1)) throw bad('polygon count');
  const ringsPerPolygon: number[] = [];
  let rings = 0;
  for (let i = 0; i < polygons; i++) {
    const n = values[2 + i]!;
    if (!Number.isInteger(n) || n < 1) throw bad('ring count');
    ringsPerPolygon.push(n);
    rings += n;
  }
  const start = 2 + polygons + rings;
  if (start > values.length) throw bad('ring counts');
  const positionsPerRing: number[] = [];
  let positions = 0;
  for (let i = 0; i < rings; i++) {
    const n = values[2 + polygons + i]!;
    if (!Number.isInteger(n) || n < 0) throw bad('position count');
    positionsPerRing.push(n);
    positions += n;
  }
  if (start + 2 * positions !== values.length) throw bad('length');
  return { multi: type === MULTI_POLYGON, ringsPerPolygon, positionsPerRing, start };
}

/** The GeoJSON geometry of stored doubles. */
export function unpackGeometry(values: Float64Array): AreaGeometry {
  const layout = geometryLayout(values);
  let at = layout.start;
  let ring = 0;
  const polygons = layout.ringsPerPolygon.map((rings) => {
    const polygon: Position[][] = [];
    for (let r = 0; r < rings; r++) {
      const n = layout.positionsPerRing[ring++]!;
      const positions: Position[] = new Array(n);
      for (let i = 0; i < n; i++, at += 2) positions[i] = [values[at]!, values[at + 1]!];
      polygon.push(positions);
    }
    return polygon;
  });
  return layout.multi ? { type: 'MultiPolygon', coordinates: polygons } : { type: 'Polygon', coordinates: polygons[0]! };
}
