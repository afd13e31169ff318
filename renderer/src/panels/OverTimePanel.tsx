import { useEffect, useId, useMemo, useState } from 'react';
import type { AppInfo } from '../../../shared/api/contract';
import type { Provider, Settings } from '../../../shared/domain/types';
import { hours, percent } from '../../../shared/format';
import { coverageChartSpec } from '../../../shared/time/charts';
import { monthLabel, monthOf } from '../../../shared/time/months';
import type { ReopeningBrief, Timeline, Transition, TrendResponse } from '../../../shared/time/schemas';
import { api } from '../api';
import { VegaChart } from '../components/VegaChart';
import { exportToFile } from '../export-file';

interface Props {
  app: AppInfo | null;
  trend: TrendResponse | null;
  month: string | null;
  onMonth(month: string | null): void;
  providers: Provider[];
  settings: Settings;
  onExportUpdate(): void;
  onChanged(): Promise<void>;
  onError(message: string): void;
}

const LOT_SHORT = { 'home-care': 'Home care', chc: 'CHC', 'live-in': 'Live-in' } as const;
const KIND_MARK: Record<Timeline['events'][number]['kind'], string> = { join: '#2b5f8a', exit: '#b2182b', handback: '#f0b27a', capacity: '#999999', reopening: '#1b1b1b' };

/** The framework's term as a strip: re-openings, joins and exits, the months held, "as at" and the month on the map. */
function TimelineStrip({ timeline, months, month }: { timeline: Timeline; months: string[]; month: string | null }) {
  const W = 540;
  const H = 54;
  const t0 = Date.parse(timeline.start);
  const t1 = Date.parse(timeline.end);
  const x = (date: string) => 14 + ((Date.parse(date) - t0) / (t1 - t0)) * (W - 28);
  const inTerm = (d: string) => d >= timeline.start && d <= timeline.end;
  const marks = timeline.events.filter((e) => e.kind !== 'capacity' && inTerm(e.date));
  const years = Array.from({ length: Number(timeline.end.slice(0, 4)) - Number(timeline.start.slice(0, 4)) + 1 }, (_, i) => `${Number(timeline.start.slice(0, 4)) + i}-04-01`).filter(inTerm);
  const description = `The framework from ${timeline.start} to ${timeline.end}, re-opening ${timeline.reopenings.join(' and ')}; ${marks.filter((e) => e.kind === 'join').length} joins and ${marks.filter((e) => e.kind === 'exit').length} exits; as at ${timeline.at}.`;
  return (
    <svg className="timeline-strip" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={description}>
      <title>{description}</title>
      {months.length > 0 && <rect x={x(`${months[0]}-01`)} y={14} width={Math.max(2, x(`${months.at(-1)}-28`) - x(`${months[0]}-01`))} height={12} fill="#dce7f0" />}
      <line x1={14} x2={W - 14} y1={20} y2={20} stroke="#1b1b1b" strokeWidth={2} />
      {years.map((y) => (
        <g key={y}>
          <line x1={x(y)} x2={x(y)} y1={17} y2={23} stroke="#1b1b1b" />
          <text x={x(y)} y={38} fontSize={9} textAnchor="middle" fill="#4a4f54">
            {y.slice(2, 4)}/{String(Number(y.slice(2, 4)) + 1).padStart(2, '0')}
          </text>
        </g>
      ))}
      {marks.map((e, i) => (
        <circle key={i} cx={x(e.date)} cy={e.kind === 'reopening' ? 20 : 8} r={e.kind === 'reopening' ? 5 : 3.5} fill={KIND_MARK[e.kind]}>
          <title>{`${e.date}: ${e.text}`}</title>
        </circle>
      ))}
      <line x1={x(timeline.at)} x2={x(timeline.at)} y1={2} y2={30} stroke="#2b5f8a" strokeDasharray="2 2" />
      {month && <line x1={x(`${month}-15`)} x2={x(`${month}-15`)} y1={10} y2={30} stroke="#b2182b" strokeWidth={2} />}
      <text x={8} y={51} fontSize={9} fill="#4a4f54">
        ● re-opening · blue dot joins · red dot exits · dashed: as at {timeline.at}{month ? ` · red line: ${monthLabel(month)}` : ''}
      </text>
    </svg>
  );
}

