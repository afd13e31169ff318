import type { MapData } from '../../../shared/api/contract';
import { boundsOf } from '../../../shared/geo/bounds';

/** A point inside each zone to hang its label on: the middle of the zone's most central sizeable area. */
export function zoneLabelPoints(mapData: MapData): Map<string, [number, number]> {
  const boxes = new Map<string, { lat: number; lon: number; weight: number }[]>();
  for (const area of mapData.areas) {
    if (!area.zoneId) continue;
    const { minX: west, minY: south, maxX: east, maxY: north } = boundsOf([area.geometry]);
    const list = boxes.get(area.zoneId) ?? [];
    list.push({ lat: (south + north) / 2, lon: (west + east) / 2, weight: (north - south) * (east - west) });
    boxes.set(area.zoneId, list);
  }
  const points = new Map<string, [number, number]>();
  for (const [zoneId, list] of boxes) {
    const total = list.reduce((s, b) => s + b.weight, 0) || 1;
    const lat = list.reduce((s, b) => s + b.lat * b.weight, 0) / total;
    const lon = list.reduce((s, b) => s + b.lon * b.weight, 0) / total;
    // Prefer big areas near the weighted middle, so the label sits inside the zone.
    const best = list.reduce((a, b) => (score(b) > score(a) ? b : a));
    function score(b: { lat: number; lon: number; weight: number }) {
      return Math.sqrt(b.weight) / (0.01 + Math.hypot(b.lat - lat, b.lon - lon));
    }
    points.set(zoneId, [best.lat, best.lon]);
  }
  return points;
}

export const toLatLngs = (lines: number[][][]) => lines.map((line) => line.map(([lon, lat]) => [lat!, lon!] as [number, number]));
