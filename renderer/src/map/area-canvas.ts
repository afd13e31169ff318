import type { AreaLayer } from '../../../shared/geo/area-layer';
import { CanvasOverlay, type View } from './canvas-overlay';
import { mercatorOf } from './layer-data';

/** How to fill one area: a colour or a hatching pattern, and its opacity. */
export interface AreaPaint {
  fill: string | CanvasPattern;
  opacity: number;
}

const STROKE = 'rgba(255, 255, 255, 0.7)';
const STROKE_WIDTH = 0.4;

/**
 * Every area drawn straight from the packed layer onto one canvas: no Leaflet
 * layer, no GeoJSON and no LatLng object per area or vertex, so tens of
 * thousands of areas draw in a fraction of a second. Areas outside the view
 * are skipped, and vertices closer than half a pixel to the last one drawn.
 * It sits in a pane below the outlines and markers and takes no pointer
 * events itself: AreaLayer finds the area under the pointer from the map's.
 */
export class AreaCanvasLayer extends CanvasOverlay {
  private readonly mercator: Float64Array;

  constructor(
    private readonly layer: AreaLayer,
    private paintOf: (area: number) => AreaPaint,
  ) {
    super('areas', 350);
    this.mercator = mercatorOf(layer.positions);
  }

  /**
   * New colours. Only the part of the map where areas changed colour is drawn
   * again (a paint moves an area or two, and its zones' colours may follow).
   */
  setPaint(paintOf: (area: number) => AreaPaint): void {
    const { layer } = this;
    const before = this.paintOf;
    this.paintOf = paintOf;
    const changed = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
    for (let a = 0; a < layer.codes.length; a++) {
      const was = before(a);
      const now = paintOf(a);
      if (was.fill === now.fill && was.opacity === now.opacity) continue;
      const b = a * 4;
      changed.west = Math.min(changed.west, layer.boxes[b]!);
      changed.south = Math.min(changed.south, layer.boxes[b + 1]!);
      changed.east = Math.max(changed.east, layer.boxes[b + 2]!);
      changed.north = Math.max(changed.north, layer.boxes[b + 3]!);
    }
    if (changed.west <= changed.east) this.redrawWithin(changed);
  }

  protected draw(ctx: CanvasRenderingContext2D, view: View): void {
    const { layer, mercator } = this;
    const { worldPx, originX, originY } = view;
    // Areas grouped by paint, so each colour or pattern is set once.
    const groups = new Map<string | CanvasPattern, { paint: AreaPaint; areas: number[] }>();
    for (let a = 0; a < layer.codes.length; a++) {
      const b = a * 4;
      if (layer.boxes[b + 2]! < view.west || layer.boxes[b]! > view.east || layer.boxes[b + 3]! < view.south || layer.boxes[b + 1]! > view.north) continue;
      const paint = this.paintOf(a);
      const key = paint.opacity === 0.92 ? paint.fill : `${String(paint.fill)}@${paint.opacity}`;
      const group = groups.get(key) ?? { paint, areas: [] };
      group.areas.push(a);
      groups.set(key, group);
    }
    ctx.lineWidth = STROKE_WIDTH;
    ctx.strokeStyle = STROKE;
    ctx.lineJoin = 'round';
    // One path per area: a path of a whole colour's worth of rings is far slower to fill.
    // Areas a pixel or two across (a whole country in view) are a dot; only areas
    // big enough to show a border get the thin white line between neighbours.
    const pxPerDegree = worldPx / 360;
    for (const { paint, areas } of groups.values()) {
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
        ctx.beginPath();
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
        ctx.fill('evenodd');
        if (span >= 6) {
          ctx.globalAlpha = 1;
          ctx.stroke();
          ctx.globalAlpha = paint.opacity;
        }
      }
      ctx.fill(dots);
    }
    ctx.globalAlpha = 1;
  }
}
