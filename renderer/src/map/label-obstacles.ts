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

/** The provider circles as boxes at a zoom, in the map's projected pixels. */
export function circleBoxes(map: L.Map, zoom: number, providers: readonly Provider[], hoursBy: ReadonlyMap<string, number>): Box[] {
  return providers.map((p) => {
    const point = map.project([p.lat, p.lon], zoom);
    const d = 2 * radiusFor(hoursBy.get(p.id) ?? 0) + 2;
    return { x: point.x, y: point.y, width: d, height: d };
  });
}

/** A town name's box, right of its dot (10.5px italic text). */
const placeWidth = (name: string) => 6 + name.length * 6;

const overlaps = (a: Box, b: Box) => Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;

/**
 * Town names beside their dots, each on the side (right, left, above, below)
 * that covers no zone name or other town, and no provider circle where it
 * can; where every side is taken by names the town's is left off (the dot
 * stays), as a printed map drops its smaller names rather than print one
 * over another.
 */
export function placeTowns(map: L.Map, zoom: number, places: readonly { name: string; lat: number; lon: number }[], names: readonly Box[], circles: readonly Box[]): { placed: (PlacedLabel & { hidden: boolean })[] } {
  const labels = places.map((p, i) => {
    const point = map.project([p.lat, p.lon], zoom);
    const width = placeWidth(p.name);
    return { id: String(i), x: point.x + 4 + width / 2, y: point.y, width, height: 14, rank: -i };
  });
  // Zone names weigh far more than circles: a town's name may touch a circle where there is no other room, never a zone's name.
  const placed = placeLabels(labels, [...names.map((n) => ({ ...n, weight: 5 })), ...circles], (w) => [
    [0, 0],
    [-(w + 8), 0],
    [-(w / 2) - 4, -14],
    [-(w / 2) - 4, 14],
  ]);
  const byId = new Map(placed.map((p) => [p.id, p]));
  const kept: Box[] = [];
  const out = labels.map((l) => {
    const p = byId.get(l.id)!;
    const box = { x: l.x + p.dx, y: l.y + p.dy, width: l.width, height: l.height };
    const hidden = names.some((o) => overlaps(box, o)) || kept.some((k) => overlaps(box, k));
    if (!hidden) kept.push(box);
    return { ...p, hidden };
  });
  return { placed: out };
}
