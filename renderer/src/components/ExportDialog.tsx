import { useEffect, useId, useState } from 'react';
import { useModal } from './use-modal';
import type { ExportRequestInput } from '../../../shared/export/request';
import { EXPORT_FORMATS } from '../../../shared/export/formats';
import type { AppInfo } from '../../../shared/api/contract';
import { api } from '../api';
import { exportToFile } from '../export-file';
import { LOT_FILTERS, type LotFilter } from '../../../shared/coverage/supply';
import { LOT_LABELS } from '../../../shared/format';

type Kind = keyof typeof EXPORT_FORMATS;
const KIND_LABELS: Record<Kind, string> = { map: 'Coverage map', table: 'Table', zones: 'Zones (GIS)', areas: 'Areas (GIS)', 'update-report': 'Update report' };

interface Props {
  app: AppInfo | null;
  /** The project's name, for the file's name when the export has no title. */
  projectName?: string;
  /** The lot on screen: the export's figures start from it. */
  lot?: LotFilter;
  onClose(): void;
  onError(message: string): void;
  /** Choices to start from instead of the project's last ones (the Over time tab opens the update report). */
  initial?: Partial<ExportRequestInput>;
  /** The withdrawal the map shows, if any: the map and a table can be exported as they stand after it. */
  withdrawal?: { providerId: string; providerName: string; cutPercent: number } | null;
}

const DEFAULTS: ExportRequestInput = { kind: 'map', format: 'pdf', paper: 'a4', orientation: 'landscape', dpi: 300, includeFlaggedTable: true, suppressSmallNumbers: true };

