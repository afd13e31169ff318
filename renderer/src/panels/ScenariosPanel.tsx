import { useCallback, useEffect, useId, useState } from 'react';
import { useLatest } from '../components/use-latest';
import type { PlanSummary } from '../../../shared/api/contract';
import { api } from '../api';
import { hours, millions, percent } from '../../../shared/format';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import type { Settings } from '../../../shared/domain/types';
import { ProposePanel } from './ProposePanel';
import { CompareMaps } from './CompareMaps';

interface Props {
  onChanged(): Promise<void>;
  onError(message: string): void;
  /** The current plan's zones, to lock for a proposal. */
  zones: readonly ZoneMetrics[];
  /** The zones locked for a proposal, or null while "Propose zones…" is closed. */
  proposeLocks: ReadonlySet<string> | null;
  onProposeLocks(locks: Set<string> | null): void;
  onToggleLock(zoneId: string): void;
  settings: Settings;
}

type Comparison = Awaited<ReturnType<typeof api.comparePlans>>;

const money = (measure: string) => /£/.test(measure);
/** A zone's figure in plan A and plan B: one value when they agree, "a → b" when not, "—" where a plan lacks the zone. */
const pair = <T,>(a: T | null, b: T | null, show: (x: T) => string) => {
  const x = a === null ? '—' : show(a);
  const y = b === null ? '—' : show(b);
  return x === y ? x : `${x} → ${y}`;
};

