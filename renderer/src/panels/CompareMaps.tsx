import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLatest } from '../components/use-latest';
import type { Map as LeafletMap } from 'leaflet';
import type { MapData } from '../../../shared/api/contract';
import type { PlanMetrics } from '../../../shared/coverage/schemas';
import type { Settings } from '../../../shared/domain/types';
import { api } from '../api';
import { fetchMapData } from '../workspace/map-data';
import { useModal } from '../components/use-modal';
import { CoverageMap } from '../map/CoverageMap';

interface Props {
  names: [string, string];
  settings: Settings;
  onClose(): void;
  onError(message: string): void;
}

type Side = { mapData: MapData; metrics: PlanMetrics };

const noProviders: never[] = [];
const noZones = new Set<string>();
const noRanks = new Map<string, number>();

/**
 * Two plans' coverage maps side by side, live: panning or zooming one moves
 * the other to the same view, so a boundary can be followed across both.
 */
export function CompareMaps({ names, settings, onClose, onError }: Props) {
  const modal = useModal<HTMLDivElement>(onClose);
  const [sides, setSides] = useState<[Side, Side] | null>(null);
  const maps = useRef<[LeafletMap | null, LeafletMap | null]>([null, null]);
  const syncing = useRef(false);

  const reportError = useLatest(onError);
  const [nameA, nameB] = names;
  useEffect(() => {
    let live = true;
    const load = async (plan: string): Promise<Side> => {
      const [mapData, { metrics }] = await Promise.all([fetchMapData(plan), api.getPlanMetrics({ plan })]);
      return { mapData, metrics };
    };
    Promise.all([load(nameA), load(nameB)]).then(
      (loaded) => live && setSides(loaded as [Side, Side]),
      (e: Error) => reportError.current(e.message),
    );
    return () => {
      live = false;
    };
  }, [nameA, nameB, reportError]);

  // Each map, once it exists, follows the other's moves (and leads its own).
  const follow = useCallback(
    (index: 0 | 1) => (map: LeafletMap) => {
      maps.current[index] = map;
      map.on('move', () => {
        const other = maps.current[index === 0 ? 1 : 0];
        if (!other || syncing.current) return;
        syncing.current = true;
        other.setView(map.getCenter(), map.getZoom(), { animate: false });
        syncing.current = false;
      });
    },
    [],
  );
  const followA = useMemo(() => follow(0), [follow]);
  const followB = useMemo(() => follow(1), [follow]);

  return (
    <div className="dialog-backdrop" onKeyDown={modal.onKeyDown}>
      <div className="dialog dialog--wide dialog--maps" role="dialog" aria-modal="true" aria-label="Two plans side by side" ref={modal.ref} tabIndex={-1}>
        <div className="compare-maps">
          {sides ? (
            sides.map((side, i) => (
              <figure key={names[i]}>
                <CoverageMap
                  label={`Map of ${names[i]}`}
                  mapData={side.mapData}
                  metrics={side.metrics}
                  providers={noProviders}
                  settings={settings}
                  selectedZoneId={null}
                  changedZones={noZones}
                  highlightedProviders={noRanks}
                  onSelect={() => undefined}
                  onMap={i === 0 ? followA : followB}
                  legendFolded
                />
                <figcaption>{names[i]}</figcaption>
              </figure>
            ))
          ) : (
            <p>Loading both maps…</p>
          )}
        </div>
        <p className="hint">Pan or zoom either map: the other follows.</p>
        <div className="dialog__actions">
          <button type="button" className="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