/** File → Export…: a preview of the map layout, its options, and the file. Starts from this project's last choices. */
export function ExportDialog({ app, projectName, lot = 'all', onClose, onError, initial, withdrawal = null }: Props) {
  const id = useId();
  const modal = useModal<HTMLDivElement>(onClose);
  const [choice, setChoice] = useState<ExportRequestInput>({ ...DEFAULTS, lot });
  const [preview, setPreview] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [scenarios, setScenarios] = useState<string[]>([]);
  const [months, setMonths] = useState<string[]>([]);

  // The choices it was opened with (a parent's new object on each render must not reset what the user has chosen since).
  const [opening] = useState(initial);
  useEffect(() => {
    api
      .getExportChoices({})
      .then(({ choices }) => setChoice({ ...DEFAULTS, ...((choices ?? {}) as Partial<ExportRequestInput>), lot, withdrawal: false, date: undefined, ...opening }))
      .catch(() => undefined);
  }, [lot, opening]);

  useEffect(() => {
    api.getCosts({}).then((r) => setScenarios(r.scenarios), () => undefined);
    api.listSnapshots({}).then((list) => setMonths(list.map((m) => m.month)), () => undefined);
  }, []);

  // The update report runs from a month held to a later one: by default the last quarter held.
  useEffect(() => {
    if (choice.kind !== 'update-report' || months.length < 2) return;
    if (choice.from && choice.to && months.includes(choice.from) && months.includes(choice.to)) return;
    const to = months.at(-1)!;
    setChoice((c) => ({ ...c, to, from: months[Math.max(0, months.length - 4)] }));
  }, [choice.kind, choice.from, choice.to, months]);

  useEffect(() => {
    if (choice.kind !== 'map') return setPreview(null);
    let live = true;
    const timer = setTimeout(() => {
      api
        .previewMap({ request: { ...choice, format: 'svg', costs: false } })
        .then(({ svg }) => live && setPreview(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
        .catch((e: Error) => live && onError(e.message));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [choice, onError]);

  const set = (patch: Partial<ExportRequestInput>) => {
    setDone(null);
    // The costs page is a second page of a PDF only.
    setChoice((c) => {
      const next = { ...c, ...patch };
      return next.kind === 'map' && next.format === 'pdf' ? next : { ...next, costs: false };
    });
  };

  async function save() {
    setBusy(true);
    try {
      const said = await exportToFile(app, choice, projectName);
      if (said) setDone(said);
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const kind = choice.kind as Kind;
  return (
    <div className="dialog-backdrop" onKeyDown={modal.onKeyDown}>
      <div className="dialog dialog--wide" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} ref={modal.ref} tabIndex={-1}>
        <h2 id={`${id}-title`}>Export</h2>
        <div className="export">
          <form className="form export__options" onSubmit={(e) => (e.preventDefault(), void save())}>
            <label htmlFor={`${id}-kind`}>What</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => set({ kind: e.target.value as Kind, format: EXPORT_FORMATS[e.target.value as Kind][0] })}>
              {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-format`}>Format</label>
            <select id={`${id}-format`} value={choice.format} onChange={(e) => set({ format: e.target.value as ExportRequestInput['format'] })}>
              {EXPORT_FORMATS[kind].map((f) => (
                <option key={f} value={f}>
                  {f.toUpperCase()}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-lot`}>Lot</label>
            <select id={`${id}-lot`} value={choice.lot ?? 'all'} onChange={(e) => set({ lot: e.target.value as LotFilter })}>
              {LOT_FILTERS.map((l) => (
                <option key={l} value={l}>
                  {LOT_LABELS[l]}
                </option>
              ))}
            </select>
            {kind === 'update-report' && (
              <>
                <label htmlFor={`${id}-from`}>Since (the last report)</label>
                <select id={`${id}-from`} value={choice.from ?? ''} onChange={(e) => set({ from: e.target.value })}>
                  {months.slice(0, -1).map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
                <label htmlFor={`${id}-to`}>Up to</label>
                <select id={`${id}-to`} value={choice.to ?? ''} onChange={(e) => set({ to: e.target.value })}>
                  {months.slice(1).map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
                {months.length < 2 && <p className="form__problems">The update report needs at least two months of returns: import them first.</p>}
              </>
            )}
            {withdrawal && (kind === 'map' || kind === 'table') && (
              <label className="check">
                <input
                  type="checkbox"
                  checked={kind === 'map' ? Boolean(choice.withdrawal) : choice.table === 'withdrawal'}
                  onChange={(e) =>
                    set(
                      kind === 'map'
                        ? { withdrawal: e.target.checked, providerId: e.target.checked ? withdrawal.providerId : undefined, cutPercent: e.target.checked ? withdrawal.cutPercent : undefined }
                        : { table: e.target.checked ? 'withdrawal' : 'zones', providerId: e.target.checked ? withdrawal.providerId : undefined, cutPercent: e.target.checked ? withdrawal.cutPercent : undefined },
                    )
                  }
                />{' '}
                {kind === 'map' ? 'The map after' : 'The table of what changes after'} {withdrawal.providerName} {withdrawal.cutPercent === 100 ? 'withdraws' : `cuts ${withdrawal.cutPercent}% of its hours`}
              </label>
            )}
            {kind === 'map' && (
              <>
                <label htmlFor={`${id}-title-field`}>Title</label>
                <input id={`${id}-title-field`} value={choice.title ?? ''} placeholder="Project name" onChange={(e) => set({ title: e.target.value })} />
                <label htmlFor={`${id}-subtitle`}>Subtitle</label>
                <input id={`${id}-subtitle`} value={choice.subtitle ?? ''} placeholder="Plan name and today's date" onChange={(e) => set({ subtitle: e.target.value })} />
                <label htmlFor={`${id}-paper`}>Paper</label>
                <select id={`${id}-paper`} value={choice.paper} onChange={(e) => set({ paper: e.target.value as 'a4' | 'a3' })}>
                  <option value="a4">A4</option>
                  <option value="a3">A3</option>
                </select>
                <label htmlFor={`${id}-orientation`}>Orientation</label>
                <select id={`${id}-orientation`} value={choice.orientation} onChange={(e) => set({ orientation: e.target.value as 'landscape' | 'portrait' })}>
                  <option value="landscape">Landscape</option>
                  <option value="portrait">Portrait</option>
                </select>
                {choice.format === 'png' && (
                  <>
                    <label htmlFor={`${id}-dpi`}>Resolution</label>
                    <select id={`${id}-dpi`} value={choice.dpi} onChange={(e) => set({ dpi: Number(e.target.value) as 150 | 300 | 600 })}>
                      <option value={150}>150 dpi</option>
                      <option value={300}>300 dpi</option>
                      <option value={600}>600 dpi</option>
                    </select>
                  </>
                )}
                <label className="check">
                  <input type="checkbox" checked={choice.includeFlaggedTable ?? true} onChange={(e) => set({ includeFlaggedTable: e.target.checked })} /> Table of flagged zones
                </label>
                {choice.format === 'pdf' && (
                  <>
                    <label className="check">
                      <input type="checkbox" checked={choice.costs ?? false} onChange={(e) => set({ costs: e.target.checked })} /> Add the costs page (the term's budget and the rates)
                    </label>
                    {choice.costs && scenarios.length > 1 && (
                      <>
                        <label htmlFor={`${id}-cost-scenario`}>Priced under</label>
                        <select id={`${id}-cost-scenario`} value={choice.costScenario ?? scenarios[0]} onChange={(e) => set({ costScenario: e.target.value })}>
                          {scenarios.map((s) => (
                            <option key={s}>{s}</option>
                          ))}
                        </select>
                      </>
                    )}
                  </>
                )}
              </>
            )}
            <label className="check">
              <input type="checkbox" checked={choice.suppressSmallNumbers ?? true} onChange={(e) => set({ suppressSmallNumbers: e.target.checked })} /> Hide counts of people below 5, and figures that would give them away (small-number care)
            </label>
            <div className="form__actions">
              <button type="button" className="button button--quiet" onClick={onClose}>
                Close
              </button>
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? 'Exporting…' : 'Export'}
              </button>
            </div>
            {done && (
              <p role="status" className="saved">
                {done}
              </p>
            )}
          </form>
          <div className="export__preview" aria-label="Preview">
            {kind === 'map' ? preview ? <img src={preview} alt="Preview of the exported map layout" /> : <p>Preparing the preview…</p> : <p>{kind === 'update-report' ? 'The update report: the headline trend, zones that got worse or better and why, what happened on the framework, the transition and the re-opening brief.' : 'Tables and GIS files have no preview: they hold the figures shown in the zone table.'}</p>}
          </div>
        </div>
      </div>
    </div>
  );
}
