import { useId, useState } from 'react';
import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import { WEIGHT_PRESETS, type WeightPreset } from '../../../shared/optimise/objective';
import type { ProposalJob, ProposalReport, ProposalRequest, ProposalTerms } from '../../../shared/optimise/schemas';
import { hours } from '../../../shared/format';
import { api } from '../api';

interface Props {
  /** The starting plan's name and zones. */
  from: string;
  zones: readonly Pick<ZoneMetrics, 'zoneId' | 'name'>[];
  /** Zones to keep as they are: ticked here or clicked on the map. */
  locks: ReadonlySet<string>;
  onToggleLock(zoneId: string): void;
  existingNames: readonly string[];
  /** A proposal was written as a new plan. */
  onProposed(report: ProposalReport): void;
  onClose(): void;
}

const POLL_MS = 150;
const PRESET_LABELS: Record<WeightPreset, string> = {
  balanced: 'Balanced',
  'cover-first': 'Cover first',
  'least-disruption': 'Least disruption',
  compact: 'Compact zones',
};
const EFFORT_LABELS = { quick: 'Quick look', normal: 'Normal', thorough: 'Thorough (for the committee version)' } as const;

const TERM_ROWS: [keyof ProposalTerms, string, (x: number) => string][] = [
  ['shortfallHours', 'Hours short a week (per lot)', hours],
  ['fragileZones', 'Fragile zones', String],
  ['compactness', 'Borders cut between zones', String],
  ['mixedZones', 'Zones mixing rural and urban', String],
  ['areasMoved', 'Areas moved', String],
  ['peopleMoved', 'People in areas moved', (x) => Math.round(x).toLocaleString('en-GB')],
  ['objective', 'Objective (lower is better)', (x) => x.toFixed(2)],
];

/**
 * "Propose zones…": the optimiser's choices (zones, locks, a weight preset,
 * effort, a time limit, the seed), its progress with the best objective so
 * far and Cancel, then its report. The proposal is a new plan: nothing in the
 * starting plan changes, so there is nothing to undo.
 */
