import L from 'leaflet';
import type { View } from './projection';

/** Pixels around a part redrawn after an edit: wider than any line or dot drawn. */
const DIRTY_MARGIN_PX = 4;

/**
 * A canvas covering the map view, redrawn after each move or zoom (once per
 * frame however many events a move fires) and carried through Leaflet's zoom
 * animation the way Leaflet's own renderers are. Subclasses draw.
 */
export abstract class CanvasOverlay extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  private center: L.LatLng | null = null;
  private zoom = 0;
  private frame = 0;

  constructor(
    private readonly paneName: string,
    private readonly zIndex: number,
  ) {
    super();
    // Leaflet's classes take options in initialize, which L.Layer does not define: set the pane here, or the canvas lands in the overlay pane (and a canvas made again later covers the markers drawn there).
    L.setOptions(this, { pane: paneName });
  }

  protected abstract draw(ctx: CanvasRenderingContext2D, view: View): void;

  override onAdd(map: L.Map): this {
    if (!map.getPane(this.paneName)) {
      const pane = map.createPane(this.paneName);
      pane.style.zIndex = String(this.zIndex);
      pane.style.pointerEvents = 'none';
    }
    this.canvas = L.DomUtil.create('canvas', 'leaflet-zoom-animated') as HTMLCanvasElement;
    this.getPane()!.appendChild(this.canvas);
    map.on('moveend zoomend resize viewreset', this.scheduleRedraw, this);
    map.on('zoomanim', this.animateZoom, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this.scheduleRedraw, this);
    map.off('zoomanim', this.animateZoom, this);
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.canvas?.remove();
    this.canvas = null;
    return this;
  }

  /** Map events come in bursts (a fit is a move, a zoom and a view reset): draw once, on the next frame. */
  protected scheduleRedraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.redraw();
    });
  }

  private animateZoom(event: L.ZoomAnimEvent): void {
    if (!this.canvas || !this.center) return;
    const map = this._map;
    const scale = map.getZoomScale(event.zoom, this.zoom);
    const newOrigin = (map as unknown as { _getNewPixelOrigin(c: L.LatLng, z: number): L.Point })._getNewPixelOrigin(event.center, event.zoom);
    const offset = map.getSize().multiplyBy(0.5).multiplyBy(-scale).add(map.project(this.center, event.zoom)).subtract(newOrigin);
    L.DomUtil.setTransform(this.canvas, offset, scale);
  }

  redraw(): void {
    const map = this._map;
    const canvas = this.canvas;
    if (!map || !canvas) return;
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
    this.draw(ctx, this.view(map));
  }

  /**
   * Redraws only the part of the canvas over `bounds` (longitude/latitude),
   * as it stands: after an edit that changed a few areas' colours or a few
   * zones' outlines, clearing and drawing the whole map again would hold the
   * frame for hundreds of milliseconds on a national layer (most of it in
   * rasterising the canvas). Whatever draw() paints is clipped to the part,
   * and it is asked only for what lies near it. A move or zoom since the last
   * full draw (or one due) means a full redraw instead.
   */
  protected redrawWithin(bounds: { west: number; south: number; east: number; north: number }): void {
    const map = this._map;
    const ctx = this.canvas?.getContext('2d');
    if (!map || !ctx || this.frame || !this.center || !map.getCenter().equals(this.center) || map.getZoom() !== this.zoom) return this.redraw();
    const view = this.view(map);
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
    ctx.save();
    ctx.beginPath();
    ctx.rect(x, y, right - x, bottom - y);
    ctx.clip();
    ctx.clearRect(x, y, right - x, bottom - y);
    this.draw(ctx, { ...view, west: nw.lng, north: nw.lat, east: se.lng, south: se.lat });
    ctx.restore();
  }

  private view(map: L.Map): View {
    const origin = map.project(map.containerPointToLatLng([0, 0]), this.zoom);
    const bounds = map.getBounds().pad(0.05);
    return { worldPx: 256 * 2 ** this.zoom, originX: origin.x, originY: origin.y, west: bounds.getWest(), south: bounds.getSouth(), east: bounds.getEast(), north: bounds.getNorth() };
  }
}
