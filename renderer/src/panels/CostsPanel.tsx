import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLatest } from '../components/use-latest';
import { rateChartSpec, termChartSpec } from '../../../shared/costs/charts';
import type { BandCost, CostInputs, CostsReport, ScenarioChange, ScenarioComparison } from '../../../shared/costs/schemas';
import { BASE_SCENARIO, costSentence, savingsSentence, SHORT_LOT_LABELS, yearLabel } from '../../../shared/costs/wording';
import { hours, millions, rate } from '../../../shared/format';
import { api } from '../api';
import { VegaChart } from '../components/VegaChart';

interface Props {
  onError(message: string): void;
}

type Fields = Record<string, string>;
const pct = (x: number) => String(Math.round(x * 10_000) / 100);
const num = (text: string | undefined) => {
  const t = (text ?? '').replace(/[£,%\s]/g, '');
  return t === '' ? NaN : Number(t);
};

/** The scenario's fields: [key, label, unit, is a percentage]. */
const SCENARIO_FIELDS: [string, string, string, boolean][] = [
  ['nlw', 'National Living Wage', '£/h', false],
  ['nlwFrom', 'from', 'date', false],
  ['nlwRise', 'NLW rise each April after', '%', true],
  ['cpi', 'CPI at each fee review (non-pay share, spot)', '%', true],
  ['growth', 'Demand growth a year', '%', true],
  ['spot.home-care', 'Spot rate, home care', '£/h', false],
  ['spot.chc', 'Spot rate, CHC', '£/h', false],
  ['spot.live-in', 'Spot rate, live-in', '£/wk', false],
  ['bids.low', 'Bids land low at (floor = 0%)', '%', true],
  ['bids.mid', 'Bids land mid at', '%', true],
  ['bids.high', 'Bids land high at (ceiling = 100%)', '%', true],
];

const INPUT_FIELDS: [keyof CostInputs, string, string, boolean][] = [
  ['payPremium', 'Pay above the NLW', '%', true],
  ['visitMinutes', 'Average visit', 'min', false],
  ['travelMinutesPerVisit', 'Travel per visit', 'min', false],
  ['niPension', 'NI and pension', '%', true],
  ['otherOnCosts', 'Holiday, sick pay, training, other on-costs', '%', true],
  ['milesPerVisit', 'Miles per visit', 'miles', false],
  ['poundsPerMile', 'Paid per mile', '£', false],
  ['runningCosts', 'Running costs (per contact hour; per week for live-in)', '£', false],
  ['surplus', 'Surplus', '%', true],
  ['paidHoursPerWeek', 'Live-in: paid hours a week', 'h', false],
];

function scenarioFields(r: CostsReport): Fields {
  const s = r.scenario;
  return {
    nlw: s.nlw.toFixed(2),
    nlwFrom: s.nlwFrom,
    nlwRise: pct(s.nlwRise),
    cpi: pct(s.cpi),
    growth: pct(s.growth),
    'spot.home-care': s.spotRates['home-care'].toFixed(2),
    'spot.chc': s.spotRates.chc.toFixed(2),
    'spot.live-in': s.spotRates['live-in'].toFixed(2),
    'bids.low': pct(s.bids.low),
    'bids.mid': pct(s.bids.mid),
    'bids.high': pct(s.bids.high),
  };
}

/** The fields as a change to the saved scenario, or the first field that is not a number. */
function changeOf(fields: Fields): ScenarioChange | string {
  for (const [key, label, unit] of SCENARIO_FIELDS) if (unit !== 'date' && !Number.isFinite(num(fields[key]))) return `${label}: enter a number.`;
  const p = (k: string) => num(fields[k]) / 100;
  return {
    nlw: num(fields.nlw),
    nlwFrom: fields.nlwFrom ?? '',
    nlwRise: p('nlwRise'),
    cpi: p('cpi'),
    growth: p('growth'),
    spotRates: { 'home-care': num(fields['spot.home-care']), chc: num(fields['spot.chc']), 'live-in': num(fields['spot.live-in']) },
    bids: { low: p('bids.low'), mid: p('bids.mid'), high: p('bids.high') },
  };
}

