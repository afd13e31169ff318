import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useLatest } from './use-latest';
import type { AppInfo } from '../../../shared/api/contract';
import { IMPORT_KINDS, isBoundaryKind, KIND_LABELS, TABLE_FIELDS, type ImportKind, type TableKind } from '../../../shared/import/kinds';
import type { ImportJob, ImportPreview, ImportRequest, ImportResult } from '../../../shared/import/request';
import { api, stageFile } from '../api';
import { useModal } from './use-modal';

interface Props {
  app: AppInfo | null;
  onClose(): void;
  /** Called after an import has written to the project, so the workspace redraws. */
  onImported(result: ImportResult): void;
}

type Options = Omit<ImportRequest, 'kind' | 'file' | 'fileName' | 'expectSha256'>;

const POLL_MS = 150;
const CRS_CHOICES = [
  ['', 'As the file says (or WGS84)'],
  ['EPSG:27700', 'British National Grid (EPSG:27700)'],
  ['EPSG:4326', 'WGS84 longitude/latitude (EPSG:4326)'],
  ['EPSG:3857', 'Web Mercator (EPSG:3857)'],
] as const;

/**
 * File → Import…: choose what the file holds, drop or pick it, check the
 * preview (counts, problems, a small map or the first rows, and the column
 * mapping), then import. Checking and importing run in a worker on the host,
 * with progress and a Cancel button; nothing is written until Import is pressed.
 */
