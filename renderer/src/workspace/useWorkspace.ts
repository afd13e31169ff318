import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { History, MapData, ModelSettings, PlanDelta } from '../../../shared/api/contract';
import type { PlanChecks } from '../../../shared/plan/checks';
import type { Contingency, PlanMetrics, WithdrawalResult } from '../../../shared/coverage/schemas';
import type { LotFilter } from '../../../shared/coverage/supply';
import type { Lot, Provider, RateBand, Settings } from '../../../shared/domain/types';
import { ApiError } from '../../../shared/api/errors';
import { api } from '../api';
import { dropFirstCalls } from '../first-calls';
import { fetchMapData, fullLayerFor } from './map-data';
import type { TrendResponse } from '../../../shared/time/schemas';
import { monthView } from './month-view';
import { mapAfter, metricsAfter, withLayer } from '../../../shared/api/plan-delta';

export interface Workspace {
  loading: boolean;
  /** The open project has no plan yet (an empty one): there is nothing to show, and that is no failure. */
  noPlan: boolean;
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
  /** The plan's months of returns for the lot on screen (null until loaded). */
  trend: TrendResponse | null;
  /** The month the map shows (the time slider), or null for the model as it stands. */
  month: string | null;
  setMonth(month: string | null): void;
  /** What Undo and Redo would do. */
  history: History;
  /** What the planner should fix (loaded while wanted, then kept up to date by each edit's delta). */
  checks: PlanChecks | null;
  /** Applies an edit's answer (a paint, an undo, a zone made, renamed or merged, a contract set): nothing is fetched again. */
  applyDelta(delta: PlanDelta): void;
}

/** What the panels on screen need beyond the map: fetched only while wanted, so an edit costs one call. */
export interface WorkspaceWants {
  trend: boolean;
  contingency: boolean;
  checks: boolean;
}

export interface SettingsChange {
  settings?: Partial<Settings>;
  bands?: RateBand[];
  lots?: Lot[];
  asAt?: string;
}

/** A workspace as read in one go: the map, metrics, providers, settings and history of the open project's plan. */
export function loadWorkspace(lot: LotFilter = 'all') {
  return Promise.all([fetchMapData(), api.getPlanMetrics({ lot }), api.listProviders({}), api.getSettings({}), api.getHistory({})]);
}
export type WorkspaceData = Awaited<ReturnType<typeof loadWorkspace>>;

/** A project without a plan yet (an empty one) has nothing to draw: not an error worth a banner. */
export const isNoPlanYet = (e: unknown): boolean => e instanceof ApiError && e.code === 'no-plan';

/**
 * The main screen's data for the open project. Every failure goes to `onError`
 * (the banner); what is on screen stays as it was. `start` is the workspace
 * already read for the project first open (first-screen.ts), under its key: it
 * is shown from the first render, and read again only when the key changes
 * (its data null: the project has no plan yet, so there is nothing to show).
 */