/** Scenarios: duplicate, rename, switch, delete (with confirmation) and compare plans; plan CSV files. */
export function ScenariosPanel({ onChanged, onError, zones, proposeLocks, onProposeLocks, onToggleLock, settings }: Props) {
  const id = useId();
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [copyName, setCopyName] = useState('');
  /** The plan just duplicated, offered to switch to. */
  const [copied, setCopied] = useState<string | null>(null);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [comparison, setComparison] = useState<Comparison | null>(null);
  /** The two plans shown side by side on live maps, or null. */
  const [maps, setMaps] = useState<[string, string] | null>(null);

  const current = plans.find((p) => p.isCurrent);

  const reportError = useLatest(onError);
  const load = useCallback(() => api.listPlans({}).then(setPlans, (e: Error) => reportError.current(e.message)), [reportError]);
  useEffect(() => void load(), [load]);

  async function act(action: () => Promise<unknown>) {
    try {
      await action();
      await load();
      await onChanged();
    } catch (e) {
      onError((e as Error).message);
    }
  }

  /** A proposal is written as a new plan: list it and open it beside the starting plan in Compare. */
  async function proposed(from: string, plan: string) {
    await load();
    setA(from);
    setB(plan);
    try {
      setComparison(await api.comparePlans({ a: from, b: plan }));
      setMaps([from, plan]);
    } catch (e) {
      onError((e as Error).message);
    }
  }

  async function downloadCsv() {
    const { csv } = await api.exportPlanCsv({});
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    link.download = `${current?.name ?? 'plan'}.csv`;
    link.click();
  }

  return (
    <section className="scenarios" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Scenarios</h2>
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id} className={p.isCurrent ? 'selected' : ''}>
              <th scope="row">
                {p.name}
                {p.isCurrent && <span className="muted"> (current)</span>}
              </th>
              <td>
                {!p.isCurrent && (
                  <button type="button" className="link-button" onClick={() => void act(() => api.switchPlan({ name: p.name }))}>
                    Switch to
                  </button>
                )}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    const newName = window.prompt(`New name for "${p.name}"`, p.name);
                    if (newName && newName.trim() !== p.name) void act(() => api.renamePlan({ name: p.name, newName: newName.trim() }));
                  }}
                >
                  Rename
                </button>{' '}
                <button
                  type="button"
                  className="link-button"
                  disabled={plans.length === 1}
                  onClick={() => window.confirm(`Delete the plan "${p.name}"? Its zones and edits go with it.`) && void act(() => api.deletePlan({ name: p.name, confirm: true }))}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const name = copyName.trim();
          if (name) void act(async () => (await api.copyPlan({ from: 'current', name }), setCopyName(''), setCopied(name)));
        }}
      >
        <label htmlFor={`${id}-copy`}>Duplicate the current plan as</label>
        <input id={`${id}-copy`} value={copyName} onChange={(e) => setCopyName(e.target.value)} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={!copyName.trim()}>
            Duplicate
          </button>
          <button type="button" className="button" onClick={() => void downloadCsv()}>
            Export plan CSV
          </button>
          {!proposeLocks && (
            <button type="button" className="button" disabled={!current || zones.length === 0} onClick={() => onProposeLocks(new Set())}>
              Propose zones…
            </button>
          )}
        </div>
      </form>
      {copied && plans.some((p) => p.name === copied && !p.isCurrent) && (
        <p role="status" className="saved">
          Duplicated as “{copied}”.{' '}
          <button type="button" className="link-button" onClick={() => void act(async () => (await api.switchPlan({ name: copied }), setCopied(null)))}>
            Switch to it
          </button>{' '}
          to edit the copy; the current plan stays as it is.
        </p>
      )}
      {proposeLocks && current && (
        <ProposePanel
          from={current.name}
          zones={zones}
          locks={proposeLocks}
          onToggleLock={onToggleLock}
          existingNames={plans.map((p) => p.name)}
          onProposed={(report) => void proposed(report.from, report.plan)}
          onClose={() => onProposeLocks(null)}
        />
      )}

      <h3>Compare two plans</h3>
      <form className="form" onSubmit={(e) => (e.preventDefault(), a && b && void api.comparePlans({ a, b }).then(setComparison, (err: Error) => onError(err.message)))}>
        <div className="field field--wide">
          <label htmlFor={`${id}-a`}>Plan A</label>
          <select id={`${id}-a`} value={a} onChange={(e) => setA(e.target.value)}>
            <option value="">Choose</option>
            {plans.map((p) => (
              <option key={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <div className="field field--wide">
          <label htmlFor={`${id}-b`}>Plan B</label>
          <select id={`${id}-b`} value={b} onChange={(e) => setB(e.target.value)}>
            <option value="">Choose</option>
            {plans.map((p) => (
              <option key={p.id}>{p.name}</option>
            ))}
          </select>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={!a || !b || a === b}>
            Compare
          </button>
        </div>
      </form>
      {comparison && (
        <>
          <table className="compact comparison">
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col" className="num">{comparison.a}</th>
                <th scope="col" className="num">{comparison.b}</th>
                <th scope="col" className="num">Difference</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((r) => (
                <tr key={r.measure}>
                  <th scope="row">{r.measure}</th>
                  <td className="num">{money(r.measure) ? millions(r.a) : hours(r.a)}</td>
                  <td className="num">{money(r.measure) ? millions(r.b) : hours(r.b)}</td>
                  <td className="num">{money(r.measure) ? millions(r.difference) : hours(r.difference)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Areas that changed zone</th>
                <td />
                <td />
                <td className="num">{comparison.areasMoved.length}</td>
              </tr>
            </tbody>
          </table>
          <div className="form__actions">
            <button type="button" className="button" onClick={() => setMaps([comparison.a, comparison.b])}>
              Show both maps side by side
            </button>
          </div>
          <h4>Zone by zone</h4>
          <table className="compact comparison-zones">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col" className="num">Areas</th>
                <th scope="col" className="num">Coverage</th>
                <th scope="col" className="num">Hours short</th>
              </tr>
            </thead>
            <tbody>
              {comparison.zones.map((z) => (
                <tr key={z.zoneId}>
                  <th scope="row">{z.nameA === z.nameB || !z.nameA || !z.nameB ? (z.nameB ?? z.nameA) : `${z.nameA} → ${z.nameB}`}</th>
                  <td className="num">{pair(z.areasA, z.areasB, String)}</td>
                  <td className="num">{pair(z.coverageA, z.coverageB, percent)}</td>
                  <td className="num">{pair(z.shortA, z.shortB, hours)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {comparison.areasMoved.length > 0 && (
            <>
              <h4>Areas that changed zone</h4>
              <ul className="moved">
                {comparison.areasMoved.slice(0, 500).map((m) => (
                  <li key={m.areaCode}>
                    <span title={m.areaCode}>{m.areaName}</span>: {m.fromZoneName ?? 'no zone'} → {m.toZoneName ?? 'no zone'}
                  </li>
                ))}
              </ul>
              {comparison.areasMoved.length > 500 && <p className="hint">and {comparison.areasMoved.length - 500} more (export the plan CSV for the full list).</p>}
            </>
          )}
        </>
      )}
      {maps && (
        <CompareMaps names={maps} settings={settings} onClose={() => setMaps(null)} onError={onError} />
      )}
    </section>
  );
}

