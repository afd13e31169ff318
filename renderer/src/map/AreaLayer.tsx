import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { MapData } from '../../../shared/api/contract';
import type { PlanMetrics, ZoneMetrics } from '../../../shared/coverage/schemas';
import { formatCoverage, zoneStyle } from '../../../shared/style/coverage-style';
import { areaFill } from './patterns';

interface Props {
  mapData: MapData;
  metrics: PlanMetrics;
  onSelect(zoneId: string): void;
  /** In paint mode, a press-and-drag across areas hands over the areas touched (one edit). */
  onPaint?(areaCodes: string[]): void;
}

type AreaFeature = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon, { code: string; name: string; zoneId: string | null }>;

/**
 * Every area, filled by its zone's coverage class (hatched when flagged), drawn
 * on one canvas so that tens of thousands of areas stay quick. Hovering names
 * the zone; clicking selects it.
 */
export function AreaLayer({ mapData, metrics, onSelect, onPaint }: Props) {
  const map = useMap();
  const layer = useRef<L.GeoJSON | null>(null);
  const zones = useRef(new Map<string, ZoneMetrics>());
  const select = useRef(onSelect);
  select.current = onSelect;
  const paint = useRef(onPaint);
  paint.current = onPaint;
  zones.current = new Map(metrics.zones.map((z) => [z.zoneId, z]));

  useEffect(() => {
    const features: AreaFeature[] = mapData.areas.map((a) => ({
      type: 'Feature',
      id: a.code,
      properties: { code: a.code, name: a.name, zoneId: a.zoneId },
      geometry: a.geometry as AreaFeature['geometry'],
    }));
    const tooltip = L.tooltip({ sticky: true, direction: 'top', offset: [0, -8], className: 'hover-tip' });
    const content = document.createElement('div');
    // No renderer of its own: the map's one canvas (preferCanvas) must take every
    // click, or a second canvas stacked above would swallow the areas' events.
    const created = L.geoJSON(features, { style: { stroke: true, weight: 0.4, color: '#ffffff', opacity: 0.7, fillOpacity: 0.92 } });
    let stroke: Set<string> | null = null;
    const finishStroke = () => {
      if (!stroke) return;
      const codes = [...stroke];
      stroke = null;
      map.dragging.enable();
      if (codes.length) paint.current?.(codes);
    };
    created.on('mousedown', (event: L.LeafletMouseEvent) => {
      if (!paint.current) return;
      const code = (event.propagatedFrom as { feature?: AreaFeature }).feature?.properties.code;
      if (!code) return;
      map.dragging.disable();
      stroke = new Set([code]);
    });
    map.on('mouseup', finishStroke);
    created.on('click', (event: L.LeafletMouseEvent) => {
      if (paint.current) return;
      const zoneId = (event.propagatedFrom as { feature?: AreaFeature }).feature?.properties.zoneId;
      if (zoneId) select.current(zoneId);
    });
    created.on('mousemove', (event: L.LeafletMouseEvent) => {
      const feature = (event.propagatedFrom as { feature?: AreaFeature }).feature;
      if (stroke && feature) stroke.add(feature.properties.code);
      const zone = feature?.properties.zoneId ? zones.current.get(feature.properties.zoneId) : undefined;
      if (!feature || !zone) return;
      // Names come from data: set as text, never as HTML.
      content.replaceChildren();
      const title = document.createElement('strong');
      title.textContent = zone.name;
      const line = document.createElement('div');
      line.textContent = `Coverage ${formatCoverage(zone.coverage)} · ${feature.properties.name}`;
      content.append(title, line);
      tooltip.setContent(content).setLatLng(event.latlng);
      if (!map.hasLayer(tooltip)) tooltip.addTo(map);
    });
    created.on('mouseout', () => tooltip.remove());
    created.addTo(map);
    layer.current = created;
    return () => {
      map.off('mouseup', finishStroke);
      tooltip.remove();
      created.remove();
      layer.current = null;
    };
  }, [map, mapData]);

  useEffect(() => {
    layer.current?.setStyle((feature) => {
      const zone = (feature as AreaFeature | undefined)?.properties.zoneId ? zones.current.get((feature as AreaFeature).properties.zoneId!) : undefined;
      if (!zone) return { fillColor: '#ffffff', fillOpacity: 0.4 };
      const style = zoneStyle(zone);
      return { fillColor: areaFill(style.cls, style.hatched), fillOpacity: 0.92 };
    });
  }, [metrics]);

  return null;
}