export function useWorkspace(projectKey: string | null, hasPlan: boolean, onError: (message: string) => void, setBusy: (busy: boolean) => void, wants: WorkspaceWants, start?: { key: string; data: WorkspaceData | null }): Workspace {
  const started = useRef(start?.key ?? null);
  const [mapData, setMapData] = useState<MapData | null>(start?.data?.[0] ?? null);
  const [currentMetrics, setMetrics] = useState<PlanMetrics | null>(start?.data?.[1].metrics ?? null);
  const [providers, setProviders] = useState<Provider[]>(start?.data?.[2] ?? []);
  const [model, setModel] = useState<ModelSettings | null>(start?.data?.[3] ?? null);
  const [selectedZoneId, select] = useState<string | null>(null);
  const [contingency, setContingency] = useState<Contingency | null>(null);
  const [withdrawal, setWithdrawal] = useState<WithdrawalResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [noPlan, setNoPlan] = useState(start ? start.data === null : false);
  const [lot, setLotState] = useState<LotFilter>('all');
  const [trend, setTrend] = useState<TrendResponse | null>(null);
  const [month, setMonth] = useState<string | null>(null);
  const [history, setHistory] = useState<History>(start?.data?.[4] ?? { canUndo: null, canRedo: null });
  const [checks, setChecks] = useState<PlanChecks | null>(null);

  const report = useCallback((e: unknown) => onError(e instanceof Error ? e.message : String(e)), [onError]);

  useEffect(() => {
    const shownFromStart = started.current !== null && projectKey === started.current;
    started.current = null;
    if (shownFromStart) return dropFirstCalls(); // nothing to read
    setMapData(null);
    setMetrics(null);
    setWithdrawal(null);
    select(null);
    setNoPlan(!!projectKey && !hasPlan);
    if (!projectKey) return;
    // Nothing of a plan is asked for when there is none: each call would only be refused.
    if (!hasPlan) return dropFirstCalls();
    let live = true;
    setLoading(true);
    // On the page's first load, these are the calls first-calls.ts sent as the page started.
    loadWorkspace()
      .then(([map, planMetrics, providerList, settings, edits]) => {
        if (!live) return;
        performance.mark('carecover:map-data-loaded');
        setMapData(map);
        setMetrics(planMetrics.metrics);
        setProviders(providerList);
        setModel(settings);
        setHistory(edits);
        setChecks(null);
      })
      .catch((e: unknown) => {
        if (!live) return;
        if (isNoPlanYet(e)) setNoPlan(true);
        else report(e);
      })
      .finally(() => {
        dropFirstCalls();
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [projectKey, hasPlan, report]);

  // The first map is drawn from the layer's overview; once it is on screen, the full layer takes its place
  // (workspace/map-data.ts), under whatever the plan's state is by then (edits keep the layer they were made over).
  const layer = mapData?.layer;
  useEffect(() => {
    if (!layer?.overview) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // After the frame that shows the first map, not during it.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        fullLayerFor(layer)
          .then((full) => live && full && setMapData((map) => (map && map.layer === layer ? withLayer(map, full) : map)))
          .catch(report);
      }, 0);
    });
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [layer, report]);

  useEffect(() => {
    setContingency(null);
    if (!selectedZoneId || !currentMetrics) return;
    // The selected zone was merged away or undone: nothing is selected any more.
    if (!currentMetrics.zones.some((z) => z.zoneId === selectedZoneId)) return select(null);
    if (!wants.contingency) return;
    let live = true;
    api
      .getContingency({ zoneId: selectedZoneId, lot })
      .then((c) => live && setContingency(c))
      .catch(report);
    return () => {
      live = false;
    };
  }, [selectedZoneId, currentMetrics, lot, report, wants.contingency]);

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
      const [map, planMetrics, providerList, settings, edits] = await loadWorkspace(lot);
      setMapData(map);
      setMetrics(planMetrics.metrics);
      setProviders(providerList);
      setModel(settings);
      setHistory(edits);
      setChecks(null);
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

  /** What an edit's delta changed, applied to the one store: map, metrics, checks, history. */
  const applyDelta = useCallback(
    (delta: PlanDelta) => {
      setMapData((map) => map && mapAfter(map, delta));
      // The lot was changed while the edit was on its way: its figures are not the ones on screen.
      // Applied to the metrics as they are by then (another stroke's answer may have come first).
      if (delta.lot === lot) setMetrics((m) => m && metricsAfter(m, delta));
      else api.getPlanMetrics({ lot }).then((m) => setMetrics(m.metrics), report);
      setChecks(delta.checks);
      setHistory(delta.history);
      if (delta.settings) setModel(delta.settings);
      setWithdrawal(null);
    },
    [lot, report],
  );

  // Checks follow the plan: loaded when a panel wants them and none are held (a delta brings them up to date).
  useEffect(() => {
    if (!wants.checks || checks || !currentMetrics) return;
    let live = true;
    api.getPlanChecks({}).then((c) => live && setChecks(c), () => undefined);
    return () => {
      live = false;
    };
  }, [wants.checks, checks, currentMetrics]);

  // The trend follows the plan and the lot: reloaded when the metrics change and a panel wants it.
  const [trendFor, setTrendFor] = useState<PlanMetrics | null>(null);
  useEffect(() => {
    if (!currentMetrics) return setTrend(null);
    // A month on the map needs the trend whatever the tab.
    if (!(wants.trend || month) || trendFor === currentMetrics) return;
    let live = true;
    api.getTrend({ lot }).then((t) => {
      if (!live) return;
      setTrend(t);
      setTrendFor(currentMetrics);
    }, report);
    return () => {
      live = false;
    };
  }, [currentMetrics, lot, report, wants.trend, month, trendFor]);
  useEffect(() => setMonth(null), [projectKey]);

  const metrics = useMemo(() => {
    if (withdrawal) return withdrawal.after;
    if (month && trend && currentMetrics) return monthView(currentMetrics, trend, month);
    return currentMetrics;
  }, [withdrawal, currentMetrics, month, trend]);

  return {
    loading,
    noPlan,
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
    trend,
    month,
    setMonth,
    history,
    checks,
    applyDelta,
  };
}