function Field({ id, label, unit, value, onChange }: { id: string; label: string; unit: string; value: string; onChange(v: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field__input">
        {unit.startsWith('£') && <span className="unit">£</span>}
        <input id={id} type={unit === 'date' ? 'date' : 'text'} inputMode={unit === 'date' ? undefined : 'decimal'} value={value} onChange={(e) => onChange(e.target.value)} />
        {unit !== 'date' && unit !== '£' && <span className="unit">{unit.replace(/^£/, '')}</span>}
      </div>
    </div>
  );
}

/** One band's lot: its cost model inputs, editable. */
function InputsEditor({ band, onSave }: { band: BandCost; onSave(inputs: CostInputs): Promise<void> }) {
  const id = useId();
  const [fields, setFields] = useState<Fields>({});
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setFields(Object.fromEntries(INPUT_FIELDS.map(([k, , , isPct]) => [k, isPct ? pct(band.inputs[k]) : String(band.inputs[k])]))), [band]);
  const shown = INPUT_FIELDS.filter(([k]) => (band.unit === 'week' ? !['visitMinutes', 'travelMinutesPerVisit', 'milesPerVisit', 'poundsPerMile'].includes(k) : k !== 'paidHoursPerWeek'));
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const inputs = { ...band.inputs };
    for (const [k, label, , isPct] of shown) {
      const v = num(fields[k]);
      if (!Number.isFinite(v)) return setProblem(`${label}: enter a number.`);
      inputs[k] = isPct ? v / 100 : v;
    }
    try {
      await onSave(inputs);
      setProblem(null);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }
  return (
    <form className="form cost-inputs" onSubmit={(e) => void submit(e)} noValidate>
      {shown.map(([k, label, unit]) => (
        <Field key={k} id={`${id}-${k}`} label={label} unit={unit} value={fields[k] ?? ''} onChange={(v) => setFields((f) => ({ ...f, [k]: v }))} />
      ))}
      {problem && <p className="form__problems" role="alert">{problem}</p>}
      <div className="form__actions">
        <button type="submit">Save {band.band} {SHORT_LOT_LABELS[band.lot]} inputs</button>
      </div>
    </form>
  );
}

/**
 * Costs: the rate each band's lots would cost under the cost model beside what
 * the framework pays, the budget over the framework's term against its
 * envelope, and pricing scenarios to try, save and compare.
 */
