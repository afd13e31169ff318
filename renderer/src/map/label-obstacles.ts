import type L from 'leaflet';
import type { Provider } from '../../../shared/domain/types';
import { placeLabels, type PlacedLabel } from './geometry';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Each provider's committed hours a week over the zones shown: what its circle is sized by. */
export function providerHours(zones: Iterable<{ providers: readonly { providerId: string; committedHours: number }[] }>): Map<string, number> {
  const totals = new Map<string, number>();
  for (const zone of zones) for (const p of zone.providers) totals.set(p.providerId, (totals.get(p.providerId) ?? 0) + p.committedHours);
  return totals;
}

/** A provider circle's radius in pixels for its hours a week (ProviderMarkers draws them so). */
export const radiusFor = (weeklyHours: number) => 3 + Math.sqrt(weeklyHours) / 3.2;

/** Branches closer than this many pixels at a zoom are drawn as one circle. */
const CELL_PX = 34;

export interface DrawnCircle {
  lat: number;
  lon: number;
  /** In pixels, without its stroke. */
  radius: number;
  members: Provider[];
  hours: number;
  kind: 'group' | 'picked' | 'withdrawn';
}

/**
 * The provider circles as ProviderMarkers draws them at a zoom: branches in one
 * cell merged (sized by their hours over the square root of their number),
 * picked-out and withdrawn providers alone. One place, so what labels keep
 * clear of is what is drawn.
 */
export function drawnCircles(
  map: L.Map,
  zoom: number,
  providers: readonly Provider[],
  hoursBy: ReadonlyMap<string, number>,
  highlighted: ReadonlyMap<string, number>,
  withdrawnId: string | null,
): DrawnCircle[] {
  const cells = new Map<string, { lat: number; lon: number; members: Provider[]; hours: number }>();
  const alone: DrawnCircle[] = [];
  for (const provider of providers) {
    const own = hoursBy.get(provider.id) ?? 0;
    if (provider.id === withdrawnId) alone.push({ lat: provider.lat, lon: provider.lon, radius: 9, members: [provider], hours: own, kind: 'withdrawn' });
    if (highlighted.has(provider.id)) alone.push({ lat: provider.lat, lon: provider.lon, radius: radiusFor(own) + 2, members: [provider], hours: own, kind: 'picked' });
    if (highlighted.has(provider.id) || provider.id === withdrawnId) continue;
    const point = map.project([provider.lat, provider.lon], zoom);
    const key = `${Math.floor(point.x / CELL_PX)}:${Math.floor(point.y / CELL_PX)}`;
    const cell = cells.get(key) ?? { lat: 0, lon: 0, members: [], hours: 0 };
    cell.members.push(provider);
    cell.hours += own;
    cell.lat += (provider.lat - cell.lat) / cell.members.length;
    cell.lon += (provider.lon - cell.lon) / cell.members.length;
    cells.set(key, cell);
  }
  const groups = [...cells.values()].map((c): DrawnCircle => ({ ...c, radius: radiusFor(c.hours / Math.max(1, Math.sqrt(c.members.length))), kind: 'group' }));
  return [...groups, ...alone];
}

/** The circles as boxes (stroke included) at a zoom, in the map's projected pixels. */
export function circleBoxes(map: L.Map, zoom: number, circles: readonly DrawnCircle[]): Box[] {
  return circles.map((c) => {
    const point = map.project([c.lat, c.lon], zoom);
    const d = 2 * c.radius + (c.kind === 'group' ? 2 : 4);
    return { x: point.x, y: point.y, width: d, height: d };
  });
}

/** Whether a box (centre and size) and a circle (its bounding box) share any pixel: the circle's distance to the box's nearest point. */
export function boxTouchesCircle(box: Box, circle: Box): boolean {
  const dx = Math.max(Math.abs(circle.x - box.x) - box.width / 2, 0);
  const dy = Math.max(Math.abs(circle.y - box.y) - box.height / 2, 0);
  return dx * dx + dy * dy < (circle.width / 2) ** 2;
}

/** A town name's box, right of its dot (10.5px italic text, a 16px line; a pixel to spare). */
const placeWidth = (name: string) => 6 + name.length * 6;

const overlaps = (a: Box, b: Box) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

/**
 * Town names beside their dots, each on the side (right, left, above, below)
 * that covers no zone name, other town, provider circle or the legend; where
 * every side is taken the town's name is left off (the dot stays), as a
 * printed map drops its smaller names rather than print one over another or
 * under a symbol.
 */
export function placeTowns(
  map: L.Map,
  zoom: number,
  places: readonly { name: string; lat: number; lon: number }[],
  names: readonly Box[],
  circles: readonly Box[],
  legend: Box | null = null,
): { placed: (PlacedLabel & { hidden: boolean })[] } {
  const labels = places.map((p, i) => {
    const point = map.project([p.lat, p.lon], zoom);
    const width = placeWidth(p.name);
    return { id: String(i), x: point.x + 4 + width / 2, y: point.y, width, height: 17, rank: -i };
  });
  // Each side is scored by what it covers; a side covering anything at all is then left off below.
  const placed = placeLabels(labels, [...names.map((n) => ({ ...n, weight: 5 })), ...circles, ...(legend ? [{ ...legend, weight: 5 }] : [])], (w) => [
    [0, 0],
    [-(w + 8), 0],
    [-(w / 2) - 4, -16],
    [-(w / 2) - 4, 16],
  ]);
  const byId = new Map(placed.map((p) => [p.id, p]));
  const kept: Box[] = [];
  const out = labels.map((l) => {
    const p = byId.get(l.id)!;
    const box = { x: l.x + p.dx, y: l.y + p.dy, width: l.width, height: l.height };
    const hidden = names.some((o) => overlaps(box, o)) || kept.some((k) => overlaps(box, k)) || circles.some((c) => boxTouchesCircle(box, c)) || (legend !== null && overlaps(box, legend));
    if (!hidden) kept.push(box);
    return { ...p, hidden };
  });
  return { placed: out };
}
