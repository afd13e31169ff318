import { useMemo, useState } from 'react';
import { CircleMarker, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';

interface Props {
  points: Map<string, [number, number]>;
  zones: Map<string, ZoneMetrics>;
  selectedZoneId: string | null;
}

/** Roughly how much room a label takes, in pixels (the labels are 12px text with padding). */
const labelBox = (name: string): [number, number] => [Math.min(220, 14 + name.length * 7), 22];

/**
 * Zone names on the map, thinned like a printed map: at each zoom a label is
 * placed only where it does not cover one already placed, the selected zone
 * first, then flagged zones, then the zones with most demand. A county shows
 * every name; a country shows those that fit, and more as you zoom in.
 */
export function ZoneLabels({ points, zones, selectedZoneId }: Props) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });

  const shown = useMemo(() => {
    const rank = (id: string) => {
      const z = zones.get(id);
      return (id === selectedZoneId ? 2e12 : 0) + (z && (z.flags.length > 0) ? 1e12 : 0) + (z?.demandHours ?? 0);
    };
    const placed: { x: number; y: number; w: number; h: number }[] = [];
    const result: [string, [number, number]][] = [];
    for (const id of [...points.keys()].sort((a, b) => rank(b) - rank(a))) {
      const point = points.get(id)!;
      const p = map.project(point, zoom);
      const [w, h] = labelBox(zones.get(id)?.name ?? id);
      if (placed.some((q) => Math.abs(q.x - p.x) * 2 < q.w + w && Math.abs(q.y - p.y) * 2 < q.h + h)) continue;
      placed.push({ x: p.x, y: p.y, w, h });
      result.push([id, point]);
    }
    return result;
  }, [points, zones, selectedZoneId, map, zoom]);

  return (
    <>
      {shown.map(([zoneId, point]) => (
        // Keyed by selection too: Leaflet fixes a tooltip's class when it is made.
        <CircleMarker key={`l-${zoneId}-${zoneId === selectedZoneId}`} center={point} radius={0} pathOptions={{ opacity: 0, fillOpacity: 0 }} interactive={false}>
          <Tooltip permanent direction="center" className={`zone-label${zoneId === selectedZoneId ? ' zone-label--selected' : ''}`}>
            {zones.get(zoneId)?.name ?? zoneId}
          </Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}
