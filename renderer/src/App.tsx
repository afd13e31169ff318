import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import { api, onAppEvent } from './api';
import { deltaOf, metricsAfter } from '../../shared/api/plan-delta';
import { ErrorBanner } from './components/ErrorBanner';
import { ExportDialog } from './components/ExportDialog';
import { ImportDialog } from './components/ImportDialog';
import { ProjectBar } from './components/ProjectBar';
import { ProjectFileDialog, type FileDialogPurpose } from './components/ProjectFileDialog';
import { Tabs } from './components/Tabs';
import type { ExportRequestInput } from '../../shared/export/request';
import { monthLabel } from '../../shared/time/months';
import { CoverageMap } from './map/CoverageMap';
import { ContingencyPanel, SHOWN_AFTER_SET } from './panels/ContingencyPanel';
import { CostsPanel } from './panels/CostsPanel';
import { OverTimePanel } from './panels/OverTimePanel';
import { EditPanel, type EditTool } from './panels/EditPanel';
import { areaCentre } from '../../shared/plan/split';
import { pointInRing } from '../../shared/geo/point-in-ring';
import { ScenariosPanel } from './panels/ScenariosPanel';
import type { MapData } from '../../shared/api/contract';
import type { PlanMetrics } from '../../shared/coverage/schemas';
import { areaGeometry } from '../../shared/geo/area-layer';
import type { Position } from '../../shared/geo/types';
import { layerOf } from './map/layer-data';
import { PlanTotals } from './panels/PlanTotals';
import { SettingsPanel } from './panels/SettingsPanel';
import { WithdrawalPanel } from './panels/WithdrawalPanel';
import { ZoneDetail } from './panels/ZoneDetail';
import { ZoneTable } from './panels/ZoneTable';
import { useProject } from './useProject';
import type { FirstScreen } from './first-screen';
import { useWorkspace } from './workspace/useWorkspace';
import { LotPicker } from './components/LotPicker';
import { screenSuppression } from './panels/screen-suppression';
import { editCost, type EditCost } from './panels/band-changes';

/** The workspace is read again whenever this changes: another project, or the project reloaded (useProject's revision). */
const workspaceKey = (path: string, revision: number) => `${path}#${revision}`;

const centreCache = new WeakMap<MapData, Map<string, Position>>();

type Tab = 'zones' | 'edit' | 'scenarios' | 'withdrawal' | 'time' | 'costs' | 'settings';

