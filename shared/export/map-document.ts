import type { PlanMetrics } from '../coverage/schemas';
import type { Settings } from '../domain/types';
import { hiddenText, suppressionPlan } from '../coverage/disclosure';
import { millions, percent, quantityText } from '../format';
import { boundsOf, multiPolygon } from '../geo/bounds';
import { pointInRing } from '../geo/point-in-ring';
import type { Position } from '../geo/types';
import { CLASS_FILL, CLASS_ORDER, classLabel, HATCH_INK, HATCH_LABEL, zoneStyle } from '../style/coverage-style';
import { attrs, escapeXml, mm, page, rect, text, textWidth, wrap } from './svg';

export type Paper = 'a4' | 'a3';
export type Orientation = 'landscape' | 'portrait';

/** Paper sizes in millimetres, portrait. */
export const PAPER_MM: Record<Paper, [number, number]> = { a4: [210, 297], a3: [297, 420] };

export function pageSize(paper: Paper, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAPER_MM[paper];
  return orientation === 'landscape' ? { width: long, height: short } : { width: short, height: long };
}

export interface MapDocumentInput {
  title: string;
  subtitle: string;
  paper: Paper;
  orientation: Orientation;
  metrics: PlanMetrics;
  settings: Settings;
  /** Each zone dissolved into polygons (rings of [lon, lat]). */
  zoneShapes: ReadonlyMap<string, Position[][][]>;
  districtLines: Position[][];
  places: { name: string; lat: number; lon: number }[];
  attributions: string[];
  dataAsOf: string | null;
  isSample: boolean;
  includeFlaggedTable: boolean;
  /** Counts below this are shown as "<N"; null turns small-number care off. */
  smallNumberThreshold: number | null;
  /** Zones a withdrawal changed, outlined with dashes (optional). */
  changedZones?: ReadonlySet<string>;
  /** A line under the subtitle saying what the map shows when it is not the current state. */
  note?: string;
}

const INK = '#1b1b1b';
const SOFT = '#4a4f54';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function niceScaleKm(maxKm: number): number {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
  return [...steps].reverse().find((s) => s <= maxKm) ?? 1;
}

/**
 * The committee map as one SVG document in millimetres: title, the zones by
 * coverage class (flagged ones hatched, so it reads in greyscale), labels that
 * do not collide, legend with thresholds, scale bar, north arrow, key figures,
 * an optional table of flagged zones, the data date, "Sample data" when it is,
 * and every attribution. Pure and deterministic: the same input gives the
 * same bytes.
 */