export function ImportDialog({ app, onClose, onImported }: Props) {
  const id = useId();
  const [kind, setKind] = useState<ImportKind>('providers');
  const [file, setFile] = useState<{ path: string; fileName: string } | null>(null);
  const [typedPath, setTypedPath] = useState('');
  const [options, setOptions] = useState<Options>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [job, setJob] = useState<{ id: string; state: ImportJob; mode: 'preview' | 'import' } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const running = job?.state.state === 'running';
  const modal = useModal<HTMLDivElement>(onClose, () => !running);

  const imported = useLatest(onImported);
  const run = useCallback(async (mode: 'preview' | 'import', request: ImportRequest) => {
    setError(null);
    if (mode === 'preview') setResult(null);
    try {
      const { jobId } = await api.startImport({ request, mode });
      let state = await api.getImportJob({ jobId });
      setJob({ id: jobId, state, mode });
      while (state.state === 'running') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        state = await api.getImportJob({ jobId });
        setJob({ id: jobId, state, mode });
      }
      if (state.state === 'done') {
        setPreview(state.preview);
        if (state.result) {
          setResult(state.result);
          imported.current(state.result);
        }
      } else if (state.state === 'failed') {
        setError(state.error?.message ?? 'The import failed.');
        if (mode === 'preview') setPreview(null);
      }
    } catch (e) {
      setError((e as Error).message);
    }
  }, [imported]);

  // Every change of file, kind or option checks the file again.
  useEffect(() => {
    if (!file) return;
    void run('preview', { kind, file: file.path, fileName: file.fileName, ...options });
  }, [file, kind, options, run]);

  async function choose(picked: File | undefined) {
    if (!picked) return;
    setError(null);
    setPreview(null);
    setOptions({});
    try {
      setFile(await stageFile(picked));
    } catch (e) {
      setError(`${picked.name}: ${(e as Error).message}`);
    }
  }

  function setOption(patch: Partial<Options>) {
    setOptions((o) => Object.fromEntries(Object.entries({ ...o, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as Options);
  }

  const canImport = Boolean(file && preview && !running && !preview.blocked);
  const unit = preview && isBoundaryKind(preview.kind) ? 'feature' : 'row';
  const errors = preview?.problems.filter((p) => p.severity === 'error').length ?? 0;

  return (
    <div className="dialog-backdrop" onKeyDown={modal.onKeyDown}>
      <div className="dialog dialog--wide import" role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} ref={modal.ref} tabIndex={-1}>
        <h2 id={`${id}-title`}>Import</h2>
        <div className="import__body">
          <div className="form import__options">
            <label htmlFor={`${id}-kind`}>The file holds</label>
            <select id={`${id}-kind`} value={kind} disabled={running} onChange={(e) => (setKind(e.target.value as ImportKind), setOptions({}))}>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <div
              className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
              onDragOver={(e) => (e.preventDefault(), setDragging(true))}
              onDragLeave={() => setDragging(false)}
              onDrop={(e) => (e.preventDefault(), setDragging(false), void choose(e.dataTransfer.files[0]))}
            >
              <p>{file ? <strong>{file.fileName}</strong> : 'Drop a file here'}</p>
              <p className="hint">{isBoundaryKind(kind) ? 'GeoJSON, zipped Shapefile, .shp (with its .dbf beside it) or GeoPackage' : 'CSV or Excel workbook (.xlsx)'}</p>
              <button type="button" className="button" disabled={running} onClick={() => inputRef.current?.click()}>
                Choose a file…
              </button>
              <input
                ref={inputRef}
                type="file"
                className="visually-hidden"
                aria-label="File to import"
                accept={isBoundaryKind(kind) ? '.geojson,.json,.topojson,.zip,.shp,.gpkg' : '.csv,.txt,.tsv,.xlsx'}
                onChange={(e) => void choose(e.target.files?.[0])}
              />
            </div>
            {app?.host === 'web' && (
              <form className="import__path" onSubmit={(e) => (e.preventDefault(), typedPath.trim() && (setOptions({}), setFile({ path: typedPath.trim(), fileName: typedPath.trim().split(/[\\/]/).pop()! })))}>
                <label htmlFor={`${id}-path`}>Or the path of a file on this computer</label>
                <div className="import__path-row">
                  <input id={`${id}-path`} type="text" value={typedPath} onChange={(e) => setTypedPath(e.target.value)} placeholder="/home/me/providers.csv" />
                  <button type="submit" className="button" disabled={running || !typedPath.trim()}>
                    Check
                  </button>
                </div>
              </form>
            )}
            {preview && <ImportOptions id={id} kind={kind} preview={preview} options={options} disabled={running} onChange={setOption} />}
          </div>
          <div className="import__preview" aria-live="polite">
            {running && job && (
              <div className="import__progress" role="status">
                <span>
                  {job.state.step}
                  {job.state.fraction !== null && job.state.fraction < 1 ? ` — ${Math.round(job.state.fraction * 100)}%` : '…'}
                </span>
                <progress max={1} value={job.state.fraction ?? undefined} aria-label="Import progress" />
                <button type="button" className="button" onClick={() => void api.cancelImport({ jobId: job.id })}>
                  Cancel
                </button>
              </div>
            )}
            {job?.state.state === 'cancelled' && <p role="status">Cancelled. Nothing was written to the project.</p>}
            {error && (
              <p className="form__problems" role="alert">
                {error}
              </p>
            )}
            {!preview && !error && !running && <p className="hint">Choose what the file holds and a file. CareCover checks it and shows what it would import before anything is written.</p>}
            {preview && <PreviewPanel preview={preview} unit={unit} />}
            {result && (
              <p role="status" className="saved">
                Imported {result.accepted} {unit}
                {result.accepted === 1 ? '' : 's'} from {result.fileName} ({result.added} new, {result.updated} updated{result.rejected ? `, ${result.rejected} left out` : ''}).
              </p>
            )}
          </div>
        </div>
        <div className="dialog__actions">
          {preview && errors > 0 && preview.accepted > 0 && !preview.problems.some((p) => p.where === 'file') && (
            <label className="check import__skip">
              <input type="checkbox" checked={options.skipBad ?? false} disabled={running} onChange={(e) => setOption({ skipBad: e.target.checked || undefined })} /> Leave out the {preview.rejected} bad {unit}
              {preview.rejected === 1 ? '' : 's'} and import the rest
            </label>
          )}
          <button type="button" className="button button--quiet" disabled={running} onClick={onClose}>
            {result ? 'Close' : 'Cancel'}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!canImport || Boolean(result)}
            onClick={() => file && preview && void run('import', { kind, file: file.path, fileName: file.fileName, ...options, expectSha256: preview.sha256 })}
          >
            {preview && !result ? `Import ${preview.accepted} ${unit}${preview.accepted === 1 ? '' : 's'}` : 'Import'}
          </button>
        </div>
      </div>
    </div>
  );
}