/** `start`: the first screen's data, read before the first render (first-screen.ts), when it could be. */
export function App({ start }: { start?: FirstScreen }) {
  const state = useProject(start);
  const [dialog, setDialog] = useState<FileDialogPurpose | null>(null);
  const [tab, setTab] = useState<Tab>('zones');
  const [working, setWorking] = useState(false);
  /** The export dialog: closed, open on the last choices (true), or open on given ones. */
  const [exporting, setExporting] = useState<boolean | ExportRequestInput>(false);
  const [importing, setImporting] = useState(false);
  const [painting, setPainting] = useState<string | null>(null);
  const [tool, setTool] = useState<EditTool>('paint');
  /** Redraw shows each zone in its own colour unless coverage is asked for. */
  const [redrawColours, setRedrawColours] = useState<'zone' | 'coverage'>('zone');
  const [lastSelection, setLastSelection] = useState<string[]>([]);
  /** Zones locked for "Propose zones…" (null while it is closed): clicking a zone on the map then locks or unlocks it. */
  const [proposeLocks, setProposeLocks] = useState<Set<string> | null>(null);
  const { setError } = state;
  const showError = useCallback((message: string) => setError(message), [setError]);
  const ws = useWorkspace(state.project ? workspaceKey(state.project.path, state.revision) : null, state.project?.hasPlan ?? false, showError, setWorking, {
    trend: tab === 'zones' || tab === 'time',
    contingency: tab === 'zones',
    checks: tab === 'edit',
  }, start?.project && start.workspace ? { key: workspaceKey(start.project.path, 0), data: start.workspace === 'no-plan' ? null : start.workspace } : undefined);

  const [bandNotice, setBandNotice] = useState<EditCost | null>(null);
  /** What an edit did to the annual cost, and the zones it moved into another rate band. */
  const noteCost = useCallback(
    (before: PlanMetrics | null, after: PlanMetrics | null) => {
      const settings = ws.model?.settings;
      const spot = settings && { 'home-care': settings.spotHourlyRate, chc: settings.spotHourlyRate, 'live-in': settings.spotWeeklyRate };
      setBandNotice(before && after && spot ? editCost(before, after, spot, settings.weeksPerYear) : null);
    },
    [ws.model],
  );
  /**
   * Runs an edit (each is saved at once) and says what it cost: an edit that
   * answers with what it changed (a delta) is applied as it is; after any
   * other the workspace is read again.
   */
  const { currentMetrics, applyDelta, refresh } = ws;
  const edit = useCallback(
    async (change: () => Promise<unknown>) => {
      // The busy state re-renders the whole app: as a transition, in slices, not in one long frame at the
      // stroke's end (about 20 ms on England) and again, unsliced, as the answer is applied.
      startTransition(() => setWorking(true));
      const before = currentMetrics;
      try {
        const delta = deltaOf(await change());
        if (delta) {
          // Rendered as a transition: React works through the app in slices between frames, so an edit's
          // answer on a national map does not hold one frame for all of it (labels, table, both canvases).
          startTransition(() => {
            applyDelta(delta);
            noteCost(before, before && metricsAfter(before, delta));
          });
        } else noteCost(before, await refresh());
      } catch (e) {
        showError((e as Error).message);
      } finally {
        startTransition(() => setWorking(false));
      }
    },
    [refresh, applyDelta, currentMetrics, noteCost, showError],
  );
  /** A brush stroke, rectangle or lasso: one round trip, whose answer is applied as it is. */
  const paintAreas = useCallback((zoneId: string, areaCodes: string[]) => edit(() => api.assignAreas({ zoneId, areaCodes, lot: ws.lot })), [edit, ws.lot]);

  /** Said after an undo or redo that switched plans: it changed the plan now on screen, not the one that was. */
  const [planNotice, setPlanNotice] = useState<string | null>(null);
  const undoRedo = useCallback(
    (command: 'undo' | 'redo') =>
      edit(async () => {
        const result = command === 'undo' ? await api.undo({ lot: ws.lot }) : await api.redo({ lot: ws.lot });
        setPlanNotice(result.switchedTo ? `${command === 'undo' ? 'Undone' : 'Redone'} in the plan “${result.switchedTo}”, which is now on screen.` : null);
        return result;
      }),
    [edit, ws.lot],
  );

  useEffect(() => {
    const offMenu = onAppEvent((event) => {
      if (event.type !== 'menu') return;
      if (event.command === 'export') setExporting(true);
      if (event.command === 'import') setImporting(true);
      if (event.command === 'undo' || event.command === 'redo') undoRedo(event.command);
    });
    // Ctrl+Z / Ctrl+Y (or Ctrl+Shift+Z) anywhere but in a text field, where the browser's own undo applies.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !(e.target as HTMLElement).closest('[role="dialog"]')) {
        setPainting(null);
        return;
      }
      if (!(e.ctrlKey || e.metaKey) || (e.target as HTMLElement).closest('input, textarea, select')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undoRedo('undo');
      else if (key === 'y' || (key === 'z' && e.shiftKey)) undoRedo('redo');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      offMenu();
      window.removeEventListener('keydown', onKey);
    };
  }, [undoRedo]);

  const districtOutlines = ws.mapData?.districtOutlines;
  const districtNames = useMemo(() => new Map((districtOutlines ?? []).map((d) => [d.code, d.name])), [districtOutlines]);
  const changedZones = useMemo(() => new Set(ws.withdrawal?.zones.filter((z) => z.changed).map((z) => z.zoneId) ?? []), [ws.withdrawal]);
  const highlighted = useMemo(() => {
    const ranks = new Map<string, number>();
    // The candidates the Contingency list shows at first: the closing set and the few after it, so badges do not pile up.
    const candidates = ws.contingency?.candidates ?? [];
    const shown = candidates.slice(0, candidates.filter((c) => c.inClosingSet).length + SHOWN_AFTER_SET);
    if (!ws.withdrawal) shown.forEach((c, i) => ranks.has(c.providerId) || ranks.set(c.providerId, i + 1));
    return ranks;
  }, [ws.contingency, ws.withdrawal]);
  const selected = ws.metrics?.zones.find((z) => z.zoneId === ws.selectedZoneId) ?? null;
  const hidden = useMemo(() => (ws.metrics && ws.model ? screenSuppression(ws.metrics.zones, ws.model.settings) : new Map<string, string>()), [ws.metrics, ws.model]);

  /** The middle of every area, worked out the first time a shape picks areas, then kept with the map data. */
  function areaCentres(): Map<string, Position> {
    const data = ws.mapData!;
    let centres = centreCache.get(data);
    if (!centres) {
      const { layer } = layerOf(data);
      centres = new Map(layer.codes.map((code, i) => [code, areaCentre(areaGeometry(layer, i))]));
      centreCache.set(data, centres);
    }
    return centres;
  }

  /** A rectangle or lasso moves the areas whose middle it holds; a line splits the zone. */
  async function onShape(zoneId: string, kind: 'rectangle' | 'lasso' | 'line', coordinates: [number, number][]) {
    if (kind === 'line') {
      const name = `${ws.currentMetrics?.zones.find((z) => z.zoneId === zoneId)?.name ?? zoneId} (split)`;
      return edit(() => api.splitZone({ zoneId, name, shape: { type: 'line', coordinates } }));
    }
    const ring = [...coordinates, coordinates[0]!];
    const picked = [...areaCentres()].filter(([, c]) => pointInRing(c, ring)).map(([code]) => code);
    setLastSelection(picked);
    if (picked.length) await paintAreas(zoneId, picked);
  }

  /** Locks or unlocks a zone for "Propose zones…" (from its tick box or a click on the map). */
  const toggleProposeLock = (zoneId: string) =>
    setProposeLocks((locks) => {
      if (!locks) return locks;
      const next = new Set(locks);
      if (!next.delete(zoneId)) next.add(zoneId);
      return next;
    });

  function selectZone(zoneId: string) {
    if (tab === 'scenarios' && proposeLocks) return toggleProposeLock(zoneId);
    ws.select(zoneId);
    if (tab !== 'edit') setTab('zones');
  }

  function perform(purpose: FileDialogPurpose, path: string) {
    setDialog(null);
    void state.run(() => {
      if (purpose === 'open') return api.openProject({ path });
      if (purpose === 'new') return api.createProject({ path, template: 'default' });
      return api.saveProjectAs({ path });
    });
  }

  async function fileAction(purpose: FileDialogPurpose) {
    if (!state.app?.nativeDialogs) return setDialog(purpose);
    await state.run(async () => {
      const { path } = await api.chooseProjectFile({ purpose: purpose === 'open' ? 'open' : 'save' });
      if (!path) return;
      if (purpose === 'open') await api.openProject({ path });
      else if (purpose === 'new') await api.createProject({ path, template: 'default', overwrite: true });
      else await api.saveProjectAs({ path, overwrite: true });
    });
  }

  return (
    <div className="app">
      <ProjectBar app={state.app} project={state.project} planName={ws.mapData?.plan.name ?? null} busy={state.busy || working || ws.loading} onFileAction={(p) => void fileAction(p)} onExport={() => setExporting(true)} onImport={() => setImporting(true)} />
      <ErrorBanner message={state.error} onDismiss={state.clearError} />
      {ws.withdrawal && (
        <div className="mode-banner" role="status">
          Showing the state after {ws.withdrawal.providerName} {ws.withdrawal.cutPercent === 100 ? 'withdraws' : `cuts ${ws.withdrawal.cutPercent}% of its hours`}. Changed zones are outlined with dashes.
          <button type="button" className="button" onClick={ws.clearWithdrawal}>
            Back to current state
          </button>
        </div>
      )}
      <main className="workspace">
        {ws.mapData && ws.metrics && ws.model ? (
          <CoverageMap
            mapData={ws.mapData}
            metrics={ws.metrics}
            providers={ws.providers}
            settings={ws.model.settings}
            selectedZoneId={tab === 'edit' && painting ? painting : ws.selectedZoneId}
            colourBy={tab === 'edit' ? redrawColours : 'coverage'}
            changedZones={tab === 'scenarios' && proposeLocks ? proposeLocks : changedZones}
            highlightedProviders={highlighted}
            withdrawnProviderId={ws.withdrawal?.providerId ?? null}
            onSelect={selectZone}
            onPaint={painting && !ws.withdrawal && tool === 'paint' ? (areaCodes) => void paintAreas(painting, areaCodes) : undefined}
            drawing={painting && !ws.withdrawal && tool !== 'paint' ? { kind: tool, onShape: (kind, coordinates) => void onShape(painting, kind, coordinates) } : undefined}
          />
        ) : (
          <section className="map-panel map-panel--empty" aria-label="Coverage map">
            <div className="map map--empty">
              <p>
                {ws.loading
                  ? 'Loading the map…'
                  : ws.noPlan
                    ? 'This project has no zones yet. Import boundaries and a zone plan to see the map.'
                    : state.project
                      ? 'The map could not be read: the message above says why.'
                      : 'Open or create a project to begin.'}
              </p>
            </div>
          </section>
        )}
        <aside className="side-panel" aria-label="Zones and tools">
          {/* The lot filters a plan's figures: with no plan there is nothing for it to filter. */}
          {!ws.noPlan && <LotPicker lot={ws.lot} onChange={ws.setLot} />}
          {ws.month && !ws.withdrawal && (
            <p className="month-banner" role="status">
              The map and the figures show {monthLabel(ws.month)}, from the monthly returns.{' '}
              <button type="button" className="link-button" onClick={() => ws.setMonth(null)}>
                Back to the model
              </button>
            </p>
          )}
          {planNotice && (
            <p className="month-banner" role="status">
              {planNotice}{' '}
              <button type="button" className="link-button" onClick={() => setPlanNotice(null)}>
                OK
              </button>
            </p>
          )}
          {ws.metrics && <PlanTotals totals={ws.metrics.totals} label={ws.withdrawal ? 'Plan totals after the withdrawal' : ws.month ? `Plan totals in ${monthLabel(ws.month)} (monthly returns)` : 'Plan totals'} />}
          <Tabs<Tab>
            label="Panels"
            current={tab}
            onChange={setTab}
            tabs={[
              { id: 'zones', label: 'Zones' },
              { id: 'edit', label: 'Redraw' },
              { id: 'scenarios', label: 'Scenarios' },
              { id: 'withdrawal', label: 'Withdrawal' },
              { id: 'time', label: 'Over time' },
              { id: 'costs', label: 'Costs' },
              { id: 'settings', label: 'Settings' },
            ]}
          />
          <div className="tab-body" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
            {ws.noPlan ? (
              // Every panel works on a plan: an empty project gets this line in each, not a blank pane or one that asks and fails.
              <p className="hint">Nothing to show until the project has a zone plan. Use Import… for the areas' boundaries, then a zone plan; the zones, redrawing, scenarios, withdrawals, months, costs and settings all work on it.</p>
            ) : (
              <>
                {tab === 'zones' && ws.metrics && (
                  <>
                    <ZoneTable zones={ws.metrics.zones} selectedZoneId={ws.selectedZoneId} changedZones={changedZones} districtNames={districtNames} onSelect={ws.select} hidden={hidden} />
                    {selected && ws.model && <ZoneDetail
                        zone={selected}
                        settings={ws.model.settings}
                        districtNames={districtNames}
                        hidden={hidden.get(selected.zoneId)}
                        month={ws.month}
                        onSetContract={
                          ws.withdrawal
                            ? undefined
                            : (providerId, committedHours) =>
                                edit(() => api.setContract({ zoneId: selected.zoneId, providerId, committedHours, additionalHours: selected.providers.find((p) => p.providerId === providerId)?.additionalHours ?? 0 }))
                        }
                        trend={(() => {
                          const z = ws.trend?.zones.find((t) => t.zoneId === selected.zoneId);
                          return z && ws.trend ? { ...z, months: ws.trend.months } : null;
                        })()}
                      />}
                    {selected && !ws.withdrawal && ws.contingency?.zoneId === selected.zoneId && <ContingencyPanel contingency={ws.contingency} />}
                  </>
                )}
                {tab === 'edit' && ws.currentMetrics && (
                  <EditPanel
                    zones={ws.currentMetrics.zones}
                    selectedZoneId={ws.selectedZoneId}
                    history={ws.history}
                    checks={ws.checks}
                    painting={painting}
                    tool={tool}
                    onTool={setTool}
                    onPaint={setPainting}
                    lastSelection={lastSelection}
                    onEdit={edit}
                    onUndoRedo={undoRedo}
                    bands={ws.model?.bands ?? []}
                    colourBy={redrawColours}
                    onColourBy={setRedrawColours}
                    bandNotice={bandNotice}
                  />
                )}
                {tab === 'scenarios' && ws.model && (
                  <ScenariosPanel
                    settings={ws.model.settings}
                    onChanged={async () => void (await ws.refresh())}
                    onError={showError}
                    zones={ws.currentMetrics?.zones ?? []}
                    proposeLocks={proposeLocks}
                    onProposeLocks={setProposeLocks}
                    onToggleLock={toggleProposeLock}
                  />
                )}
                {tab === 'withdrawal' && (
                  <WithdrawalPanel
                    providers={ws.providers}
                    result={ws.withdrawal}
                    busy={working}
                    onSimulate={(id, cut) => void ws.simulate(id, cut)}
                    onClear={ws.clearWithdrawal}
                    onExport={() => ws.withdrawal && setExporting({ kind: 'map', format: 'pdf', withdrawal: true, providerId: ws.withdrawal.providerId, cutPercent: ws.withdrawal.cutPercent })}
                  />
                )}
                {tab === 'time' && ws.model && (
                  <OverTimePanel
                    app={state.app}
                    trend={ws.trend}
                    month={ws.month}
                    onMonth={ws.setMonth}
                    providers={ws.providers}
                    settings={ws.model.settings}
                    onExportUpdate={() => setExporting({ kind: 'update-report', format: 'pdf' })}
                    onChanged={async () => void (await ws.refresh())}
                    onError={showError}
                  />
                )}
                {tab === 'costs' && <CostsPanel onError={showError} />}
                {tab === 'settings' && ws.model && <SettingsPanel model={ws.model} onSave={ws.saveSettings} />}
              </>
            )}
          </div>
        </aside>
      </main>
      <footer className="attribution-bar">
        {state.project?.isSample ? 'Sample data: providers are fictional and demand is modelled. ' : ''}
        {state.project?.attributions.filter((a) => !/fictional|modelled/.test(a)).join(' ') || ''}
      </footer>
      {/* An import writes through its own connection: reload the project so every view reads it afresh. */}
      {importing && <ImportDialog app={state.app} onClose={() => setImporting(false)} onImported={() => void state.run(async () => {})} />}
      {exporting && <ExportDialog app={state.app} projectName={state.project?.name} withdrawal={ws.withdrawal} lot={ws.lot} initial={typeof exporting === 'object' ? exporting : undefined} onClose={() => setExporting(false)} onError={showError} />}
      {dialog && <ProjectFileDialog purpose={dialog} recent={state.recent} onSubmit={(path) => perform(dialog, path)} onCancel={() => setDialog(null)} />}
    </div>
  );
}
