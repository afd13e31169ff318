import type { AreaLayer } from '../../../shared/geo/area-layer';
import { drawAreas, type AreaPaint } from './area-drawing';
import { CanvasOverlay } from './canvas-overlay';
import { mercatorOf, type View } from './projection';

/**
 * Every area drawn straight from the packed layer onto one canvas
 * (area-drawing.ts): no Leaflet layer, no GeoJSON and no LatLng object per
 * area or vertex, so tens of thousands of areas draw in a fraction of a
 * second. It is drawn first on the map's canvas, beneath the outlines, and
 * takes no pointer events itself: AreaLayer finds the area under the pointer from the map's.
 */
export class AreaCanvasLayer extends CanvasOverlay {
  private readonly mercator: Float64Array;

  constructor(
    private readonly layer: AreaLayer,
    private paintOf: (area: number) => AreaPaint,
  ) {
    super(0);
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

  draw(ctx: CanvasRenderingContext2D, view: View): void {
    drawAreas(ctx, this.layer, this.mercator, this.paintOf, view);
  }
}