export function CostsPanel({ onError }: Props) {
  const id = useId();
  const [report, setReport] = useState<CostsReport | null>(null);
  const [scenario, setScenario] = useState(BASE_SCENARIO);
  const [fields, setFields] = useState<Fields>({});
  const [fieldProblem, setFieldProblem] = useState<string | null>(null);
  const [saveName, setSaveName] = useState('');
  const [comparison, setComparison] = useState<ScenarioComparison | null>(null);
  const [term, setTerm] = useState<Fields>({});
  const typed = useRef(false);

  const view = (change?: ScenarioChange) => ({ scenario, change });
  const show = useCallback((r: CostsReport, resetFields: boolean) => {
    setReport(r);
    if (resetFields) setFields(scenarioFields(r));
    setTerm({ start: r.term.start, end: r.term.end, envelope: String(Math.round(r.term.envelope)), envelopeRise: pct(r.term.envelopeRise), baseNlw: r.term.baseNlw.toFixed(2) });
  }, []);
  const reportError = useLatest(onError);
  const refreshComparison = useCallback(() => api.comparePricingScenarios({}).then(setComparison, (e: Error) => reportError.current(e.message)), [reportError]);

  useEffect(() => {
    typed.current = false;
    api.getCosts({ scenario }).then((r) => show(r, true), (e: Error) => reportError.current(e.message));
  }, [scenario, show, reportError]);
  useEffect(() => void refreshComparison(), [refreshComparison]);

  // Typing re-prices at once (after a pause), without saving: the scenario shows as changed until saved.
  useEffect(() => {
    if (!typed.current) return;
    const change = changeOf(fields);
    if (typeof change === 'string') return setFieldProblem(change);
    const timer = setTimeout(() => {
      api.getCosts({ scenario, change }).then(
        (r) => {
          setFieldProblem(null);
          show(r, false);
        },
        (e: Error) => setFieldProblem(e.message),
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [fields, scenario, show]);

  const termSpec = useMemo(() => report && termChartSpec(report, { width: 500, height: 220 }), [report]);
  const rateSpec = useMemo(() => report && rateChartSpec(report, { width: 440 }), [report]);
  if (!report || !termSpec || !rateSpec) return <p>Loading costs…</p>;

  const current = () => {
    const change = changeOf(fields);
    return typeof change === 'string' ? undefined : change;
  };
  async function act(work: () => Promise<CostsReport>, after?: (r: CostsReport) => void) {
    try {
      const r = await work();
      show(r, false);
      after?.(r);
      await refreshComparison();
    } catch (e) {
      onError((e as Error).message);
    }
  }
  async function save() {
    const name = saveName.trim();
    if (!name) return onError('Name the scenario to save it.');
    await act(
      () => api.savePricingScenario({ scenario: { ...report!.scenario, name }, view: { scenario: name } }),
      () => {
        typed.current = false;
        setScenario(name);
        setSaveName('');
      },
    );
  }
  async function saveTerm(e: React.FormEvent) {
    e.preventDefault();
    const t = { start: term.start ?? '', end: term.end ?? '', envelope: num(term.envelope), envelopeRise: num(term.envelopeRise) / 100, baseNlw: num(term.baseNlw) };
    await act(() => api.setFrameworkTerm({ term: t, view: view(current()) }));
  }

  const headroom = report.envelopeTotal - report.termTotal;
  const first = report.years[0];
  return (
    <section className="costs" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Costs</h2>

      <div className="costs__scenario">
        <label htmlFor={`${id}-scenario`}>Pricing scenario</label>
        <select id={`${id}-scenario`} value={scenario} onChange={(e) => setScenario(e.target.value)}>
          {report.scenarios.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        {report.edited && <span className="badge">changed, not saved</span>}
        {scenario !== BASE_SCENARIO && (
          <button type="button" onClick={() => void act(() => api.deletePricingScenario({ name: scenario, view: {} }), () => setScenario(BASE_SCENARIO))}>
            Delete
          </button>
        )}
      </div>

      <p className="costs__headline" role="status" aria-live="polite">
        Over the term ({yearLabel(report.years[0]?.year ?? 0)} to {yearLabel(report.years.at(-1)?.year ?? 0)}) the council-funded cost is <strong>{millions(report.termTotal)}</strong> against an envelope of {millions(report.envelopeTotal)}:{' '}
        <strong className={headroom < 0 ? 'over' : ''}>{headroom < 0 ? `${millions(-headroom)} over` : `${millions(headroom)} headroom`}</strong>.
        {first && ` In ${yearLabel(first.year)}: ${millions(first.totalCost)}, of which ${millions(first.spotCost)} is bought spot.`}
      </p>

      <VegaChart spec={termSpec} label={`Cost per year, framework and spot stacked, against the envelope. ${report.years.map((y) => `${yearLabel(y.year)}: ${millions(y.totalCost)} against ${millions(y.envelope)}`).join('; ')}.`} />
      <details>
        <summary>The years as a table</summary>
        <table className="compact costs__years">
          <thead>
            <tr>
              <th scope="col">Year</th>
              <th scope="col">Demand hours</th>
              <th scope="col">Framework</th>
              <th scope="col">Spot</th>
              <th scope="col">Total</th>
              <th scope="col">Envelope</th>
              <th scope="col">Headroom</th>
            </tr>
          </thead>
          <tbody>
            {report.years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{yearLabel(y.year)}</th>
                <td>{hours(y.demandHours)}</td>
                <td>{millions(y.frameworkCost)}</td>
                <td>{millions(y.spotCost)}</td>
                <td>{millions(y.totalCost)}</td>
                <td>{millions(y.envelope)}</td>
                <td>{millions(y.headroom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>

      <form className="form" onSubmit={(e) => e.preventDefault()} noValidate aria-label="Scenario editor">
        <fieldset>
          <legend>Scenario: {report.scenario.name}</legend>
          {SCENARIO_FIELDS.map(([key, label, unit]) => (
            <Field
              key={key}
              id={`${id}-${key}`}
              label={label}
              unit={unit}
              value={fields[key] ?? ''}
              onChange={(v) => {
                typed.current = true;
                setFields((f) => ({ ...f, [key]: v }));
              }}
            />
          ))}
          {fieldProblem && <p className="form__problems" role="alert">{fieldProblem}</p>}
          <div className="form__actions">
            <label htmlFor={`${id}-save-name`}>Save as</label>
            <input id={`${id}-save-name`} value={saveName} placeholder="e.g. NLW April 2026" onChange={(e) => setSaveName(e.target.value)} />
            <button type="button" onClick={() => void save()}>
              Save scenario
            </button>
          </div>
        </fieldset>
      </form>

      <h3>Rates against the cost of care</h3>
      <VegaChart spec={rateSpec} label={`Modelled rate built up from its components beside the contracted rate. ${report.bands.filter((b) => b.unit === 'hour').map((b) => `${b.band} ${SHORT_LOT_LABELS[b.lot]}: contracted ${rate(b.contractedRate)}, modelled ${rate(b.modelledRate)}`).join('; ')}.`} />
      <table className="compact costs__rates">
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col">Lot</th>
            <th scope="col">Contracted</th>
            <th scope="col">Modelled</th>
            <th scope="col">Gap</th>
          </tr>
        </thead>
        <tbody>
          {report.bands.map((b) => (
            <tr key={`${b.bandId}-${b.lot}`} title={costSentence(b.gap)}>
              <th scope="row">{b.band}</th>
              <td>{SHORT_LOT_LABELS[b.lot]}</td>
              <td>
                {rate(b.contractedRate)}
                {b.unit === 'week' ? '/wk' : '/h'}
              </td>
              <td>{rate(b.modelledRate)}</td>
              <td>{`${b.gap < 0 ? '−' : '+'}${Math.abs(Math.round(b.gap * 100))}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {report.savings.byBand.length > 0 && <p>{savingsSentence(report.savings, millions)}</p>}
      {report.bands.map((b) => (
        <details key={`${b.bandId}-${b.lot}`} className="costs__inputs">
          <summary>
            Cost model: {b.band} {SHORT_LOT_LABELS[b.lot]} ({rate(b.modelledRate)}
            {b.unit === 'week' ? ' a week' : ' an hour'})
          </summary>
          <ul className="costs__components">
            {b.components.map((c) => (
              <li key={c.id}>
                {c.label}: {rate(c.amount)}
              </li>
            ))}
          </ul>
          <InputsEditor band={b} onSave={(inputs) => act(() => api.setCostInputs({ row: { bandId: b.bandId, service: b.lot, inputs }, view: view(current()) }))} />
        </details>
      ))}

      <h3>Compare scenarios</h3>
      {comparison && (
        <table className="compact costs__compare">
          <thead>
            <tr>
              <th scope="col">Scenario</th>
              <th scope="col">First year</th>
              <th scope="col">Over the term</th>
              <th scope="col">Against base</th>
              <th scope="col">Headroom</th>
            </tr>
          </thead>
          <tbody>
            {comparison.rows.map((row) => (
              <tr key={row.scenario}>
                <th scope="row">{row.scenario}</th>
                <td>{millions(row.firstYearCost)}</td>
                <td>{millions(row.termTotal)}</td>
                <td>{row.difference === 0 ? '—' : `${row.difference > 0 ? '+' : ''}${millions(row.difference)}`}</td>
                <td>{millions(row.headroom)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form className="form" onSubmit={(e) => void saveTerm(e)} noValidate aria-label="Framework term">
        <fieldset>
          <legend>Framework term and envelope</legend>
          <Field id={`${id}-start`} label="Starts" unit="date" value={term.start ?? ''} onChange={(v) => setTerm((t) => ({ ...t, start: v }))} />
          <Field id={`${id}-end`} label="Ends" unit="date" value={term.end ?? ''} onChange={(v) => setTerm((t) => ({ ...t, end: v }))} />
          <Field id={`${id}-envelope`} label="Envelope a year" unit="£" value={term.envelope ?? ''} onChange={(v) => setTerm((t) => ({ ...t, envelope: v }))} />
          <Field id={`${id}-envelope-rise`} label="Envelope rise a year" unit="%" value={term.envelopeRise ?? ''} onChange={(v) => setTerm((t) => ({ ...t, envelopeRise: v }))} />
          <Field id={`${id}-base-nlw`} label="NLW today's rates were set at" unit="£/h" value={term.baseNlw ?? ''} onChange={(v) => setTerm((t) => ({ ...t, baseNlw: v }))} />
          <div className="form__actions">
            <button type="submit">Save term</button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}
