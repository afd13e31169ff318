import type { AreaLayer } from '../../../shared/geo/area-layer';

/** A point inside each zone to hang its label on: the middle of the zone's most central sizeable area. */
export function zoneLabelPoints(layer: AreaLayer): Map<string, [number, number]> {
  const boxes = new Map<string, { lat: number; lon: number; weight: number }[]>();
  layer.zoneIds.forEach((zoneId, a) => {
    if (!zoneId) return;
    const [west, south, east, north] = layer.boxes.subarray(a * 4, a * 4 + 4) as unknown as [number, number, number, number];
    const list = boxes.get(zoneId) ?? [];
    list.push({ lat: (south + north) / 2, lon: (west + east) / 2, weight: (north - south) * (east - west) });
    boxes.set(zoneId, list);
  });
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

/** A label to place: where it is in pixels, how big it is, and how much it matters. */
export interface LabelBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rank: number;
}

/** The labels that fit: highest rank first, each kept only if it overlaps none kept before it. */
export function thinLabels(labels: readonly LabelBox[]): string[] {
  const kept: LabelBox[] = [];
  for (const label of [...labels].sort((a, b) => b.rank - a.rank)) {
    if (kept.some((k) => Math.abs(k.x - label.x) * 2 < k.width + label.width && Math.abs(k.y - label.y) * 2 < k.height + label.height)) continue;
    kept.push(label);
  }
  return kept.map((k) => k.id);
}
