import { useEffect, useMemo, useState } from 'react';
import { useMap, useMapEvents } from 'react-leaflet';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import type L from 'leaflet';
import type { Provider } from '../../../shared/domain/types';
import { placeLabels, thinLabels } from './geometry';
import { LabelLayer, type MapLabel } from './label-layer';
import { circleBoxes, drawnCircles, placeTowns, providerHours, type Box } from './label-obstacles';

interface Props {
  points: Map<string, [number, number]>;
  zones: Map<string, ZoneMetrics>;
  selectedZoneId: string | null;
  /** Town names, placed clear of the provider circles and the zone names (left off where there is no room). */
  places: readonly { name: string; lat: number; lon: number }[];
  providers: readonly Provider[];
  /** Provider circles are not drawn (while redrawing): nothing to keep clear of. */
  circlesShown: boolean;
  /** Picked-out and withdrawn providers: drawn alone, and larger (as ProviderMarkers). */
  highlighted: ReadonlyMap<string, number>;
  withdrawnId: string | null;
}

/**
 * The legend's box in the map's projected pixels at the current view: it sits
 * over the map's corner, so what is under it moves as the map is panned.
 */
function useLegendBox(map: L.Map): Box | null {
  const [box, setBox] = useState<Box | null>(null);
  useEffect(() => {
    const container = map.getContainer();
    const measure = () => {
      const legend = container.parentElement?.querySelector('.legend');
      if (!legend) return setBox(null);
      const outer = container.getBoundingClientRect();
      const r = legend.getBoundingClientRect();
      const centre = map.containerPointToLayerPoint([r.left - outer.left + r.width / 2, r.top - outer.top + r.height / 2]).add(map.getPixelOrigin());
      const next = { x: Math.round(centre.x), y: Math.round(centre.y), width: Math.round(r.width) + 6, height: Math.round(r.height) + 6 };
      setBox((old) => (old && old.x === next.x && old.y === next.y && old.width === next.width && old.height === next.height ? old : next));
    };
    map.on('moveend zoomend resize', measure);
    // The legend folds and unfolds, and changes with what the map is coloured by. The observer's first report,
    // once the page is laid out, is the first measure: measuring as the map is made would lay it out early.
    const observer = new ResizeObserver(measure);
    const legend = container.parentElement?.querySelector('.legend');
    if (legend) observer.observe(legend);
    const mutations = new MutationObserver(() => {
      observer.disconnect();
      const now = container.parentElement?.querySelector('.legend');
      if (now) observer.observe(now);
      measure();
    });
    if (container.parentElement) mutations.observe(container.parentElement, { childList: true });
    return () => {
      map.off('moveend zoomend resize', measure);
      observer.disconnect();
      mutations.disconnect();
    };
  }, [map]);
  return box;
}

/** How much room a label takes, in pixels (12px bold text with padding): generous, so labels placed apart never touch. */
const labelBox = (name: string): [number, number] => [Math.min(240, 18 + name.length * 7.6), 24];

/** Up to this many zones every name is shown, as a county's committee map wants. */
const ALWAYS_ALL = 40;

/**
 * Zone names on the map. With more zones than ALWAYS_ALL they are thinned like
 * a printed map: at each zoom a label is placed only where it does not cover
 * one already placed, the selected zone first, then flagged zones, then the
 * zones with most demand; more appear as you zoom in.
 */
export function ZoneLabels({ points, zones, selectedZoneId, places, providers, circlesShown, highlighted, withdrawnId }: Props) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });
  const legend = useLegendBox(map);

  const hoursBy = useMemo(() => providerHours(zones.values()), [zones]);
  const shown = useMemo(() => {
    const boxes = [...points].map(([id, point]) => {
      const z = zones.get(id);
      const p = map.project(point, zoom);
      const [width, height] = labelBox(z?.name ?? id);
      return { id, x: p.x, y: p.y, width, height, rank: (id === selectedZoneId ? 2e12 : 0) + (z && z.flags.length > 0 ? 1e12 : 0) + (z?.demandHours ?? 0) };
    });
    // A county's zones are all named, each moved off its neighbours where they would collide; more than that are thinned.
    const kept = new Set(points.size <= ALWAYS_ALL ? boxes.map((b) => b.id) : thinLabels(boxes));
    const chosen = boxes.filter((b) => kept.has(b.id));
    // The legend weighs half a placed name: a zone's name moves out from under it where there is room, but never onto another name.
    const placed = placeLabels(chosen, legend ? [{ ...legend, weight: 5 }] : []);
    return placed.map(({ id, dx, dy }) => {
      const b = chosen.find((x) => x.id === id)!;
      return { id, point: points.get(id)!, offset: [dx, dy] as [number, number], box: { x: b.x + dx, y: b.y + dy, width: b.width, height: b.height } };
    });
  }, [points, zones, selectedZoneId, map, zoom, legend]);

  // Zone names are placed first, near their zones; town names then keep clear of them and of the provider circles.
  const towns = useMemo(() => {
    const circles = circlesShown ? circleBoxes(map, zoom, drawnCircles(map, zoom, providers, hoursBy, highlighted, withdrawnId)) : [];
    return placeTowns(map, zoom, places, shown.map((s) => s.box), circles, legend);
  }, [map, zoom, providers, hoursBy, places, circlesShown, shown, highlighted, withdrawnId, legend]);

  const layer = useMemo(() => new LabelLayer(), []);
  useEffect(() => {
    layer.addTo(map);
    return () => {
      layer.remove();
    };
  }, [map, layer]);
  const labels = useMemo(
    (): MapLabel[] => [
      ...places.map((p, i): MapLabel => {
        const at = towns.placed[i];
        return { key: `p-${i}-${p.name}`, lat: p.lat, lng: p.lon, text: p.name, className: 'place-label', anchor: 'right', dx: at?.dx ?? 0, dy: at?.dy ?? 0, dot: true, hidden: at?.hidden === true };
      }),
      ...shown.map(({ id, point, offset }): MapLabel => ({
        key: `z-${id}`,
        lat: point[0],
        lng: point[1],
        text: zones.get(id)?.name ?? id,
        className: id === selectedZoneId ? 'zone-label zone-label--selected' : 'zone-label',
        anchor: 'centre',
        dx: offset[0],
        dy: offset[1],
      })),
    ],
    [places, towns, shown, zones, selectedZoneId],
  );
  useEffect(() => layer.setLabels(labels), [layer, labels]);
  return null;
}
