import { pointInRing } from '../geo/point-in-ring';
import { polygonsOf, type AreaGeometry, type Position } from '../geo/types';

/** Area-weighted centre of a geometry's outer rings (holes ignored: for deciding sides, that is enough). */
export function areaCentre(geometry: AreaGeometry): Position {
  let x = 0;
  let y = 0;
  let total = 0;
  for (const rings of polygonsOf(geometry)) {
    const ring = rings[0] ?? [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const cross = ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
      x += (ring[i]![0]! + ring[i + 1]![0]!) * cross;
      y += (ring[i]![1]! + ring[i + 1]![1]!) * cross;
      total += cross;
    }
  }
  if (total === 0) {
    const first = polygonsOf(geometry)[0]?.[0]?.[0] ?? [0, 0];
    return [first[0]!, first[1]!];
  }
  return [x / (3 * total), y / (3 * total)];
}


/** Which side of a polyline a point lies: +1 left, -1 right, judged by the nearest segment. */
function sideOfLine(p: Position, line: Position[]): number {
  let best = Infinity;
  let side = 1;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i]!;
    const [bx, by] = line[i + 1]!;
    const dx = bx! - ax!;
    const dy = by! - ay!;
    const t = Math.max(0, Math.min(1, ((p[0]! - ax!) * dx + (p[1]! - ay!) * dy) / (dx * dx + dy * dy || 1)));
    const d = Math.hypot(p[0]! - (ax! + t * dx), p[1]! - (ay! + t * dy));
    if (d < best) {
      best = d;
      side = Math.sign(dx * (p[1]! - ay!) - dy * (p[0]! - ax!)) || 1;
    }
  }
  return side;
}

export type SplitShape = { type: 'line'; coordinates: Position[] } | { type: 'polygon'; coordinates: Position[] };

/**
 * The areas of a zone that go to the new side of a split: for a drawn polygon,
 * those whose centre of area lies inside it; for a drawn line, those on its left.
 * An area goes with the side holding its centre of area, which for the compact
 * areas zones are made of is the side holding most of it.
 */
export function splitAreas(areas: ReadonlyMap<string, AreaGeometry>, shape: SplitShape): string[] {
  const moving: string[] = [];
  const first = shape.coordinates[0];
  const last = shape.coordinates.at(-1);
  const closed = first && last && first[0] === last[0] && first[1] === last[1];
  const ring = shape.type === 'polygon' ? (closed ? shape.coordinates : [...shape.coordinates, first!]) : [];
  for (const [code, geometry] of areas) {
    const centre = areaCentre(geometry);
    if (shape.type === 'polygon' ? pointInRing(centre, ring) : sideOfLine(centre, shape.coordinates) > 0) moving.push(code);
  }
  return moving.sort();
}
