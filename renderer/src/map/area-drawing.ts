import type { AreaLayer } from '../../../shared/geo/area-layer';
import type { View } from './projection';

/** How to fill one area: a colour or a hatching pattern, and its opacity. */
export interface AreaPaint {
  fill: string | CanvasPattern;
  opacity: number;
}

const STROKE = 'rgba(255, 255, 255, 0.7)';
const STROKE_WIDTH = 0.4;

/**
 * Areas too small for a border line (under 6 px across) are filled this many
 * to a path. A fill per area costs a call of its own into the canvas; one path
 * of a whole colour's areas is far slower for Skia to rasterise; batches of a
 * hundred or so cost least (England's opening view: ≈ 95 ms to draw and
 * ≈ 64 ms to rasterise, against ≈ 115 ms and ≈ 72 ms filled one by one).
 */
const SMALL_PER_PATH = 128;

/**
 * Draws every area of `layer` in the view onto `ctx`, from its vertices
 * projected to Web Mercator (`mercator`, x and y in [0, 1]). Areas outside the
 * view are skipped, and vertices closer than half a pixel to the last one
 * drawn. Apart from the canvas layer (and Leaflet) so it can be tested with a
 * context that records what is drawn.
 */
export function drawAreas(ctx: CanvasRenderingContext2D, layer: AreaLayer, mercator: Float64Array, paintOf: (area: number) => AreaPaint, view: View): void {
  const { worldPx, originX, originY } = view;
  // Areas grouped by paint, so each colour or pattern is set once.
  const groups = new Map<string | CanvasPattern, { paint: AreaPaint; areas: number[] }>();
  for (let a = 0; a < layer.codes.length; a++) {
    const b = a * 4;
    if (layer.boxes[b + 2]! < view.west || layer.boxes[b]! > view.east || layer.boxes[b + 3]! < view.south || layer.boxes[b + 1]! > view.north) continue;
    const paint = paintOf(a);
    const key = paint.opacity === 0.92 ? paint.fill : `${String(paint.fill)}@${paint.opacity}`;
    const group = groups.get(key) ?? { paint, areas: [] };
    group.areas.push(a);
    groups.set(key, group);
  }
  ctx.lineWidth = STROKE_WIDTH;
  ctx.strokeStyle = STROKE;
  ctx.lineJoin = 'round';
  // Areas a pixel or two across (a whole country in view) are a dot; only areas
  // big enough to show a border get the thin white line between neighbours,
  // each a path of its own; smaller ones are filled in batches.
  const pxPerDegree = worldPx / 360;
  for (const { paint, areas } of groups.values()) {
    let batched = 0;
    ctx.fillStyle = paint.fill;
    ctx.globalAlpha = paint.opacity;
    // A group's dots are one path, filled once: a fill per dot was most of drawing England at its opening zoom.
    const dots = new Path2D();
    for (const a of areas) {
      const b = a * 4;
      const span = Math.max(layer.boxes[b + 2]! - layer.boxes[b]!, (layer.boxes[b + 3]! - layer.boxes[b + 1]!) * 1.6) * pxPerDegree;
      if (span < 1.5) {
        const v = 2 * layer.vertices[layer.ringStart[layer.areaRings[a]!]!]!;
        dots.rect(mercator[v]! * worldPx - originX - 0.75, mercator[v + 1]! * worldPx - originY - 0.75, 1.5, 1.5);
        continue;
      }
      const small = span < 6;
      if (!small && batched > 0) {
        ctx.fill('evenodd');
        batched = 0;
      }
      if (batched === 0) ctx.beginPath();
      for (let k = layer.areaRings[a]!; k < layer.areaRings[a + 1]!; k++) {
        const start = layer.ringStart[k]!;
        const end = layer.ringStart[k + 1]!;
        let lastX = NaN;
        let lastY = NaN;
        for (let i = start; i < end; i++) {
          const v = 2 * layer.vertices[i]!;
          const x = mercator[v]! * worldPx - originX;
          const y = mercator[v + 1]! * worldPx - originY;
          if (i === start) ctx.moveTo(x, y);
          else if (Math.abs(x - lastX) + Math.abs(y - lastY) < 0.5 && i < end - 1) continue;
          else ctx.lineTo(x, y);
          lastX = x;
          lastY = y;
        }
        ctx.closePath();
      }
      if (small) {
        if (++batched < SMALL_PER_PATH) continue;
        batched = 0;
      }
      ctx.fill('evenodd');
      if (!small) {
        ctx.globalAlpha = 1;
        ctx.stroke();
        ctx.globalAlpha = paint.opacity;
      }
    }
    if (batched > 0) ctx.fill('evenodd');
    ctx.fill(dots);
  }
  ctx.globalAlpha = 1;
}
