import type { ProjectedLine, View } from './projection';

export interface OutlineStyle {
  colour: string;
  width: number;
  opacity: number;
  dash?: number[];
}

/** A vertex closer than this to the last one drawn (in screen pixels, summed across and down) is skipped: below what a 1–2 px line shows. */
const MIN_STEP_PX = 1;

/**
 * Draws sets of outlines onto `ctx`, in the order given, each set in its
 * style; lines outside the view are skipped. Apart from the canvas layer (and
 * Leaflet) so it can be tested with a context that records what is drawn.
 */
export function drawOutlines(ctx: CanvasRenderingContext2D, sets: readonly { style: OutlineStyle; lines: readonly ProjectedLine[] }[], view: View): void {
  const { worldPx, originX, originY } = view;
  // Rasterising the stroked outlines is most of the first frame on a
  // national map (no GPU on council laptops). Round joins and caps cost Skia
  // about twice what bevels and square ends do, which at 1–2 px look the
  // same; so does dropping vertices within a pixel of the last one drawn
  // (England's first frame: ≈ 95 ms to rasterise against ≈ 195 ms).
  // Each zone or district is stroked as a path of its own: Skia rasterises
  // one path of every outline on the map about three times more slowly than
  // the same lines as a few hundred paths (England: ≈ 180 ms against ≈ 60 ms),
  // while a stroke per piece of line is slower again, in the calls themselves.
  ctx.lineJoin = 'bevel';
  ctx.lineCap = 'square';
  for (const { style, lines } of sets) {
    ctx.strokeStyle = style.colour;
    ctx.globalAlpha = style.opacity;
    ctx.lineWidth = style.width;
    ctx.setLineDash(style.dash ?? []);
    for (const line of lines) {
      if (line.east < view.west || line.west > view.east || line.north < view.south || line.south > view.north) continue;
      ctx.beginPath();
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
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  ctx.setLineDash([]);
}
