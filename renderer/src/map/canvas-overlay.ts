import L from 'leaflet';
import { mapPane } from './panes';
import type { View } from './projection';

/** Pixels around a part redrawn after an edit: wider than any line or dot drawn. */
const DIRTY_MARGIN_PX = 4;

/**
 * What is drawn on the map's one canvas (MapCanvas), in `order`: the areas,
 * then the outlines over them. Subclasses draw; redrawing any part draws
 * every overlay there again, in order, so what lies beneath stays beneath.
 */
export abstract class CanvasOverlay extends L.Layer {
  private canvas: MapCanvas | null = null;

  constructor(readonly order: number) {
    super();
  }

  /** Draws onto `ctx`, already cleared (and clipped, for part of the map) and scaled to the map's pixels. */
  abstract draw(ctx: CanvasRenderingContext2D, view: View): void;

  override onAdd(map: L.Map): this {
    this.canvas = MapCanvas.of(map);
    this.canvas.add(this);
    return this;
  }

  override onRemove(): this {
    this.canvas?.remove(this);
    this.canvas = null;
    return this;
  }

  redraw(): void {
    this.canvas?.redraw();
  }

  /** Draws again only the part of the map over `bounds` (longitude/latitude): see MapCanvas.redrawWithin. */
  protected redrawWithin(bounds: Bounds): void {
    this.canvas?.redrawWithin(bounds);
  }
}

interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

const canvases = new WeakMap<L.Map, MapCanvas>();

/**
 * One canvas covering the map view for all the overlays drawn on it, redrawn
 * after each move or zoom (once per frame however many events a move fires)
 * and carried through Leaflet's zoom animation the way Leaflet's own
 * renderers are. One, not one per overlay: a canvas's first drawing allocates
 * its buffer, about 10 ms for a laptop's map drawn in software, paid on every
 * first map.
 */
class MapCanvas {
  private readonly canvas: HTMLCanvasElement;
  private readonly overlays: CanvasOverlay[] = [];
  private center: L.LatLng | null = null;
  private zoom = 0;
  private frame = 0;

  static of(map: L.Map): MapCanvas {
    let canvas = canvases.get(map);
    if (!canvas) canvases.set(map, (canvas = new MapCanvas(map)));
    return canvas;
  }

  private constructor(private readonly map: L.Map) {
    // Under Leaflet's overlays (400) and markers; AreaLayer finds the area under the pointer from the map's events.
    this.canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated', mapPane(map, 'canvas', 350)) as HTMLCanvasElement;
    map.on('moveend zoomend resize viewreset', this.scheduleRedraw, this);
    map.on('zoomanim', this.animateZoom, this);
  }

  /** An overlay over all the others is drawn alone over what is there; one beneath any means drawing all again. */
  add(overlay: CanvasOverlay): void {
    const at = this.overlays.findIndex((o) => o.order > overlay.order);
    if (at < 0) this.overlays.push(overlay);
    else this.overlays.splice(at, 0, overlay);
    const ctx = at < 0 && this.current() ? this.canvas.getContext('2d') : null;
    if (ctx) overlay.draw(ctx, this.view());
    else this.redraw();
  }

  remove(overlay: CanvasOverlay): void {
    const at = this.overlays.indexOf(overlay);
    if (at >= 0) this.overlays.splice(at, 1);
    if (this.overlays.length > 0) return this.scheduleRedraw(); // often one put back at once (a new layer): drawn once
    this.map.off('moveend zoomend resize viewreset', this.scheduleRedraw, this);
    this.map.off('zoomanim', this.animateZoom, this);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.canvas.remove();
    canvases.delete(this.map);
  }

  /** Drawn for the map's view as it is, with no redraw due. */
  private current(): boolean {
    return !this.frame && this.center !== null && this.map.getCenter().equals(this.center) && this.map.getZoom() === this.zoom;
  }

  /** Map events come in bursts (a fit is a move, a zoom and a view reset): draw once, on the next frame. */
  private scheduleRedraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }

  private animateZoom(event: L.ZoomAnimEvent): void {
    if (!this.center) return;
    const map = this.map;
    const scale = map.getZoomScale(event.zoom, this.zoom);
    const newOrigin = (map as unknown as { _getNewPixelOrigin(c: L.LatLng, z: number): L.Point })._getNewPixelOrigin(event.center, event.zoom);
    const offset = map.getSize().multiplyBy(0.5).multiplyBy(-scale).add(map.project(this.center, event.zoom)).subtract(newOrigin);
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }

  redraw(): void {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const { map, canvas } = this;
    const size = map.getSize();
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(size.x * ratio);
    canvas.height = Math.round(size.y * ratio);
    canvas.style.width = `${size.x}px`;
    canvas.style.height = `${size.y}px`;
    L.DomUtil.setPosition(canvas, map.containerPointToLayerPoint([0, 0]));
    this.center = map.getCenter();
    this.zoom = map.getZoom();
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.x, size.y);
    const view = this.view();
    for (const overlay of this.overlays) overlay.draw(ctx, view);
  }

  /**
   * Redraws only the part of the canvas over `bounds` (longitude/latitude),
   * as it stands: after an edit that changed a few areas' colours or a few
   * zones' outlines, clearing and drawing the whole map again would hold the
   * frame for hundreds of milliseconds on a national layer (most of it in
   * rasterising the canvas). Whatever the overlays paint is clipped to the
   * part, and they are asked only for what lies near it. A move or zoom since
   * the last full draw (or one due) means a full redraw instead.
   */
  redrawWithin(bounds: Bounds): void {
    const { map } = this;
    const ctx = this.canvas.getContext('2d');
    if (!ctx || !this.current()) return this.redraw();
    const view = this.view();
    const size = map.getSize();
    const topLeft = map.latLngToContainerPoint([bounds.north, bounds.west]);
    const bottomRight = map.latLngToContainerPoint([bounds.south, bounds.east]);
    const x = Math.max(0, Math.floor(topLeft.x) - DIRTY_MARGIN_PX);
    const y = Math.max(0, Math.floor(topLeft.y) - DIRTY_MARGIN_PX);
    const right = Math.min(size.x, Math.ceil(bottomRight.x) + DIRTY_MARGIN_PX);
    const bottom = Math.min(size.y, Math.ceil(bottomRight.y) + DIRTY_MARGIN_PX);
    if (right <= x || bottom <= y) return;
    // Anything whose stroke could reach into the part is drawn again: ask for a little more than the part.
    const reach = DIRTY_MARGIN_PX * 2;
    const nw = map.containerPointToLatLng([x - reach, y - reach]);
    const se = map.containerPointToLatLng([right + reach, bottom + reach]);
    const part = { ...view, west: nw.lng, north: nw.lat, east: se.lng, south: se.lat };
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, right - x, bottom - y);
    ctx.clip();
    ctx.clearRect(x, y, right - x, bottom - y);
    for (const overlay of this.overlays) overlay.draw(ctx, part);
    ctx.restore();
  }

  private view(): View {
    const { map } = this;
    const origin = map.project(map.containerPointToLatLng([0, 0]), this.zoom);
    const bounds = map.getBounds().pad(0.05);
    return { worldPx: 256 * 2 ** this.zoom, originX: origin.x, originY: origin.y, west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() };
  }
}
