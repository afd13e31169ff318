import { useMemo, useState } from 'react';
import { CircleMarker, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import { placeLabels, thinLabels } from './geometry';

interface Props {
  points: Map<string, [number, number]>;
  zones: Map<string, ZoneMetrics>;
  selectedZoneId: string | null;
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
export function ZoneLabels({ points, zones, selectedZoneId }: Props) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });

  const shown = useMemo(() => {
    const boxes = [...points].map(([id, point]) => {
      const z = zones.get(id);
      const p = map.project(point, zoom);
      const [width, height] = labelBox(z?.name ?? id);
      return { id, x: p.x, y: p.y, width, height, rank: (id === selectedZoneId ? 2e12 : 0) + (z && z.flags.length > 0 ? 1e12 : 0) + (z?.demandHours ?? 0) };
    });
    // A county's zones are all named, each moved off its neighbours where they would collide; more than that are thinned.
    const kept = new Set(points.size <= ALWAYS_ALL ? boxes.map((b) => b.id) : thinLabels(boxes));
    return placeLabels(boxes.filter((b) => kept.has(b.id))).map(({ id, dx, dy }) => ({ id, point: points.get(id)!, offset: [dx, dy] as [number, number] }));
  }, [points, zones, selectedZoneId, map, zoom]);

  return (
    <>
      {shown.map(({ id: zoneId, point, offset }) => (
        // Keyed by selection and place too: Leaflet fixes a tooltip's class and offset when it is made.
        <CircleMarker key={`l-${zoneId}-${zoneId === selectedZoneId}-${offset.join(',')}`} center={point} radius={0} pathOptions={{ opacity: 0, fillOpacity: 0 }} interactive={false}>
          <Tooltip permanent direction="center" offset={offset} className={`zone-label${zoneId === selectedZoneId ? ' zone-label--selected' : ''}`}>
            {zones.get(zoneId)?.name ?? zoneId}
          </Tooltip>
        </CircleMarker>
      ))}
    </>
  );
}
