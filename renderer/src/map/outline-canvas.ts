import { CanvasOverlay } from './canvas-overlay';
import { drawOutlines, type OutlineStyle } from './outline-drawing';
import { projectedLine, type ProjectedLine, type View } from './projection';

interface Prepared {
  style: OutlineStyle;
  lines: ProjectedLine[];
}

/**
 * Zone and district outlines (hundreds of thousands of points at England
 * scale) drawn on the map's canvas over the areas, in the order given, instead of
 * as Leaflet polylines, which would make a LatLng object of every point.
 */
export class OutlineCanvasLayer extends CanvasOverlay {
  private sets: Prepared[] = [];

  /** Each set's lines: Float32 longitude/latitude pairs, a NaN pair between lines (one array a zone or district). */
  constructor(sets: { style: OutlineStyle; lines: Float32Array[] }[]) {
    super(1);
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

  draw(ctx: CanvasRenderingContext2D, view: View): void {
    drawOutlines(ctx, this.sets, view);
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