/**
 * Over time: the months of returns on a slider that drives the map, the plan's
 * coverage month by month, the framework's timeline and events, the transition
 * off an exiting provider, the next re-opening's brief and the update report.
 */
export function OverTimePanel({ app, trend, month, onMonth, providers, settings, onExportUpdate, onChanged, onError }: Props) {
  const id = useId();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [brief, setBrief] = useState<ReopeningBrief | null>(null);
  const exiting = providers.filter((p) => p.status === 'exiting-framework' || p.endDate);
  const [exitingId, setExitingId] = useState(exiting[0]?.id ?? '');
  const [transition, setTransition] = useState<Transition | null>(null);
  const [saveMonth, setSaveMonth] = useState(() => monthOf(new Date().toISOString()));

  useEffect(() => {
    api.getTimeline({}).then(setTimeline, (e: Error) => onError(e.message));
    api.getReopeningBrief({}).then(setBrief, (e: Error) => onError(e.message));
  }, [trend, onError]);
  useEffect(() => {
    if (!exitingId) return setTransition(null);
    api.getTransition({ providerId: exitingId }).then(setTransition, (e: Error) => onError(e.message));
  }, [exitingId, trend, onError]);

  const spec = useMemo(() => trend && coverageChartSpec([{ name: 'Plan', months: trend.months, coverage: trend.total.coverage }], settings, { width: 480, height: 180 }), [trend, settings]);
  const months = trend?.months ?? [];
  const index = month ? months.indexOf(month) : months.length - 1;
  const at = month ? months.indexOf(month) : -1;

  return (
    <section className="over-time" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Over time</h2>
      {timeline && <TimelineStrip timeline={timeline} months={months} month={month} />}
      {months.length === 0 ? (
        <p>No months held yet. Import providers' monthly returns (Import… → Monthly returns), or save the model as a month below.</p>
      ) : (
        <>
          <div className="month-slider">
            <label htmlFor={`${id}-month`}>Map shows</label>
            <input
              id={`${id}-month`}
              type="range"
              min={0}
              max={months.length - 1}
              step={1}
              value={Math.max(0, index)}
              aria-valuetext={month ? monthLabel(month) : 'the model as it stands'}
              onChange={(e) => onMonth(months[Number(e.target.value)] ?? null)}
            />
            <output htmlFor={`${id}-month`} className="month-slider__value">
              {month ? `${monthLabel(month)} (returns)` : 'the model as it stands'}
            </output>
            <button type="button" disabled={!month} onClick={() => onMonth(null)}>
              Back to the model
            </button>
          </div>
          {at >= 0 && trend && (
            <p role="status">
              In {monthLabel(month!)}: coverage {percent(trend.total.coverage[at] ?? null)}, {hours(trend.total.unsourced[at]!)} hours a week waiting to be sourced for {Math.round(trend.total.waiting[at]!)} people, {Math.round(trend.total.handbacks[at]! * 10) / 10} packages handed back.
            </p>
          )}
          {spec && <VegaChart spec={spec} label={`Coverage across the plan month by month: ${months.map((m, i) => `${monthLabel(m)} ${percent(trend!.total.coverage[i] ?? null)}`).join(', ')}.`} />}
        </>
      )}

      <div className="form__actions">
        <button type="button" onClick={onExportUpdate} disabled={months.length < 2}>
          Export the update report…
        </button>
        <label htmlFor={`${id}-save-month`}>Save the model as</label>
        <input id={`${id}-save-month`} type="month" value={saveMonth} onChange={(e) => setSaveMonth(e.target.value)} />
        <button
          type="button"
          onClick={() =>
            void api
              .saveSnapshot({ month: saveMonth })
              .then(() => onChanged())
              .catch((e: Error) => onError(e.message))
          }
        >
          Save month
        </button>
      </div>

      <h3>Transition</h3>
      {exiting.length === 0 ? (
        <p>No provider is leaving the framework.</p>
      ) : (
        <>
          <label htmlFor={`${id}-exiting`}>Exiting provider</label>{' '}
          <select id={`${id}-exiting`} value={exitingId} onChange={(e) => setExitingId(e.target.value)}>
            {exiting.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.endDate ? ` (leaves ${p.endDate})` : ''}
              </option>
            ))}
          </select>
          {transition && (
            <>
              <p className="transition__summary">{transition.summary}</p>
              <table className="compact transition-table" aria-label={`Transition off ${transition.providerName}`}>
                <thead>
                  <tr>
                    <th scope="col">Zone</th>
                    <th scope="col">Lot</th>
                    <th scope="col" className="num">With it</th>
                    <th scope="col" className="num">Can move</th>
                    <th scope="col" className="num">Extension or spot</th>
                    <th scope="col">Taken on by</th>
                  </tr>
                </thead>
                <tbody>
                  {transition.rows.map((r) => (
                    <tr key={`${r.zoneId}-${r.lot}`}>
                      <th scope="row">{r.zoneName}</th>
                      <td>{LOT_SHORT[r.lot]}</td>
                      <td className="num">{hours(r.withProvider)}</td>
                      <td className="num">{hours(r.moved)}</td>
                      <td className="num">{hours(r.extensionOrSpot)}</td>
                      <td>{r.takers.map((k) => `${k.providerName} ${hours(k.hours)}`).join('; ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                type="button"
                onClick={() =>
                  void exportToFile(app, { kind: 'table', table: 'transition', providerId: transition.providerId, format: 'csv' }).catch((e: Error) => onError(e.message))
                }
              >
                Export the transition table (CSV)
              </button>
            </>
          )}
        </>
      )}

      <h3>Next re-opening{brief?.date ? `: ${brief.date}` : ''}</h3>
      {brief && brief.date === null && <p>No re-opening is left in the framework's term.</p>}
      {brief && brief.date && (
        <>
          <p>
            {brief.totals.length
              ? `Invite bids for ${brief.totals.map((t) => `${hours(t.toInvite)} ${t.unit === 'week' ? 'weeks of live-in care' : `hours of ${LOT_SHORT[t.lot].toLowerCase()}`} a week in ${t.zones} zone${t.zones === 1 ? '' : 's'}`).join('; ')}`
              : 'Every zone is above the amber line on the day.'}
            {brief.changes.length ? `, allowing for ${brief.changes.map((c) => c.text.toLowerCase()).join(', ')}.` : '.'}
          </p>
          <table className="compact reopening-brief" aria-label="Re-opening brief">
            <thead>
              <tr>
                <th scope="col">Zone</th>
                <th scope="col">Lot</th>
                <th scope="col" className="num">Coverage then</th>
                <th scope="col" className="num">Invite a week</th>
              </tr>
            </thead>
            <tbody>
              {brief.zones.map((z) => (
                <tr key={`${z.zoneId}-${z.lot}`}>
                  <th scope="row">{z.name}</th>
                  <td>{LOT_SHORT[z.lot]}</td>
                  <td className="num">{percent(z.coverage)}</td>
                  <td className="num">
                    {hours(z.toInvite)} {z.unit === 'week' ? 'wk' : 'h'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {timeline && (
        <details>
          <summary>Events on the framework ({timeline.events.length})</summary>
          <ul className="events">
            {timeline.events.map((e, i) => (
              <li key={i}>
                <time dateTime={e.date}>{e.date}</time> {e.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
