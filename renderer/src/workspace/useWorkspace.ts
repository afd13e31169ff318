import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MapData, ModelSettings } from '../../../shared/api/contract';
import type { Contingency, PlanMetrics, WithdrawalResult } from '../../../shared/coverage/schemas';
import type { LotFilter } from '../../../shared/coverage/supply';
import type { Lot, Provider, RateBand, Settings } from '../../../shared/domain/types';
import { api } from '../api';

export interface Workspace {
  loading: boolean;
  mapData: MapData | null;
  /** The metrics on screen: the withdrawal's "after" state while one is shown. */
  metrics: PlanMetrics | null;
  currentMetrics: PlanMetrics | null;
  providers: Provider[];
  model: ModelSettings | null;
  selectedZoneId: string | null;
  select(zoneId: string | null): void;
  contingency: Contingency | null;
  withdrawal: WithdrawalResult | null;
  simulate(providerId: string, cutPercent: number): Promise<void>;
  clearWithdrawal(): void;
  saveSettings(change: SettingsChange): Promise<ModelSettings>;
  /** The lot the map, table, detail and exports show. */
  lot: LotFilter;
  setLot(lot: LotFilter): void;
  /** Reloads map, metrics and settings in place after an edit (no flicker); resolves to the new metrics. */
  refresh(): Promise<PlanMetrics | null>;
}

export interface SettingsChange {
  settings?: Partial<Settings>;
  bands?: RateBand[];
  lots?: Lot[];
  asAt?: string;
}

function loadWorkspace(lot: LotFilter = 'all') {
  return Promise.all([api.getMapData({}), api.getPlanMetrics({ lot }), api.listProviders({}), api.getSettings({})]);
}

// Started as soon as the bundle runs, while React and the project bar are still
// starting: the host already has a project open, so the map need not wait for them.
let prefetched: ReturnType<typeof loadWorkspace> | null = loadWorkspace();
prefetched.catch(() => undefined);

/**
 * The main screen's data for the open project. Every failure goes to `onError`
 * (the banner); what is on screen stays as it was.
 */
export function useWorkspace(projectKey: string | null, onError: (message: string) => void, setBusy: (busy: boolean) => void): Workspace {
  const [mapData, setMapData] = useState<MapData | null>(null);
  const [currentMetrics, setMetrics] = useState<PlanMetrics | null>(null);
  const [providers, setProviders] = useState<Provider[]>([]);
  const [model, setModel] = useState<ModelSettings | null>(null);
  const [selectedZoneId, select] = useState<string | null>(null);
  const [contingency, setContingency] = useState<Contingency | null>(null);
  const [withdrawal, setWithdrawal] = useState<WithdrawalResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [lot, setLotState] = useState<LotFilter>('all');

  const report = useCallback((e: unknown) => onError(e instanceof Error ? e.message : String(e)), [onError]);

  useEffect(() => {
    setMapData(null);
    setMetrics(null);
    setWithdrawal(null);
    select(null);
    if (!projectKey) return;
    let live = true;
    setLoading(true);
    const load = prefetched ?? loadWorkspace();
    prefetched = null;
    load
      .then(([map, planMetrics, providerList, settings]) => {
        if (!live) return;
        performance.mark('carecover:map-data-loaded');
        setMapData(map);
        setMetrics(planMetrics.metrics);
        setProviders(providerList);
        setModel(settings);
      })
      .catch((e: unknown) => {
        // A project without a plan yet (an empty one) has nothing to draw: not an error worth a banner.
        if (live && !(e instanceof Error && /no zone plan yet/.test(e.message))) report(e);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [projectKey, report]);

  useEffect(() => {
    setContingency(null);
    if (!selectedZoneId || !currentMetrics) return;
    let live = true;
    api
      .getContingency({ zoneId: selectedZoneId, lot })
      .then((c) => live && setContingency(c))
      .catch(report);
    return () => {
      live = false;
    };
  }, [selectedZoneId, currentMetrics, lot, report]);

  const simulate = useCallback(
    async (providerId: string, cutPercent: number) => {
      setBusy(true);
      try {
        setWithdrawal(await api.simulateWithdrawal({ providerId, cutPercent, ...(lot === 'all' ? {} : { lot }) }));
      } catch (e) {
        report(e);
      } finally {
        setBusy(false);
      }
    },
    [report, setBusy, lot],
  );

  const saveSettings = useCallback(
    async (change: SettingsChange) => {
      const saved = await api.updateSettings(change);
      setModel(saved);
      setMetrics((await api.getPlanMetrics({ lot })).metrics);
      setWithdrawal(null);
      return saved;
    },
    [lot],
  );

  const refresh = useCallback(async () => {
    try {
      const [map, planMetrics, providerList, settings] = await loadWorkspace(lot);
      setMapData(map);
      setMetrics(planMetrics.metrics);
      setProviders(providerList);
      setModel(settings);
      setWithdrawal(null);
      return planMetrics.metrics;
    } catch (e) {
      report(e);
      return null;
    }
  }, [report, lot]);

  const setLot = useCallback(
    (next: LotFilter) => {
      setLotState(next);
      setWithdrawal(null);
      api.getPlanMetrics({ lot: next }).then((m) => setMetrics(m.metrics), report);
    },
    [report],
  );

  const metrics = useMemo(() => (withdrawal ? withdrawal.after : currentMetrics), [withdrawal, currentMetrics]);

  return {
    loading,
    mapData,
    metrics,
    currentMetrics,
    providers,
    model,
    selectedZoneId,
    select,
    contingency,
    withdrawal,
    simulate,
    clearWithdrawal: () => setWithdrawal(null),
    saveSettings,
    lot,
    setLot,
    refresh,
  };
}
