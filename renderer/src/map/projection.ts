import { flatBounds } from '../../../shared/geo/bounds';

/**
 * Projecting for the map's canvases, apart from them (and from Leaflet), so
 * the page can project what arrives before anything is drawn
 * (layer-data.ts), and each array is projected once wherever first asked.
 */

/** Web Mercator x, y in [0, 1] of longitude/latitude pairs (for projecting many points with two multiplications each). */
export function toMercator(lonLat: ArrayLike<number>): Float64Array {
  const out = new Float64Array(lonLat.length);
  for (let i = 0; i < lonLat.length; i += 2) {
    const lat = Math.max(-85.05, Math.min(85.05, lonLat[i + 1]!)) * (Math.PI / 180);
    out[i] = (lonLat[i]! + 180) / 360;
    out[i + 1] = 0.5 - Math.log(Math.tan(Math.PI / 4 + lat / 2)) / (2 * Math.PI);
  }
  return out;
}

/** Where the view is, for drawing: pixel size of the world, the view's top-left in world pixels, and its bounds padded a little. */
export interface View {
  worldPx: number;
  originX: number;
  originY: number;
  west: number;
  south: number;
  east: number;
  north: number;
}

const projectedVertices = new WeakMap<Float32Array, Float64Array>();

/** The layer's vertices in Web Mercator, projected once per layer. */
export function mercatorOf(positions: Float32Array): Float64Array {
  let mercator = projectedVertices.get(positions);
  if (!mercator) projectedVertices.set(positions, (mercator = toMercator(positions)));
  return mercator;
}

export interface ProjectedLine {
  mercator: Float64Array;
  west: number;
  south: number;
  east: number;
  north: number;
}

const projected = new WeakMap<Float32Array, ProjectedLine>();

/** An outline's points projected, once per array wherever first asked: as it arrives (layer-data.ts), or when drawn. */
export function projectedLine(flat: Float32Array): ProjectedLine {
  let line = projected.get(flat);
  if (!line) {
    const b = flatBounds(flat);
    projected.set(flat, (line = { mercator: toMercator(flat), west: b.minX, south: b.minY, east: b.maxX, north: b.maxY }));
  }
  return line;
}
