import { useMemo, useState } from 'react';
import { CircleMarker, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import { thinLabels } from './geometry';

interface Props {
  points: Map<string, [number, number]>;
  zones: Map<string, ZoneMetrics>;
  selectedZoneId: string | null;
}

/** Roughly how much room a label takes, in pixels (the labels are 12px text with padding). */
const labelBox = (name: string): [number, number] => [Math.min(220, 14 + name.length * 7), 22];

/** Up to this many zones every name is shown, as a county's committee map wants. */
const ALWAYS_ALL = 40;

/**
 * Zone names on the map. With more zones than ALWAYS_ALL they are thinned like
 * a printed map: at each zoom a label is placed only where it does not cover
 * one already placed, the selected zone first, then flagged zones, then the
 * zones with most demand; more appear as you zoom in.
 */
export function ZoneLabels({ points, zones, selectedZoneId }: Props) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });

  const shown = useMemo(() => {
    if (points.size <= ALWAYS_ALL) return [...points];
    const kept = thinLabels(
      [...points].map(([id, point]) => {
        const z = zones.get(id);
        const p = map.project(point, zoom);
        const [width, height] = labelBox(z?.name ?? id);
        return { id, x: p.x, y: p.y, width, height, rank: (id === selectedZoneId ? 2e12 : 0) + (z && z.flags.length > 0 ? 1e12 : 0) + (z?.demandHours ?? 0) };
      }),
    );
    return kept.map((id) => [id, points.get(id)!] as [string, [number, number]]);
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
