import type { ZoneMetrics } from '../../../shared/coverage/schemas';
import { classLabel } from '../../../shared/style/coverage-style';
import { SERVICE_LABELS, type Settings } from '../../../shared/domain/types';
import { FLAG_LABELS, hours, millions, percent, quantity, rate, SUPPLY_LABELS } from '../../../shared/format';
import { coverageChartSpec } from '../../../shared/time/charts';
import { monthLabel } from '../../../shared/time/months';
import type { TrendResponse } from '../../../shared/time/schemas';
import { Sparkline } from '../components/Sparkline';
import { VegaChart } from '../components/VegaChart';
import { useMemo, useState } from 'react';

type ZoneTrend = TrendResponse['zones'][number] & { months: string[] };

/** The zone month by month: a sparkline always, the chart and the figures on request. */
function ZoneTrendView({ trend, month, settings, unit, hidden }: { trend: ZoneTrend; month: string | null; settings: Settings; unit: 'hour' | 'week'; hidden?: string }) {
  const spec = useMemo(() => coverageChartSpec([{ name: trend.name, months: trend.months, coverage: trend.coverage }], settings, { width: 360, height: 160 }), [trend, settings]);
  return (
    <div className="zone-trend">
      <p className="zone-trend__line">
        Coverage over {trend.months.length} months: <Sparkline months={trend.months} values={trend.coverage} line={settings.amberBelow} current={month} label={`${trend.name} coverage`} />
      </p>
      <details>
        <summary>Trend month by month</summary>
        <VegaChart spec={spec} label={`${trend.name}: coverage month by month`} />
        <table className="compact zone-trend__table" aria-label={`${trend.name} month by month`}>
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col" className="num">Coverage</th>
              <th scope="col" className="num">Unsourced</th>
              <th scope="col" className="num">Waiting</th>
              <th scope="col" className="num">Hand-backs</th>
            </tr>
          </thead>
          <tbody>
            {trend.months.map((m, i) => (
              <tr key={m} aria-current={m === month ? 'true' : undefined}>
                <th scope="row">{monthLabel(m)}</th>
                <td className="num">{percent(trend.coverage[i] ?? null)}</td>
                <td className="num">{hours(trend.unsourced[i]!)}{unit === 'week' ? ' wk' : ' h'}</td>
                <td className="num">{settings.suppressOnScreen === 1 && trend.waiting[i]! > 0 && trend.waiting[i]! < settings.disclosureThreshold ? `<${settings.disclosureThreshold}` : Math.round(trend.waiting[i]!)}</td>
                <td className="num">{Math.round(trend.handbacks[i]! * 10) / 10}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

const BASIS: Record<ZoneMetrics['basis'], string> = {
  estimated: 'estimated: zone contracts spread over its areas by demand',
  recorded: 'recorded: delivery records',
  mixed: 'partly recorded (delivery records), partly estimated (zone contracts)',
  none: 'no supply held',
};

/** One zone: its figures, why it is flagged in plain words, each lot, and who serves it. */
export function ZoneDetail({
  zone,
  settings,
  districtNames,
  hidden,
  trend,
  month,
  onSetContract,
}: {
  zone: ZoneMetrics;
  settings: Settings;
  districtNames: Map<string, string>;
  hidden?: string;
  /** The zone's months of returns, when the project holds any. */
  trend?: ZoneTrend | null;
  month?: string | null;
  /** Sets a provider's contracted hours a week in this zone (all lots; the model as it stands only). */
  onSetContract?(providerId: string, committedHours: number): Promise<void>;
}) {
  const q = (x: number) => quantity(x, zone.unit);
  const [editing, setEditing] = useState<{ providerId: string; text: string } | null>(null);
  const editable = Boolean(onSetContract) && zone.lot === 'all' && !month;
  const hoursValue = editing ? Number(editing.text.replace(/[,\s]/g, '')) : NaN;
  const hoursValid = editing !== null && editing.text.trim() !== '' && Number.isFinite(hoursValue) && hoursValue >= 0;
  // Figures worked from the people behind them are masked where the screen suppresses small numbers.
  const p = (text: string) => hidden ?? text;
  return (
    <section className="zone-detail" aria-labelledby="zone-detail-title">
      <h2 id="zone-detail-title">{zone.name}</h2>
      <p className={`class-line cls-${zone.coverageClass}`}>{classLabel(zone.coverageClass, settings)}</p>
      {zone.reasons.length > 0 ? (
        <ul className="reasons">
          {zone.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      ) : (
        <p className="reasons reasons--none">Not flagged: covered, and still covered if its largest provider withdrew.</p>
      )}
      <dl className="facts facts--grid">
        <dt>Demand</dt>
        <dd>
          {p(`${q(zone.demandHours)} a week for ${Math.round(zone.people)} people`)}
        </dd>
        <dt>Secure supply</dt>
        <dd>
          {q(zone.secureHours)} a week ({p(percent(zone.coverage))} cover)
        </dd>
        <dt>At risk · spot</dt>
        <dd>
          {q(zone.atRiskHours)} exiting · {q(zone.spotHours)} off framework
        </dd>
        <dt>Delivered</dt>
        <dd>
          {p(`${q(zone.deliveredHours)} (${percent(zone.deliveredCoverage)} of demand); ${q(zone.unsourcedHours)} unsourced`)}
        </dd>
        <dt>Without largest provider</dt>
        <dd>{p(percent(zone.n1Coverage))}</dd>
        <dt>Spare</dt>
        <dd>{q(zone.spareHours)} committed not yet delivered</dd>
        <dt>Basis</dt>
        <dd>{BASIS[zone.basis]}</dd>
        <dt>Band</dt>
        <dd>
          {zone.bandName} at {rate(zone.rate)} {zone.unit === 'week' ? 'a week' : 'an hour'}
          {zone.bandOverridden ? ' (set by hand)' : ''}; {percent(zone.ruralShare)} of people in rural areas
        </dd>
        <dt>Annual cost</dt>
        <dd>
          {millions(zone.annualCost)}
          {zone.councilAnnualCost < zone.annualCost - 1 ? ` (${millions(zone.councilAnnualCost)} council-funded)` : ''}
        </dd>
        <dt>Districts</dt>
        <dd>{zone.districts.map((d) => districtNames.get(d) ?? d).join(', ')}</dd>
        <dt>Flags</dt>
        <dd>{zone.flags.length ? zone.flags.map((f) => FLAG_LABELS[f]).join(', ') : 'None'}</dd>
      </dl>
      {trend && trend.months.length > 1 && <ZoneTrendView trend={trend} month={month ?? null} settings={settings} unit={zone.unit} hidden={hidden} />}
      <h3>Lots</h3>
      <table className="compact" aria-label={`Lots in ${zone.name}`}>
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col" className="num">Demand</th>
            <th scope="col" className="num">Secure</th>
            <th scope="col" className="num">Cover</th>
            <th scope="col" className="num">Unsourced</th>
          </tr>
        </thead>
        <tbody>
          {zone.lots.map((l) => (
            <tr key={l.service}>
              <th scope="row">{SERVICE_LABELS[l.service]}</th>
              <td className="num">{p(quantity(l.demand, l.unit))}</td>
              <td className="num">{quantity(l.cover, l.unit)}</td>
              <td className={`num cls-${l.coverageClass}`}>{p(percent(l.coverage))}</td>
              <td className="num">{p(quantity(l.unsourced, l.unit))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Providers serving this zone</h3>
      {zone.providers.length ? (
        <table className="compact">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col" className="num">Committed</th>
              <th scope="col" className="num">Delivered</th>
              <th scope="col" className="num">Share of cover</th>
              <th scope="col" className="num">Offered extra</th>
              {editable && <th scope="col"><span className="visually-hidden">Change</span></th>}
            </tr>
          </thead>
          <tbody>
            {zone.providers.map((p) => (
              <tr key={p.providerId}>
                <th scope="row">
                  {p.providerName}
                  {p.supplyClass !== 'secure' && <span className="muted"> ({SUPPLY_LABELS[p.supplyClass]})</span>}
                </th>
                <td className="num">
                  {editing?.providerId === p.providerId ? (
                    <input
                      className="contract-input"
                      aria-label={`${p.providerName}: contracted hours a week in ${zone.name}`}
                      inputMode="decimal"
                      value={editing.text}
                      aria-invalid={!hoursValid}
                      autoFocus
                      onChange={(e) => setEditing({ providerId: p.providerId, text: e.target.value })}
                      onKeyDown={(e) => {
                        if (e.key === 'Escape') setEditing(null);
                        if (e.key === 'Enter' && hoursValid) void onSetContract!(p.providerId, hoursValue).then(() => setEditing(null));
                      }}
                    />
                  ) : (
                    q(p.committedHours)
                  )}
                </td>
                <td className="num">{q(p.deliveredHours)}</td>
                <td className="num">{percent(p.share)}</td>
                <td className="num">{q(p.additionalHours)}</td>
                {editable && (
                  <td>
                    {editing?.providerId === p.providerId ? (
                      <>
                        <button type="button" className="link-button" disabled={!hoursValid} onClick={() => void onSetContract!(p.providerId, hoursValue).then(() => setEditing(null))}>
                          Save
                        </button>{' '}
                        <button type="button" className="link-button" onClick={() => setEditing(null)}>
                          Cancel
                        </button>
                      </>
                    ) : (
                      <button type="button" className="link-button" aria-label={`Change ${p.providerName}'s contracted hours in ${zone.name}`} onClick={() => setEditing({ providerId: p.providerId, text: String(Math.round(p.committedHours * 10) / 10) })}>
                        Change
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No provider holds hours in this zone.</p>
      )}
    </section>
  );
}