function ImportOptions({ id, kind, preview, options, disabled, onChange }: { id: string; kind: ImportKind; preview: ImportPreview; options: Options; disabled: boolean; onChange(patch: Partial<Options>): void }) {
  const columns = preview.columns;
  return (
    <fieldset className="import__mapping" disabled={disabled}>
      <legend>{isBoundaryKind(kind) ? 'How to read it' : 'Columns'}</legend>
      {preview.layers.length > 1 && (
        <>
          <label htmlFor={`${id}-layer`}>{preview.format === 'xlsx' ? 'Sheet' : 'Layer'}</label>
          <select id={`${id}-layer`} value={preview.layer ?? ''} onChange={(e) => onChange(preview.format === 'xlsx' ? { sheet: e.target.value } : { layer: e.target.value })}>
            {preview.layers.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </>
      )}
      {isBoundaryKind(kind) ? (
        <>
          <label htmlFor={`${id}-idf`}>Id property</label>
          <select id={`${id}-idf`} value={preview.idField ?? ''} onChange={(e) => onChange({ idField: e.target.value })}>
            {!preview.idField && <option value="">Choose…</option>}
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <label htmlFor={`${id}-namef`}>Name property</label>
          <select id={`${id}-namef`} value={preview.nameField ?? ''} onChange={(e) => onChange({ nameField: e.target.value || undefined })}>
            <option value="">(use the id)</option>
            {columns.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <label htmlFor={`${id}-crs`}>Coordinate system</label>
          <select id={`${id}-crs`} value={options.crs ?? ''} onChange={(e) => onChange({ crs: e.target.value || undefined })}>
            {CRS_CHOICES.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <label className="check">
            <input type="checkbox" checked={options.repair ?? false} onChange={(e) => onChange({ repair: e.target.checked || undefined })} /> Repair what can be repaired safely (close rings, untangle crossings, swap latitude/longitude back)
          </label>
          {kind === 'zones' && (
            <>
              <label htmlFor={`${id}-plan`}>New plan's name</label>
              <input id={`${id}-plan`} type="text" defaultValue={preview.plan ?? ''} onBlur={(e) => onChange({ plan: e.target.value.trim() || undefined })} />
            </>
          )}
        </>
      ) : (
        <>
        {kind === 'returns' && (
          <div className="field">
            <label htmlFor={`${id}-month`}>Month of the return (when the file has no month column)</label>
            <input id={`${id}-month`} type="month" defaultValue={options.month ?? ''} onBlur={(e) => onChange({ month: e.target.value || undefined })} />
          </div>
        )}
        {TABLE_FIELDS[kind as TableKind].map((field) => (
          <div className="field" key={field.key}>
            <label htmlFor={`${id}-map-${field.key}`}>
              {field.label}
              {field.required ? ' *' : ''}
            </label>
            <select
              id={`${id}-map-${field.key}`}
              value={preview.mapping?.[field.key] ?? ''}
              onChange={(e) => onChange({ mapping: { ...(preview.mapping ?? {}), [field.key]: e.target.value || null } })}
            >
              <option value="">(none)</option>
              {columns.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </div>
        ))}
        </>
      )}
    </fieldset>
  );
}

function PreviewPanel({ preview, unit }: { preview: ImportPreview; unit: string }) {
  const plural = (n: number, word: string) => `${n.toLocaleString('en-GB')} ${word}${n === 1 ? '' : 's'}`;
  return (
    <div className="import__summary">
      <p>
        <strong>{preview.fileName}</strong> — {preview.format.toUpperCase()}, {preview.detail}
      </p>
      <ul className="import__counts">
        <li>{plural(preview.total, unit)} read</li>
        <li>
          {plural(preview.accepted, unit)} to import ({preview.added.toLocaleString('en-GB')} new, {preview.updated.toLocaleString('en-GB')} updated)
        </li>
        {preview.rejected > 0 && <li className="import__bad">{plural(preview.rejected, unit)} with problems</li>}
        {preview.plan && <li>Plan: {preview.plan}</li>}
      </ul>
      {preview.blocked && (
        <p className="form__problems" role="alert">
          Not ready to import: {preview.blocked}
        </p>
      )}
      {preview.outline && (
        <svg className="import__map" viewBox="0 0 320 240" role="img" aria-label="Map preview of the boundaries to import">
          <path d={preview.outline} />
        </svg>
      )}
      {preview.sample.rows.length > 0 && (
        <table className="table import__sample">
          <caption>First {preview.sample.rows.length} {unit}s</caption>
          <thead>
            <tr>
              {preview.sample.headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.problems.length > 0 && (
        <table className="table import__problems">
          <caption>
            {plural(preview.problemCount, 'note')}
            {preview.problemCount > preview.problems.length ? ` (first ${preview.problems.length} shown)` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {preview.problems.map((p, i) => (
              <tr key={i} className={`import__problem import__problem--${p.severity}`}>
                <td>{p.where}</td>
                <td>
                  {p.severity === 'error' ? '' : `${p.severity === 'repaired' ? 'Repaired' : 'Note'}: `}
                  {p.problem}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
