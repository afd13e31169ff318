import { signedArea } from '../geo/borders';
import { pointInRing } from '../geo/point-in-ring';
import type { AreaGeometry, Position } from '../geo/types';
import { splitLoops, type Crossing } from './ring-noding';

/**
 * Checks one imported feature's geometry and, where it is safe, mends it.
 *
 * Published boundaries are not textbook-valid: some English LSOAs have rings
 * that touch themselves at a point. A strict validity test would reject them,
 * so self-touching rings are always split into simple rings (the way GEOS's
 * MakeValid does) with a note. Changes that alter the shape a user drew —
 * closing an open ring, untangling a crossing — happen only when asked
 * (`repair`), otherwise they are errors that say how to fix them.
 */
export interface GeometryCheck {
  geometry: AreaGeometry | null;
  errors: string[];
  repairs: string[];
}

const TYPE_NAMES: Record<string, string> = {
  Point: 'a point',
  MultiPoint: 'points',
  LineString: 'a line',
  MultiLineString: 'lines',
  GeometryCollection: 'a geometry collection',
};

export function checkGeometry(raw: unknown, repair: boolean): GeometryCheck {
  const out: GeometryCheck = { geometry: null, errors: [], repairs: [] };
  if (raw === null || raw === undefined) {
    out.errors.push('has no geometry (null)');
    return out;
  }
  const g = raw as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
    const name = typeof g.type === 'string' ? (TYPE_NAMES[g.type] ?? `"${g.type}"`) : 'not a geometry';
    out.errors.push(`is ${name}, not a polygon`);
    return out;
  }
  const polygons = g.type === 'Polygon' ? [g.coordinates] : Array.isArray(g.coordinates) ? g.coordinates : null;
  if (!polygons || !Array.isArray(g.coordinates)) {
    out.errors.push(`has no coordinates array`);
    return out;
  }
  const shells: { outer: Position[]; holes: Position[][] }[] = [];
  const looseHoles: Position[][] = [];
  polygons.forEach((polygon, p) => {
    const label = (ring: number) => (g.type === 'MultiPolygon' ? `polygon ${p + 1} ring ${ring + 1}` : `ring ${ring + 1}`);
    if (!Array.isArray(polygon) || polygon.length === 0) {
      out.errors.push(`${g.type === 'MultiPolygon' ? `polygon ${p + 1}` : 'the polygon'} has no rings`);
      return;
    }
    polygon.forEach((rawRing: unknown, r: number) => {
      const ring = readRing(rawRing, label(r), repair, out);
      if (!ring) return;
      const loops = untangle(ring, label(r), repair, out);
      if (!loops) return;
      // The ring's overall turn is that of its largest loop: loops turning the same way are more land.
      const firstSign = Math.sign(signedArea(ring)) || 1;
      for (const loop of loops) {
        // A loop turning the other way from the ring it came from is a hole it pinched off (or, for a hole, an island in it).
        const sameWay = (Math.sign(signedArea(loop)) || 1) === firstSign;
        const isShell = r === 0 ? sameWay : !sameWay;
        // Shells counter-clockwise, holes clockwise (RFC 7946).
        const oriented = Math.sign(signedArea(loop)) === (isShell ? 1 : -1) ? loop : [...loop].reverse();
        if (isShell) shells.push({ outer: oriented, holes: [] });
        else looseHoles.push(oriented);
      }
    });
  });
  if (out.errors.length > 0) return out;
  for (const hole of looseHoles) {
    const probe = interiorProbe(hole);
    const home = shells.find((s) => pointInRing(probe, s.outer));
    if (home) home.holes.push(hole);
    else shells.push({ outer: [...hole].reverse(), holes: [] }); // a "hole" outside every shell is land, turned the wrong way
  }
  if (shells.length === 0) {
    out.errors.push('has no area');
    return out;
  }
  const coordinates = shells.map((s) => [s.outer, ...s.holes]);
  out.geometry = coordinates.length === 1 ? { type: 'Polygon', coordinates: coordinates[0]! } : { type: 'MultiPolygon', coordinates };
  return out;
}