export function ProposePanel({ from, zones, locks, onToggleLock, existingNames, onProposed, onClose }: Props) {
  const id = useId();
  const free = (n: number): string => (existingNames.some((x) => x.toLowerCase() === `proposal ${n}`) ? free(n + 1) : `Proposal ${n}`);
  const [name, setName] = useState(() => free(1));
  const [count, setCount] = useState(String(zones.length));
  const [preset, setPreset] = useState<WeightPreset>('balanced');
  const [effort, setEffort] = useState<keyof typeof EFFORT_LABELS>('normal');
  const [timeLimit, setTimeLimit] = useState('60');
  const [seed, setSeed] = useState('1');
  const [job, setJob] = useState<{ id: string; state: ProposalJob } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<ProposalReport | null>(null);
  const running = job?.state.state === 'running';
  const taken = existingNames.some((x) => x.toLowerCase() === name.trim().toLowerCase());

  async function start() {
    setError(null);
    setReport(null);
    const request: ProposalRequest = {
      from,
      name: name.trim(),
      zones: Number(count),
      lock: [...locks],
      preset,
      effort,
      seed: Number(seed),
      timeLimitSeconds: Number(timeLimit),
    };
    try {
      const { jobId } = await api.startProposal({ request });
      let state = await api.getProposalJob({ jobId });
      setJob({ id: jobId, state });
      while (state.state === 'running') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        state = await api.getProposalJob({ jobId });
        setJob({ id: jobId, state });
      }
      if (state.state === 'done' && state.result) {
        setReport(state.result);
        setName(free(2));
        onProposed(state.result);
      } else if (state.state === 'failed') setError(state.error?.message ?? 'The proposal failed.');
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const countValid = /^\d+$/.test(count) && Number(count) >= 1;
  const limitValid = Number(timeLimit) > 0;
  return (
    <section className="propose" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Propose zones from “{from}”</h3>
      <form className="form" onSubmit={(e) => (e.preventDefault(), void start())}>
        <div className="field">
          <label htmlFor={`${id}-name`}>New scenario</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} disabled={running} aria-invalid={taken} />
        </div>
        {taken && <p className="form__problems">There is already a plan called “{name.trim()}”.</p>}
        <div className="field">
          <label htmlFor={`${id}-count`}>Zones</label>
          <input id={`${id}-count`} type="number" min={1} value={count} onChange={(e) => setCount(e.target.value)} disabled={running} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-preset`}>Weigh</label>
          <select id={`${id}-preset`} value={preset} onChange={(e) => setPreset(e.target.value as WeightPreset)} disabled={running}>
            {(Object.keys(WEIGHT_PRESETS) as WeightPreset[]).map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
          </select>
        </div>
        <p className="hint">
          Weights: hours short {WEIGHT_PRESETS[preset].shortfall}, fragility {WEIGHT_PRESETS[preset].fragility}, compactness {WEIGHT_PRESETS[preset].compactness}, rural–urban mix {WEIGHT_PRESETS[preset].coherence}, disruption {WEIGHT_PRESETS[preset].disruption}.
        </p>
        <div className="field">
          <label htmlFor={`${id}-effort`}>Search</label>
          <select id={`${id}-effort`} value={effort} onChange={(e) => setEffort(e.target.value as keyof typeof EFFORT_LABELS)} disabled={running}>
            {(Object.keys(EFFORT_LABELS) as (keyof typeof EFFORT_LABELS)[]).map((k) => (
              <option key={k} value={k}>
                {EFFORT_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-limit`}>Stop after (seconds)</label>
          <input id={`${id}-limit`} type="number" min={1} value={timeLimit} onChange={(e) => setTimeLimit(e.target.value)} disabled={running} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-seed`}>Seed</label>
          <input id={`${id}-seed`} type="number" min={0} value={seed} onChange={(e) => setSeed(e.target.value)} disabled={running} />
        </div>
        <fieldset className="propose__locks" disabled={running}>
          <legend>Keep these zones as they are ({locks.size} locked): tick them, or click them on the map, where locked zones are outlined with dashes</legend>
          {zones.map((z) => (
            <label key={z.zoneId} className="check">
              <input type="checkbox" checked={locks.has(z.zoneId)} onChange={() => onToggleLock(z.zoneId)} /> {z.name}
            </label>
          ))}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={running || !name.trim() || taken || !countValid || !limitValid}>
            Propose
          </button>
          <button type="button" className="button" onClick={onClose} disabled={running}>
            Close
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {running && job && (
          <div className="import__progress" role="status">
            <span>
              {job.state.step} — {Math.round((job.state.fraction ?? 0) * 100)}%
              {job.state.bestObjective !== null && ` · best objective so far ${job.state.bestObjective.toFixed(2)}`}
              {job.state.startObjective !== null && ` (the starting plan: ${job.state.startObjective.toFixed(2)})`}
            </span>
            <progress max={1} value={job.state.fraction ?? 0} aria-label="Proposal progress" />
            <button type="button" className="button" onClick={() => void api.cancelProposal({ jobId: job.id })}>
              Cancel
            </button>
          </div>
        )}
        {job?.state.state === 'cancelled' && <p role="status">Cancelled. No plan was written.</p>}
        {error && (
          <p className="form__problems" role="alert">
            {error}
          </p>
        )}
        {report && <ProposalSummary report={report} />}
      </div>
    </section>
  );
}

function ProposalSummary({ report }: { report: ProposalReport }) {
  return (
    <div className="propose__report" role="status">
      <p className="saved">
        Wrote the scenario “{report.plan}” ({report.zones} zones, seed {report.seed}, {report.seconds.toFixed(1)} s{report.stoppedBy === 'time' ? ', stopped at the time limit' : ''}). {report.summary}
      </p>
      {!report.bounds.kept && <p className="form__problems">Some zones are outside the demand bounds ({hours(report.bounds.minDemandHours)}–{report.bounds.maxDemandHours === null ? '∞' : hours(report.bounds.maxDemandHours)} hours a week).</p>}
      <table className="compact">
        <thead>
          <tr>
            <th scope="col">Term</th>
            <th scope="col" className="num">
              {report.from}
            </th>
            <th scope="col" className="num">
              {report.plan}
            </th>
          </tr>
        </thead>
        <tbody>
          {TERM_ROWS.map(([key, label, show]) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="num">{show(report.before[key])}</td>
              <td className="num">{show(report.after[key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Zones changed: {report.zoneChanges.filter((z) => z.status !== 'kept' && z.status !== 'locked').length} of {report.zoneChanges.length}
        {report.zoneChanges.some((z) => z.status === 'merged') && ` (merged: ${report.zoneChanges.filter((z) => z.status === 'merged').map((z) => z.name).join(', ')})`}
        {report.zoneChanges.some((z) => z.status === 'new') && ` (new: ${report.zoneChanges.filter((z) => z.status === 'new').map((z) => z.name).join(', ')})`}.
      </p>
    </div>
  );
}
