import L from 'leaflet';
import { mapPane } from './panes';

/** A name on the map at a place, kept where it was put however the map moves. */
export interface MapLabel {
  /** Stable across updates: a label with the same key is the same element, moved or restyled. */
  key: string;
  lat: number;
  lng: number;
  text: string;
  /** 'zone-label', 'zone-label zone-label--selected', 'place-label'. */
  className: string;
  /** Centred on the place (a zone's name) or starting just right of it (a town's, beside its dot). */
  anchor: 'centre' | 'right';
  /** Where the name was moved off the place to keep it clear of others, in pixels. */
  dx: number;
  dy: number;
  /** A dot at the place itself (a town). */
  dot?: boolean;
  /** The dot alone, the name left off (no room for it at this zoom). */
  hidden?: boolean;
}

interface Placed {
  anchor: HTMLElement;
  text: HTMLElement;
  /** A town's dot: in a pane of its own, under the provider circles (a name is above them). */
  dot: HTMLElement | null;
  /** As last drawn; null for an element just made. */
  label: MapLabel | null;
  latLng: L.LatLng;
}

/** The gap between a town's dot and its name. */
const DOT_GAP_PX = 9;

/**
 * The map's names (zones and towns) as plain elements in a pane of their own,
 * positioned at their places and carried through zoom animations as Leaflet's
 * markers are. Leaflet tooltips did this before, at a cost on every map
 * drawn: each tooltip measured itself (a forced layout each, ≈ 20 ms of the
 * default project's first map), and each needed a React portal and a circle
 * on Leaflet's canvas to hang from. Here an element is centred or offset by
 * CSS, so nothing is measured. Names are set as text, never as markup.
 */
export class LabelLayer extends L.Layer {
  private readonly placed = new Map<string, Placed>();
  private labels: readonly MapLabel[] = [];
  private root: HTMLElement | null = null;
  private dots: HTMLElement | null = null;

  override onAdd(map: L.Map): this {
    // Names above the provider circles (overlays, 400) and below hover tips (650), as the tooltips they replace
    // were; towns' dots under the circles, as the circles they replace were, and over the areas' and outlines' canvas (350).
    this.root = L.DomUtil.create('div', 'map-labels', mapPane(map, 'labels', 640));
    this.dots = L.DomUtil.create('div', 'map-labels', mapPane(map, 'place-dots', 380));
    map.on('zoom viewreset', this.reposition, this);
    map.on('zoomanim', this.animateZoom, this);
    this.setLabels(this.labels);
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('zoom viewreset', this.reposition, this);
    map.off('zoomanim', this.animateZoom, this);
    this.root?.remove();
    this.dots?.remove();
    this.root = null;
    this.dots = null;
    this.placed.clear();
    return this;
  }

  /** What is on the map from now: labels kept (by key) are updated in place, the rest made or taken away. */
  setLabels(labels: readonly MapLabel[]): void {
    this.labels = labels;
    const root = this.root;
    if (!root || !this._map) return;
    const keep = new Set<string>();
    for (const label of labels) {
      keep.add(label.key);
      let placed = this.placed.get(label.key);
      if (!placed) {
        const anchor = L.DomUtil.create('div', 'map-label leaflet-zoom-animated', root);
        const text = L.DomUtil.create('span', '', anchor);
        placed = { anchor, text, dot: null, label: null, latLng: L.latLng(label.lat, label.lng) };
        this.placed.set(label.key, placed);
      }
      this.draw(placed, label);
    }
    for (const [key, placed] of this.placed) {
      if (keep.has(key)) continue;
      placed.anchor.remove();
      placed.dot?.remove();
      this.placed.delete(key);
    }
  }

  /** Changes only what differs from the label as last drawn (everything, for an element just made). */
  private draw(placed: Placed, label: MapLabel): void {
    const before: Partial<MapLabel> = placed.label ?? {};
    placed.label = label;
    if (before.lat !== label.lat || before.lng !== label.lng) {
      placed.latLng = L.latLng(label.lat, label.lng);
      this.position(placed, this._map.latLngToLayerPoint(placed.latLng).round());
    }
    if (before.dot !== label.dot) {
      if (label.dot && !placed.dot) {
        placed.dot = L.DomUtil.create('i', 'map-label map-label__dot leaflet-zoom-animated', this.dots!);
        L.DomUtil.setPosition(placed.dot, L.DomUtil.getPosition(placed.anchor));
      }
      if (!label.dot && placed.dot) {
        placed.dot.remove();
        placed.dot = null;
      }
    }
    const { text } = placed;
    if (before.className !== label.className || before.anchor !== label.anchor) text.className = `map-label__text map-label__text--${label.anchor} ${label.className}`;
    if (before.text !== label.text) text.textContent = label.text;
    if (before.dx !== label.dx || before.dy !== label.dy || before.anchor !== label.anchor) {
      text.style.left = `${label.dx + (label.anchor === 'right' ? DOT_GAP_PX : 0)}px`;
      text.style.top = `${label.dy}px`;
    }
    if (before.hidden !== label.hidden) text.hidden = label.hidden === true;
  }

  private position(placed: Placed, at: L.Point): void {
    L.DomUtil.setPosition(placed.anchor, at);
    if (placed.dot) L.DomUtil.setPosition(placed.dot, at);
  }

  private reposition(): void {
    const map = this._map;
    for (const placed of this.placed.values()) this.position(placed, map.latLngToLayerPoint(placed.latLng).round());
  }

  /** During a zoom's animation each name goes straight to where it will be, as Leaflet moves its markers. */
  private animateZoom(event: L.ZoomAnimEvent): void {
    const map = this._map as L.Map & { _latLngToNewLayerPoint(latLng: L.LatLng, zoom: number, center: L.LatLng): L.Point };
    for (const placed of this.placed.values()) this.position(placed, map._latLngToNewLayerPoint(placed.latLng, event.zoom, event.center).round());
  }
}

