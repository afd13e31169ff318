import type { AreaLayer } from '../../../shared/geo/area-layer';

/**
 * A point inside each zone to hang its label on: the middle of the zone's most
 * central sizeable area. Two passes over typed sums, no object per area: it
 * runs again after every edit, over every area of the map.
 */
export function zoneLabelPoints(layer: AreaLayer): Map<string, [number, number]> {
  const index = new Map<string, number>();
  const zoneOf = new Int32Array(layer.zoneIds.length).fill(-1);
  layer.zoneIds.forEach((zoneId, a) => {
    if (!zoneId) return;
    let z = index.get(zoneId);
    if (z === undefined) index.set(zoneId, (z = index.size));
    zoneOf[a] = z;
  });
  const sums = new Float64Array(index.size * 3); // weight, lat × weight, lon × weight
  const box = layer.boxes;
  for (let a = 0; a < zoneOf.length; a++) {
    const z = zoneOf[a]!;
    if (z < 0) continue;
    const weight = (box[a * 4 + 3]! - box[a * 4 + 1]!) * (box[a * 4 + 2]! - box[a * 4]!);
    sums[z * 3] = sums[z * 3]! + weight;
    sums[z * 3 + 1] = sums[z * 3 + 1]! + ((box[a * 4 + 1]! + box[a * 4 + 3]!) / 2) * weight;
    sums[z * 3 + 2] = sums[z * 3 + 2]! + ((box[a * 4]! + box[a * 4 + 2]!) / 2) * weight;
  }
  // Prefer big areas near the weighted middle, so the label sits inside the zone.
  const best = new Int32Array(index.size).fill(-1);
  const bestScore = new Float64Array(index.size);
  for (let a = 0; a < zoneOf.length; a++) {
    const z = zoneOf[a]!;
    if (z < 0) continue;
    const total = sums[z * 3]! || 1;
    const lat = (box[a * 4 + 1]! + box[a * 4 + 3]!) / 2;
    const lon = (box[a * 4]! + box[a * 4 + 2]!) / 2;
    const weight = (box[a * 4 + 3]! - box[a * 4 + 1]!) * (box[a * 4 + 2]! - box[a * 4]!);
    const score = Math.sqrt(weight) / (0.01 + Math.hypot(lat - sums[z * 3 + 1]! / total, lon - sums[z * 3 + 2]! / total));
    if (best[z] === -1 || score > bestScore[z]!) {
      best[z] = a;
      bestScore[z] = score;
    }
  }
  const points = new Map<string, [number, number]>();
  for (const [zoneId, z] of index) {
    const a = best[z]!;
    points.set(zoneId, [(box[a * 4 + 1]! + box[a * 4 + 3]!) / 2, (box[a * 4]! + box[a * 4 + 2]!) / 2]);
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

/** The places a zone label may go: its point, then rings around it, nearest first. */
function ringOffsets(w: number, h: number): [number, number][] {
  const offsets: [number, number][] = [[0, 0]];
  for (let k = 1; k <= 4; k++) offsets.push([0, -k * h], [0, k * h], [k * w * 0.55, 0], [-k * w * 0.55, 0], [k * w * 0.5, -k * h], [-k * w * 0.5, -k * h], [k * w * 0.5, k * h], [-k * w * 0.5, k * h]);
  return offsets;
}

/** Where a label goes: its shift from its zone's point, in pixels. */
export interface PlacedLabel {
  id: string;
  dx: number;
  dy: number;
}

const overlapArea = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  Math.max(0, Math.min(a.x + a.width / 2, b.x + b.width / 2) - Math.max(a.x - a.width / 2, b.x - b.width / 2)) *
  Math.max(0, Math.min(a.y + a.height / 2, b.y + b.height / 2) - Math.max(a.y - a.height / 2, b.y - b.height / 2));

/**
 * Every label placed, none covering another where there is room: the highest
 * rank first at its zone's point, each later one at the nearest of a ring of
 * positions around its point (above, below, beside, then further out) that
 * covers no label placed before it, or, where none is free, the one covering
 * least. `avoid` are boxes no label should cover (provider circles, town names),
 * each weighing `weight` times its overlap (1 unless said; a placed label weighs 10).
 */
export function placeLabels(
  labels: readonly LabelBox[],
  avoid: readonly { x: number; y: number; width: number; height: number; weight?: number }[] = [],
  candidates: (width: number, height: number) => [number, number][] = ringOffsets,
): PlacedLabel[] {
  const placed: (LabelBox & PlacedLabel)[] = [];
  for (const label of [...labels].sort((a, b) => b.rank - a.rank)) {
    const { width: w, height: h } = label;
    const offsets = candidates(w, h);
    let best: { dx: number; dy: number; cost: number } | null = null;
    for (const [dx, dy] of offsets) {
      const box = { x: label.x + dx, y: label.y + dy, width: w + 4, height: h + 2 };
      const cost = placed.reduce((t, p) => t + overlapArea(box, { x: p.x + p.dx, y: p.y + p.dy, width: p.width, height: p.height }) * 10, 0) + avoid.reduce((t, a) => t + overlapArea(box, a) * (a.weight ?? 1), 0);
      if (!best || cost < best.cost - 1e-9) best = { dx, dy, cost };
      if (cost === 0) break;
    }
    placed.push({ ...label, dx: best!.dx, dy: best!.dy });
  }
  return placed.map(({ id, dx, dy }) => ({ id, dx, dy }));
}
