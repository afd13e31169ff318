import { useMemo, useState } from 'react';
import { CircleMarker, Tooltip, useMap, useMapEvents } from 'react-leaflet';
import type { PlanMetrics } from '../../../shared/coverage/schemas';
import type { Provider } from '../../../shared/domain/types';
import { hours } from '../../../shared/format';
import { placeLabels } from './geometry';
import { drawnCircles, providerHours, radiusFor } from './label-obstacles';

interface Props {
  providers: Provider[];
  metrics: PlanMetrics;
  /** Providers to pick out (contingency candidates), by id, with their rank. */
  highlighted: Map<string, number>;
  /** The provider whose withdrawal is shown: its branch is struck through. */
  withdrawnId?: string | null;
}

/**
 * Provider branches as circles sized by their contracted hours. Branches closer
 * than a few pixels at the current zoom are merged into one circle, so the map
 * never turns into a heap of markers; picked-out providers are always drawn alone.
 */
export function ProviderMarkers({ providers, metrics, highlighted, withdrawnId = null }: Props) {
  const map = useMap();
  const [zoom, setZoom] = useState(map.getZoom());
  useMapEvents({ zoomend: () => setZoom(map.getZoom()) });

  const hoursBy = useMemo(() => providerHours(metrics.zones), [metrics]);

  const groups = useMemo(() => drawnCircles(map, zoom, providers, hoursBy, highlighted, withdrawnId).filter((c) => c.kind === 'group'), [providers, highlighted, withdrawnId, hoursBy, map, zoom]);

  // Candidates' rank badges, placed so none covers another (several candidates often share a town).
  const badgeOffsets = useMemo(() => {
    const picked = providers.filter((p) => highlighted.has(p.id));
    const boxes = picked.map((p) => {
      const point = map.project([p.lat, p.lon], zoom);
      const r = radiusFor(hoursBy.get(p.id) ?? 0) + 2;
      // A badge sits right of its circle: its own point is there.
      return { id: p.id, x: point.x + r + 10, y: point.y, width: 20, height: 18, rank: -(highlighted.get(p.id) ?? 0) };
    });
    return new Map(placeLabels(boxes).map((b) => [b.id, [b.dx, b.dy] as [number, number]]));
  }, [providers, highlighted, hoursBy, map, zoom]);

  return (
    <>
      {groups.map((g) => (
        <CircleMarker
          key={g.members.map((m) => m.id).join(',')}
          center={[g.lat, g.lon]}
          radius={g.radius}
          pathOptions={{ color: '#1d2327', weight: 1.2, fillColor: '#ffffff', fillOpacity: 0.85 }}
          bubblingMouseEvents={false}
        >
          <Tooltip direction="top" className="provider-tip">
            {g.members.length === 1
              ? `${g.members[0]!.name}: ${hours(g.hours)} h a week`
              : `${g.members.length} providers here (${hours(g.hours)} h a week): ${g.members.map((m) => m.name).join(', ')}`}
          </Tooltip>
        </CircleMarker>
      ))}
      {providers
        .filter((p) => p.id === withdrawnId)
        .map((p) => (
          <CircleMarker
            key={`withdrawn-${p.id}`}
            center={[p.lat, p.lon]}
            radius={9}
            pathOptions={{ color: '#000000', weight: 3, dashArray: '3 3', fillColor: '#ffffff', fillOpacity: 0.9 }}
            bubblingMouseEvents={false}
          >
            <Tooltip key={`t-${(badgeOffsets.get(p.id) ?? [0, 0]).join(',')}`} permanent direction="right" offset={badgeOffsets.get(p.id) ?? [0, 0]} className="candidate-tip">
              {`✕ ${p.name} (withdrawn)`}
            </Tooltip>
          </CircleMarker>
        ))}
      {providers
        .filter((p) => highlighted.has(p.id))
        .map((p) => (
          <CircleMarker
            key={`hl-${p.id}`}
            center={[p.lat, p.lon]}
            radius={radiusFor(hoursBy.get(p.id) ?? 0) + 2}
            pathOptions={{ color: '#000000', weight: 3, fillColor: '#ffbf47', fillOpacity: 1 }}
            bubblingMouseEvents={false}
          >
            {/* The rank only: names are in the contingency table, and would pile up in a town with several candidates. */}
            <Tooltip key={`t-${(badgeOffsets.get(p.id) ?? [0, 0]).join(',')}`} permanent direction="right" offset={badgeOffsets.get(p.id) ?? [0, 0]} className="candidate-tip">
              {String(highlighted.get(p.id))}
            </Tooltip>
          </CircleMarker>
        ))}
    </>
  );
}