/** Positions of one ring as finite [x, y] pairs (z and m dropped), without repeated neighbours, closed. */
function readRing(raw: unknown, label: string, repair: boolean, out: GeometryCheck): Position[] | null {
  if (!Array.isArray(raw)) {
    out.errors.push(`${label} is not a list of positions`);
    return null;
  }
  const ring: Position[] = [];
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i] as unknown;
    if (!Array.isArray(p) || p.length < 2) {
      out.errors.push(`${label} position ${i + 1} is not a coordinate pair (${short(p)})`);
      return null;
    }
    const x = p[0] as unknown;
    const y = p[1] as unknown;
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      out.errors.push(`${label} position ${i + 1} has a coordinate that is not a number (${short(p)})`);
      return null;
    }
    const last = ring[ring.length - 1];
    // A bare pair is kept as it is (no copy of millions of positions); z and m are dropped from longer ones.
    if (!last || last[0] !== x || last[1] !== y) ring.push(p.length === 2 ? (p as Position) : [x, y]);
  }
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (first && last && ring.length > 1 && (first[0] !== last[0] || first[1] !== last[1])) {
    if (!repair) {
      out.errors.push(`${label} is not closed (its first and last positions differ); repairing closes it`);
      return null;
    }
    ring.push([first[0]!, first[1]!]);
    out.repairs.push(`${label} was not closed: closed it`);
  }
  if (ring.length < 4) {
    out.errors.push(`${label} has only ${ring.length} position${ring.length === 1 ? '' : 's'}; a ring needs at least 4 (3 corners and the closing one)`);
    return null;
  }
  return ring;
}

/** Splits a ring that touches or crosses itself into simple loops; null (with an error) when it cannot. */
function untangle(ring: Position[], label: string, repair: boolean, out: GeometryCheck): Position[][] | null {
  const result = splitLoops(ring);
  if (result.overlap) {
    out.errors.push(`${label} runs back along itself near ${at(result.overlap)}; this cannot be repaired safely`);
    return null;
  }
  const crossings = result.crossings.filter((c: Crossing) => c.kind === 'cross');
  const touches = result.crossings.filter((c: Crossing) => c.kind === 'touch');
  if (crossings.length > 0 && !repair) {
    out.errors.push(`${label} crosses itself at ${at(crossings[0]!.point)}${crossings.length > 1 ? ` and ${crossings.length - 1} more place${crossings.length > 2 ? 's' : ''}` : ''}; repairing splits it where it crosses`);
    return null;
  }
  if (result.spikes > 0) out.repairs.push(`${label} had ${result.spikes} spike${result.spikes === 1 ? '' : 's'} (a point the boundary went out to and straight back from): removed`);
  if (crossings.length > 0) out.repairs.push(`${label} crossed itself at ${at(crossings[0]!.point)}: split into ${result.loops.length} rings`);
  else if (touches.length > 0) out.repairs.push(`${label} touched itself at ${at(touches[0]!.point)}: split into ${result.loops.length} rings`);
  const loops = result.loops.filter((loop) => Math.abs(signedArea(loop)) > 0);
  if (loops.length === 0) {
    out.errors.push(`${label} encloses no area`);
    return null;
  }
  return loops;
}

/** A point inside a simple ring, away from its vertices (which it may share with the shell). */
function interiorProbe(ring: Position[]): Position {
  // The midpoint of a short chord next to a convex corner lies inside; use the corner of the lowest vertex.
  let k = 0;
  for (let i = 1; i < ring.length - 1; i++) if (ring[i]![1]! < ring[k]![1]! || (ring[i]![1] === ring[k]![1] && ring[i]![0]! < ring[k]![0]!)) k = i;
  const n = ring.length - 1;
  const prev = ring[(k - 1 + n) % n]!;
  const next = ring[(k + 1) % n]!;
  const c = ring[k]!;
  const f = 1e-3;
  return [c[0]! + ((prev[0]! - c[0]!) + (next[0]! - c[0]!)) * f, c[1]! + ((prev[1]! - c[1]!) + (next[1]! - c[1]!)) * f];
}

function at(p: Position): string {
  return `(${round(p[0]!)}, ${round(p[1]!)})`;
}

function round(v: number): string {
  return Math.abs(v) > 1000 ? v.toFixed(1) : v.toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
