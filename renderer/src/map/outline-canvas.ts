import { CanvasOverlay, type View } from './canvas-overlay';
import { projectedLine, type ProjectedLine } from './projection';

export interface OutlineStyle {
  colour: string;
  width: number;
  opacity: number;
  dash?: number[];
}

/** A vertex closer than this to the last one drawn (in screen pixels, summed across and down) is skipped: below what a 1–2 px line shows. */
const MIN_STEP_PX = 1;

interface Prepared {
  style: OutlineStyle;
  lines: ProjectedLine[];
}

/**
 * Zone and district outlines (hundreds of thousands of points at England
 * scale) drawn on one canvas above the areas, in the order given, instead of
 * as Leaflet polylines, which would make a LatLng object of every point.
 */
export class OutlineCanvasLayer extends CanvasOverlay {
  private sets: Prepared[] = [];

  /** Each set's lines: Float32 longitude/latitude pairs, a NaN pair between lines (one array a zone or district). */
  constructor(sets: { style: OutlineStyle; lines: Float32Array[] }[]) {
    super('outlines', 360);
    this.setLines(sets);
  }

  /** New lines to draw (after an edit), redrawn at once; arrays projected before are not projected again. */
  setLines(sets: { style: OutlineStyle; lines: Float32Array[] }[]): void {
    const before = this.sets;
    this.sets = sets.map(({ style, lines }) => ({ style, lines: lines.map(projectedLine) }));
    const changed = before && changedBounds(before, this.sets);
    if (changed === null) return;
    if (changed) this.redrawWithin(changed);
    else this.redraw();
  }

  protected draw(ctx: CanvasRenderingContext2D, view: View): void {
    const { worldPx, originX, originY } = view;
    // Rasterising the stroked outlines is most of the first frame on a
    // national map (no GPU on council laptops). Round joins and caps cost Skia
    // about twice what bevels and square ends do, which at 1–2 px look the
    // same; so does dropping vertices within a pixel of the last one drawn
    // (England's first frame: ≈ 95 ms to rasterise against ≈ 195 ms).
    ctx.lineJoin = 'bevel';
    ctx.lineCap = 'square';
    for (const { style, lines } of this.sets) {
      ctx.strokeStyle = style.colour;
      ctx.globalAlpha = style.opacity;
      ctx.lineWidth = style.width;
      ctx.setLineDash(style.dash ?? []);
      ctx.beginPath();
      for (const line of lines) {
        if (line.east < view.west || line.west > view.east || line.north < view.south || line.south > view.north) continue;
        const m = line.mercator;
        let lastX = NaN;
        let lastY = NaN;
        let starting = true;
        for (let i = 0; i < m.length; i += 2) {
          if (Number.isNaN(m[i]!)) {
            starting = true;
            continue;
          }
          const x = m[i]! * worldPx - originX;
          const y = m[i + 1]! * worldPx - originY;
          const lineEnds = i + 2 >= m.length || Number.isNaN(m[i + 2]!);
          if (starting) ctx.moveTo(x, y);
          else if (Math.abs(x - lastX) + Math.abs(y - lastY) < MIN_STEP_PX && !lineEnds) continue;
          else ctx.lineTo(x, y);
          starting = false;
          lastX = x;
          lastY = y;
        }
      }
      ctx.stroke();
    }
    ctx.globalAlpha = 1;
    ctx.setLineDash([]);
  }
}

/**
 * Where two drawings of the outlines differ: the bounds of every line one has
 * and the other lacks (lines are compared by their arrays, which an edit
 * replaces only for the zones it touched). Null when nothing differs;
 * undefined when the styles differ, which needs a full redraw.
 */
function changedBounds(a: Prepared[], b: Prepared[]): { west: number; south: number; east: number; north: number } | null | undefined {
  if (a.length !== b.length || a.some((set, i) => JSON.stringify(set.style) !== JSON.stringify(b[i]!.style))) return undefined;
  const bounds = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  a.forEach((set, i) => {
    const mine = new Set(set.lines);
    const theirs = new Set(b[i]!.lines);
    for (const line of [...set.lines.filter((l) => !theirs.has(l)), ...b[i]!.lines.filter((l) => !mine.has(l))]) {
      bounds.west = Math.min(bounds.west, line.west);
      bounds.south = Math.min(bounds.south, line.south);
      bounds.east = Math.max(bounds.east, line.east);
      bounds.north = Math.max(bounds.north, line.north);
    }
  });
  return bounds.west <= bounds.east ? bounds : null;
}
