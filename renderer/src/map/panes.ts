import type L from 'leaflet';

/**
 * A pane of the map's own, made on first use at `zIndex` among Leaflet's
 * (overlays 400, markers 600, tooltips 650). It takes no pointer events: what
 * is drawn there is found from the map's own events.
 */
export function mapPane(map: L.Map, name: string, zIndex: number): HTMLElement {
  const existing = map.getPane(name);
  if (existing) return existing;
  const made = map.createPane(name);
  made.style.zIndex = String(zIndex);
  made.style.pointerEvents = 'none';
  return made;
}