export function renderMapDocument(input: MapDocumentInput): string {
  const { width: W, height: H } = pageSize(input.paper, input.orientation);
  const f = Math.min(W, H) / 210; // A4 = 1, A3 ≈ 1.41
  const margin = 10 * f;
  const out: string[] = [];
  const zoneById = new Map(input.metrics.zones.map((z) => [z.zoneId, z]));

  // ---- header and footer -----------------------------------------------------
  const header = 20 * f + (input.note ? 5 * f : 0);
  out.push(text(margin, margin + 7 * f, input.title, { 'font-size': 7 * f, 'font-weight': 'bold', fill: INK }));
  out.push(text(margin, margin + 13 * f, input.subtitle, { 'font-size': 4 * f, fill: SOFT }));
  if (input.note) out.push(text(margin, margin + 18.5 * f, input.note, { 'font-size': 3.4 * f, fill: INK, 'font-style': 'italic' }));
  if (input.isSample) {
    const label = 'SAMPLE DATA';
    const w = textWidth(label, 3.6 * f, true) + 6 * f;
    out.push(rect(W - margin - w, margin, w, 8 * f, { fill: '#ffffff', stroke: INK, 'stroke-width': 0.5 * f }));
    out.push(text(W - margin - w / 2, margin + 5.6 * f, label, { 'font-size': 3.6 * f, 'font-weight': 'bold', 'text-anchor': 'middle', fill: INK }));
  }
  const footerLines: string[] = [];
  const footerFont = 2.3 * f;
  const footerText = [
    input.dataAsOf ? `Data as of ${input.dataAsOf}.` : '',
    input.isSample ? 'Sample data: providers are fictional and demand is modelled.' : '',
    ...input.attributions,
  ]
    .filter(Boolean)
    .join(' ');
  footerLines.push(...wrap(footerText, W - 2 * margin, footerFont));
  const footer = footerLines.length * footerFont * 1.3 + 3 * f;
  footerLines.forEach((line, i) => out.push(text(margin, H - margin - footer + 3 * f + (i + 0.8) * footerFont * 1.3, line, { 'font-size': footerFont, fill: SOFT })));

  // ---- body: map frame and side panel ------------------------------------------
  const bodyTop = margin + header;
  const bodyBottom = H - margin - footer;
  const landscape = input.orientation === 'landscape';
  const panelW = landscape ? 80 * f : W - 2 * margin;
  const frame: Box = landscape
    ? { x: margin, y: bodyTop, w: W - 2 * margin - panelW - 6 * f, h: bodyBottom - bodyTop }
    : { x: margin, y: bodyTop, w: W - 2 * margin, h: (bodyBottom - bodyTop) * 0.62 };
  const panel: Box = landscape ? { x: W - margin - panelW, y: bodyTop, w: panelW, h: bodyBottom - bodyTop } : { x: margin, y: frame.y + frame.h + 5 * f, w: panelW, h: bodyBottom - frame.y - frame.h - 5 * f };

  // Projection: equirectangular at the map's middle latitude, fitted into the frame.
  const box = boundsOf([...input.zoneShapes.values()].map(multiPolygon));
  const [minLon, minLat, maxLon, maxLat] = Number.isFinite(box.minX) ? [box.minX, box.minY, box.maxX, box.maxY] : [-1, 52, 0, 53];
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const pad = 4 * f;
  const scale = Math.min((frame.w - 2 * pad) / ((maxLon - minLon) * kx || 1), (frame.h - 2 * pad) / (maxLat - minLat || 1));
  const offsetX = frame.x + (frame.w - (maxLon - minLon) * kx * scale) / 2;
  const offsetY = frame.y + (frame.h - (maxLat - minLat) * scale) / 2;
  const project = (p: Position): [number, number] => [offsetX + (p[0]! - minLon) * kx * scale, offsetY + (maxLat - p[1]!) * scale];
  const pathOf = (rings: Position[][]) =>
    rings
      .map((ring) => {
        const pts = ring.map(project);
        return `M${pts.map(([x, y]) => `${mm(x)} ${mm(y)}`).join('L')}Z`;
      })
      .join('');

  out.push(`<defs>${CLASS_ORDER.map((cls) => hatchPattern(cls, f)).join('')}<clipPath id="map-frame">${rect(frame.x, frame.y, frame.w, frame.h)}</clipPath></defs>`);
  out.push(rect(frame.x, frame.y, frame.w, frame.h, { fill: '#ffffff', stroke: INK, 'stroke-width': 0.35 * f }));
  out.push('<g clip-path="url(#map-frame)">');
  // One path per zone, filled by class; hatched when flagged.
  for (const zone of input.metrics.zones) {
    const polygons = input.zoneShapes.get(zone.zoneId);
    if (!polygons?.length) continue;
    const style = zoneStyle(zone);
    out.push(`<path${attrs({ class: 'zone', 'data-zone': zone.zoneId, d: polygons.map(pathOf).join(''), fill: style.hatched ? `url(#hatch-${style.cls})` : style.fill, 'fill-rule': 'evenodd', stroke: '#ffffff', 'stroke-width': 0.25 * f })}/>`);
  }
  if (input.districtLines.length) {
    const d = input.districtLines.map((line) => `M${line.map(project).map(([x, y]) => `${mm(x)} ${mm(y)}`).join('L')}`).join('');
    out.push(`<path${attrs({ class: 'district-outline', d, fill: 'none', stroke: '#5b6670', 'stroke-width': 0.35 * f, 'stroke-dasharray': `${mm(1.6 * f)} ${mm(1.1 * f)}` })}/>`);
  }
  for (const zone of input.metrics.zones) {
    const polygons = input.zoneShapes.get(zone.zoneId);
    if (!polygons?.length) continue;
    const changed = input.changedZones?.has(zone.zoneId);
    out.push(`<path${attrs({ class: 'zone-outline', d: polygons.map(pathOf).join(''), fill: 'none', stroke: INK, 'stroke-width': (changed ? 0.9 : 0.45) * f, 'stroke-dasharray': changed ? `${mm(2 * f)} ${mm(1.2 * f)}` : undefined, 'stroke-linejoin': 'round' })}/>`);
  }

  // Labels: zone names first (biggest zones first), then places where room is left.
  const placed: Box[] = [];
  const labelFont = 2.9 * f;
  const zonesBySize = [...input.metrics.zones].sort((a, b) => b.areaCount - a.areaCount || a.zoneId.localeCompare(b.zoneId));
  for (const zone of zonesBySize) {
    const polygons = input.zoneShapes.get(zone.zoneId);
    if (!polygons?.length) continue;
    const [cx, cy] = labelAnchor(polygons.map((rings) => rings[0]!.map(project)));
    const w = textWidth(zone.name, labelFont, true) + 2 * f;
    const h = labelFont * 1.45;
    const candidates = [[0, 0], [0, -h * 1.1], [0, h * 1.1], [-w * 0.35, 0], [w * 0.35, 0], [0, -h * 2.2], [0, h * 2.2]];
    for (const [dx, dy] of candidates) {
      const box = { x: cx + dx! - w / 2, y: cy + dy! - h / 2, w, h };
      const inside = box.x >= frame.x && box.y >= frame.y && box.x + box.w <= frame.x + frame.w && box.y + box.h <= frame.y + frame.h;
      if (!inside || placed.some((p) => overlaps(p, box))) continue;
      placed.push(box);
      out.push(rect(box.x, box.y, box.w, box.h, { class: 'zone-label-bg', fill: '#ffffff', 'fill-opacity': '0.85', rx: 0.6 * f }));
      out.push(text(box.x + box.w / 2, box.y + h * 0.72, zone.name, { class: 'zone-label', 'font-size': labelFont, 'font-weight': 'bold', 'text-anchor': 'middle', fill: INK }));
      break;
    }
  }
  const placeFont = 2.3 * f;
  for (const place of input.places) {
    const [x, y] = project([place.lon, place.lat]);
    const box = { x: x - 0.6 * f, y: y - placeFont, w: textWidth(place.name, placeFont) + 2 * f, h: placeFont * 1.4 };
    const inside = box.x >= frame.x && box.y >= frame.y && box.x + box.w <= frame.x + frame.w && box.y + box.h <= frame.y + frame.h;
    if (!inside || placed.some((p) => overlaps(p, box))) continue;
    placed.push(box);
    out.push(`<circle${attrs({ cx: x, cy: y, r: 0.5 * f, fill: INK })}/>`);
    out.push(text(x + 1.2 * f, y + placeFont * 0.35, place.name, { class: 'place-label', 'font-size': placeFont, 'font-style': 'italic', fill: INK }));
  }
  out.push('</g>');

  // Scale bar and north arrow, inside the frame's corners.
  const kmPerMm = (1 / (kx * scale)) * 111.32 * kx; // degrees of longitude per mm → km
  const barKm = niceScaleKm((frame.w * 0.25) * kmPerMm);
  const barMm = barKm / kmPerMm;
  const bx = frame.x + 4 * f;
  const by = frame.y + frame.h - 6 * f;
  out.push(`<g class="scale-bar">${rect(bx, by, barMm / 2, 1.4 * f, { fill: INK })}${rect(bx + barMm / 2, by, barMm / 2, 1.4 * f, { fill: '#ffffff', stroke: INK, 'stroke-width': 0.25 * f })}${text(bx, by - 1.2 * f, '0', { 'font-size': 2.4 * f, fill: INK })}${text(bx + barMm, by - 1.2 * f, `${barKm} km`, { 'font-size': 2.4 * f, 'text-anchor': 'middle', fill: INK })}</g>`);
  const nx = frame.x + frame.w - 8 * f;
  const ny = frame.y + 5 * f;
  out.push(`<g class="north-arrow"><path${attrs({ d: `M${mm(nx)} ${mm(ny)}L${mm(nx + 2.6 * f)} ${mm(ny + 8 * f)}L${mm(nx)} ${mm(ny + 6.2 * f)}L${mm(nx - 2.6 * f)} ${mm(ny + 8 * f)}Z`, fill: INK })}/>${text(nx, ny + 12 * f, 'N', { 'font-size': 3.4 * f, 'font-weight': 'bold', 'text-anchor': 'middle', fill: INK })}</g>`);

  // ---- side panel: legend, key figures, flagged zones ----------------------------
  let y = panel.y + 4 * f;
  const px = panel.x + (landscape ? 0 : 0);
  const colW = landscape ? panel.w : panel.w / 2 - 4 * f;
  const heading = (label: string, at: number, x = px) => text(x, at, label, { 'font-size': 3.4 * f, 'font-weight': 'bold', fill: INK });
  out.push(`<g class="legend">${heading('Coverage', y)}`);
  y += 3 * f;
  const legendRows: [string, string][] = [...CLASS_ORDER.map((cls) => [CLASS_FILL[cls], classLabel(cls, input.settings)] as [string, string]), ['url(#hatch-legend)', HATCH_LABEL]];
  for (const [fill, label] of legendRows) {
    out.push(rect(px, y, 7 * f, 4.2 * f, { fill, stroke: SOFT, 'stroke-width': 0.2 * f }));
    const lines = wrap(label, colW - 10 * f, 2.7 * f);
    lines.forEach((line, i) => out.push(text(px + 9 * f, y + 3.1 * f + i * 3.2 * f, line, { 'font-size': 2.7 * f, fill: INK })));
    y += Math.max(5.6 * f, lines.length * 3.2 * f + 1.8 * f);
  }
  out.push(`</g>`);

  let fy = landscape ? y + 4 * f : panel.y + 4 * f;
  const fx = landscape ? px : panel.x + panel.w / 2 + 4 * f;
  const t = input.metrics.totals;
  out.push(`<g class="key-figures">${heading('Key figures', fy, fx)}`);
  fy += 2 * f;
  const over = t.budgetHeadroom < 0;
  const figures: [string, string][] = [
    ['Zones flagged', `${t.flaggedZones} of ${t.zones} (${t.redZones} red, ${t.amberZones} amber, ${t.fragileZones} fragile)`],
    [t.unit === 'week' ? 'Live-in care short' : 'Hours short', `${quantityText(t.shortfallHours, t.unit)} (secure supply only; ${quantityText(t.unsourcedHours, t.unit)} unsourced)`],
    ['Council-funded annual cost', `${millions(t.councilAnnualCost)} against a budget of ${millions(t.budgetPerYear)} (${over ? `${millions(-t.budgetHeadroom)} over` : `${millions(t.budgetHeadroom)} under`})`],
  ];
  for (const [label, value] of figures) {
    out.push(text(fx, fy + 3 * f, label, { 'font-size': 2.5 * f, fill: SOFT }));
    const lines = wrap(value, colW, 3 * f);
    lines.forEach((line, i) => out.push(text(fx, fy + 6.6 * f + i * 3.6 * f, line, { 'font-size': 3 * f, 'font-weight': 'bold', fill: INK })));
    fy += 5 * f + lines.length * 3.6 * f;
  }
  out.push('</g>');

  if (input.includeFlaggedTable) {
    const flagged = input.metrics.zones.filter((z) => z.flags.length > 0).sort((a, b) => (a.coverage ?? 0) - (b.coverage ?? 0));
    let ty = fy + 5 * f;
    const tx = fx;
    const rowH = 3.6 * f;
    const bottom = panel.y + panel.h;
    out.push(`<g class="flagged-table">${heading('Flagged zones', ty, tx)}`);
    ty += 2 * f;
    const cols = [0, colW * 0.56, colW * 0.78];
    const head = ['Zone', 'Cover', t.unit === 'week' ? 'Short wk' : 'Short h/wk'];
    // Small-number care by people, with secondary suppression across the zones (their total is published).
    const hidden = suppressionPlan(input.metrics.zones.map((z) => z.people), input.smallNumberThreshold, [input.metrics.zones.map((_, i) => i)]);
    const hiddenBy = new Map([...hidden].map(([i, kind]) => [input.metrics.zones[i]!.zoneId, hiddenText(kind, input.smallNumberThreshold ?? 0)]));
    head.forEach((h, i) => out.push(text(tx + cols[i]!, ty + 3 * f, h, { 'font-size': 2.4 * f, 'font-weight': 'bold', fill: SOFT })));
    ty += rowH;
    let shown = 0;
    for (const zone of flagged) {
      if (ty + rowH * 2 > bottom) break;
      const name = zone.name.length > 30 ? `${zone.name.slice(0, 29)}…` : zone.name;
      out.push(text(tx + cols[0]!, ty + 3 * f, name, { 'font-size': 2.5 * f, fill: INK }));
      const mask = hiddenBy.get(zone.zoneId);
      out.push(text(tx + cols[1]!, ty + 3 * f, mask ?? percent(zone.coverage), { 'font-size': 2.5 * f, fill: INK }));
      out.push(text(tx + cols[2]!, ty + 3 * f, mask ?? quantityText(zone.shortfallHours, zone.unit).replace(/ (hours|weeks of care) a week$/, ''), { 'font-size': 2.5 * f, fill: INK }));
      ty += rowH;
      shown += 1;
    }
    if (shown < flagged.length) out.push(text(tx, ty + 3 * f, `…and ${flagged.length - shown} more (see the zone table).`, { 'font-size': 2.4 * f, fill: SOFT }));
    out.push('</g>');
  }

  return page(W, H, input.title, out);
}

/** Hatching for a class (and a white one for the legend): the class colour crossed by dark diagonals. */
function hatchPattern(cls: (typeof CLASS_ORDER)[number], f: number): string {
  const size = 2.2 * f;
  const line = `<path d="M0 ${mm(size)}L${mm(size)} 0" stroke="${HATCH_INK}" stroke-width="${mm(0.35 * f)}" stroke-opacity="0.75"/>`;
  const tile = (id: string, fill: string) =>
    `<pattern id="${id}" width="${mm(size)}" height="${mm(size)}" patternUnits="userSpaceOnUse">${rect(0, 0, size, size, { fill })}${line}</pattern>`;
  return tile(`hatch-${cls}`, CLASS_FILL[cls]) + (cls === 'red' ? tile('hatch-legend', '#ffffff') : '');
}

/** A point to hang a zone's label on: the middle of its largest polygon's bounding box, moved inside when needed. */
function labelAnchor(polygons: [number, number][][]): [number, number] {
  let best = polygons[0]!;
  let bestArea = -Infinity;
  for (const ring of polygons) {
    let a = 0;
    for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
    if (Math.abs(a) > bestArea) {
      bestArea = Math.abs(a);
      best = ring;
    }
  }
  const xs = best.map((p) => p[0]);
  const ys = best.map((p) => p[1]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const cy = (Math.min(...ys) + Math.max(...ys)) / 2;
  if (pointInRing([cx, cy], best)) return [cx, cy];
  // Scan the middle row for the widest run inside the ring.
  const crossings: number[] = [];
  for (let i = 0; i + 1 < best.length; i++) {
    const [x1, y1] = best[i]!;
    const [x2, y2] = best[i + 1]!;
    if (y1 > cy !== y2 > cy) crossings.push(x1 + ((cy - y1) * (x2 - x1)) / (y2 - y1));
  }
  crossings.sort((a, b) => a - b);
  let mid = cx;
  let widest = -1;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    if (crossings[i + 1]! - crossings[i]! > widest) {
      widest = crossings[i + 1]! - crossings[i]!;
      mid = (crossings[i]! + crossings[i + 1]!) / 2;
    }
  }
  return [mid, cy];
}

