import { area as turfArea, feature, featureCollection, intersect } from '@turf/turf';
import { boundsOf, type Bounds } from '../geo/bounds';
import type { AreaGeometry } from '../geo/types';

/**
 * Puts each area in the hand-drawn zone that covers most of it. Areas no zone
 * covers more than half of are ambiguous (given to the zone covering most and
 * reported); areas no zone touches are outside and left unassigned.
 */
export interface OverlayResult {
  assignments: Map<string, string>;
  ambiguous: { area: string; zone: string; share: number }[];
  outside: string[];
}

export function assignByOverlap(areas: ReadonlyMap<string, AreaGeometry>, zones: readonly { id: string; geometry: AreaGeometry }[]): OverlayResult {
  const zoneBoxes = zones.map((z) => ({ ...z, box: boundsOf([z.geometry]), shape: feature(z.geometry) }));
  const result: OverlayResult = { assignments: new Map(), ambiguous: [], outside: [] };
  for (const [code, geometry] of areas) {
    const box = boundsOf([geometry]);
    const shape = feature(geometry);
    const size = turfArea(shape);
    let best: { zone: string; share: number } | null = null;
    for (const zone of zoneBoxes) {
      if (!overlaps(box, zone.box)) continue;
      let shared = 0;
      try {
        const piece = intersect(featureCollection([shape, zone.shape]));
        shared = piece ? turfArea(piece) : 0;
      } catch {
        shared = 0; // a zone polygon the clipper cannot handle simply does not claim this area
      }
      const share = size > 0 ? shared / size : 0;
      if (share > 1e-9 && (!best || share > best.share)) best = { zone: zone.id, share };
    }
    if (!best) {
      result.outside.push(code);
      continue;
    }
    result.assignments.set(code, best.zone);
    if (best.share <= 0.5) result.ambiguous.push({ area: code, zone: best.zone, share: best.share });
  }
  return result;
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
}
