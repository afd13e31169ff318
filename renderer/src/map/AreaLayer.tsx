import { useEffect, useRef } from 'react';
import L from 'leaflet';
import { useMap } from 'react-leaflet';
import type { MapData } from '../../../shared/api/contract';
import type { PlanMetrics, ZoneMetrics } from '../../../shared/coverage/schemas';
import { formatCoverage, zoneStyle } from '../../../shared/style/coverage-style';
import { AreaCanvasLayer } from './area-canvas';
import type { AreaPaint } from './area-drawing';
import { layerOf } from './layer-data';
import { areaFill } from './patterns';

interface Props {
  mapData: MapData;
  metrics: PlanMetrics;
  onSelect(zoneId: string): void;
  /** In paint mode, a press-and-drag across areas hands over the areas touched (one edit). */
  onPaint?(areaCodes: string[]): void;
  /** What the fill shows: each zone's coverage class (the default) or its own colour (Redraw). */
  colourBy?: 'coverage' | 'zone';
}

const UNZONED: AreaPaint = { fill: '#ffffff', opacity: 0.4 };

/**
 * Every area, filled by its zone's coverage class (hatched when flagged), drawn
 * on one canvas from the packed layer so that tens of thousands of areas stay
 * quick. Hovering names the zone; clicking selects it; in paint mode a
 * press-and-drag collects the areas it crosses. The area under the pointer is
 * found through a grid index, not by asking every area.
 */
export function AreaLayer({ mapData, metrics, onSelect, onPaint, colourBy = 'coverage' }: Props) {
  const map = useMap();
  const canvas = useRef<AreaCanvasLayer | null>(null);
  const zones = useRef(new Map<string, ZoneMetrics>());
  const select = useRef(onSelect);
  select.current = onSelect;
  const paint = useRef(onPaint);
  paint.current = onPaint;
  zones.current = new Map(metrics.zones.map((z) => [z.zoneId, z]));
  const colouring = useRef(colourBy);
  colouring.current = colourBy;
  // The zone of each area changes with every edit; the layer's geometry (and the canvas drawn from it) does not.
  const layerZoneIds = layerOf(mapData).layer.zoneIds;
  const zoneIds = useRef(layerZoneIds);
  zoneIds.current = layerZoneIds;
  // The canvas is made once per layer (below) from the map data of that moment.
  const latestMap = useRef(mapData);
  latestMap.current = mapData;

  // What it reads is fixed when it is made, so the canvas can tell the areas whose colour an edit changed.
  const paintOf = (layerZoneIds: (string | null)[], zoneMap = zones.current, colour = colouring.current) => (area: number): AreaPaint => {
    const zoneId = layerZoneIds[area];
    const zone = zoneId ? zoneMap.get(zoneId) : undefined;
    if (!zone) return UNZONED;
    if (colour === 'zone') return { fill: zone.colour, opacity: 0.75 };
    const style = zoneStyle(zone);
    return { fill: areaFill(style.cls, style.hatched) as unknown as string | CanvasPattern, opacity: 0.92 };
  };

  useEffect(() => {
    const decoded = layerOf(latestMap.current);
    const { layer } = decoded;
    const created = new AreaCanvasLayer(layer, paintOf(zoneIds.current));
    const container = map.getContainer();
    const tooltip = L.tooltip({ sticky: true, direction: 'top', offset: [0, -8], className: 'hover-tip' });
    const content = document.createElement('div');
    const areaAt = (event: L.LeafletMouseEvent) => decoded.index.at(event.latlng.lng, event.latlng.lat); // the index is made at the first pointer event
    let stroke: Set<string> | null = null;
    let hovered = -1;
    // The zone named when the tooltip was filled: a paint under the pointer changes it.
    let hoveredZone: ZoneMetrics | undefined;

    const finishStroke = () => {
      if (!stroke) return;
      const codes = [...stroke];
      stroke = null;
      map.dragging.enable();
      if (codes.length) paint.current?.(codes);
    };
    const onDown = (event: L.LeafletMouseEvent) => {
      if (!paint.current) return;
      const a = areaAt(event);
      if (a < 0) return;
      map.dragging.disable();
      stroke = new Set([layer.codes[a]!]);
    };
    const onClick = (event: L.LeafletMouseEvent) => {
      if (paint.current) return;
      const a = areaAt(event);
      const zoneId = a >= 0 ? zoneIds.current[a] : null;
      if (zoneId) select.current(zoneId);
    };
    const onMove = (event: L.LeafletMouseEvent) => {
      const a = areaAt(event);
      if (stroke && a >= 0) stroke.add(layer.codes[a]!);
      const zoneId = a >= 0 ? zoneIds.current[a] : null;
      const zone = zoneId ? zones.current.get(zoneId) : undefined;
      container.classList.toggle('map--over-area', Boolean(zone));
      if (!zone) {
        hovered = -1;
        tooltip.remove();
        return;
      }
      if (a !== hovered || zone !== hoveredZone) {
        hovered = a;
        hoveredZone = zone;
        // Names come from data: set as text, never as HTML.
        content.replaceChildren();
        const title = document.createElement('strong');
        title.textContent = zone.name;
        const line = document.createElement('div');
        line.textContent = `Coverage ${formatCoverage(zone.coverage)} · ${layer.names[a]}`;
        content.append(title, line);
        tooltip.setContent(content);
      }
      tooltip.setLatLng(event.latlng);
      if (!map.hasLayer(tooltip)) tooltip.addTo(map);
    };
    const onOut = () => {
      hovered = -1;
      container.classList.remove('map--over-area');
      tooltip.remove();
    };
    map.on('mousedown', onDown);
    map.on('mouseup', finishStroke);
    map.on('click', onClick);
    map.on('mousemove', onMove);
    map.on('mouseout', onOut);
    created.addTo(map);
    canvas.current = created;
    return () => {
      map.off('mousedown', onDown);
      map.off('mouseup', finishStroke);
      map.off('click', onClick);
      map.off('mousemove', onMove);
      map.off('mouseout', onOut);
      tooltip.remove();
      created.remove();
      canvas.current = null;
    };
  }, [map, mapData.layer]);

  // The layer was just drawn with these metrics and zones when it was created: repaint only when they change.
  const paintedWith = useRef<{ metrics: PlanMetrics; colourBy: string; zoneIds: (string | null)[] } | null>(null);
  useEffect(() => {
    const current = canvas.current;
    const was = paintedWith.current;
    paintedWith.current = { metrics, colourBy, zoneIds: layerZoneIds };
    if (was === null || (was.metrics === metrics && was.colourBy === colourBy && was.zoneIds === layerZoneIds)) return;
    if (current) current.setPaint(paintOf(layerZoneIds));
  }, [metrics, colourBy, layerZoneIds]);

  return null;
}
