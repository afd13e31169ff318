import { hiddenText } from '../coverage/disclosure';
import { hours, percent } from '../format';
import { monthLabel } from '../time/months';
import type { UpdateReport } from '../time/update-report';
import type { Table } from './tables';
import { pageSize, type Orientation, type Paper } from './map-document';
import { embedSvg, page, rect, text, textWidth, wrap } from './svg';

const INK = '#1b1b1b';
const SOFT = '#4a4f54';

export interface UpdatePagesInput {
  title: string;
  paper: Paper;
  orientation: Orientation;
  report: UpdateReport;
  /** The coverage chart as standalone SVG (shared/costs/chart-svg.ts). */
  chart: string;
  attributions: string[];
  isSample: boolean;
  /** Counts of people below this are shown as "<N"; null turns small-number care off. */
  smallNumberThreshold: number | null;
}

/** A count of people, or "<N" when small-number care hides it. */
function people(x: number, threshold: number | null): string {
  const n = Math.round(x);
  return threshold !== null && n > 0 && n < threshold ? hiddenText('primary', threshold) : String(n);
}

/** A table drawn on the page: header, rows, right-aligned numbers; stops at `bottom` and says how many rows it left out. */
function drawTable(out: string[], x: number, y: number, width: number, bottom: number, f: number, columns: { label: string; width: number; right?: boolean }[], rows: string[][]): number {
  const total = columns.reduce((n, c) => n + c.width, 0);
  const xs: number[] = [];
  let at = x;
  for (const c of columns) {
    xs.push(at);
    at += (c.width / total) * width;
  }
  const cell = (i: number, full: string, yy: number, bold = false) => {
    const c = columns[i]!;
    // One line a row: text longer than its column is cut with an ellipsis (the workbook has it whole).
    const room = (c.width / total) * width - 2 * f;
    let value = full;
    while (value.length > 1 && textWidth(value, 2.5 * f, bold) > room) value = value.slice(0, -2).trimEnd() + '…';
    const right = xs[i]! + (c.width / total) * width - 1.5 * f;
    out.push(text(c.right ? right : xs[i]!, yy, value, { 'font-size': 2.5 * f, fill: bold ? SOFT : INK, 'font-weight': bold ? 'bold' : undefined, 'text-anchor': c.right ? 'end' : 'start' }));
  };
  columns.forEach((c, i) => cell(i, c.label, y, true));
  y += 1.4 * f;
  out.push(rect(x, y, width, 0.25 * f, { fill: SOFT }));
  let shown = 0;
  for (const row of rows) {
    if (y + 4 * f > bottom) break;
    y += 3.9 * f;
    row.forEach((value, i) => cell(i, value, y));
    shown++;
  }
  if (shown < rows.length) {
    y += 3.9 * f;
    out.push(text(x, y, `…and ${rows.length - shown} more (see the workbook).`, { 'font-size': 2.4 * f, fill: SOFT }));
  }
  return y + 3 * f;
}

/**
 * The committee's update report as two SVG pages in the map export's family:
 * page one the headline, the coverage chart and the zones that moved; page two
 * what happened on the framework, the transition and the re-opening brief.
 */
export function renderUpdatePages(input: UpdatePagesInput): string[] {
  const { width: W, height: H } = pageSize(input.paper, input.orientation);
  const f = W / 297;
  const margin = 12 * f;
  const r = input.report;
  const threshold = input.smallNumberThreshold;
  const heading = (out: string[], label: string, y: number, x = margin) => out.push(text(x, y, label, { 'font-size': 3.6 * f, 'font-weight': 'bold', fill: INK }));
  const footer = (out: string[]) => {
    const lines = [
      ...(input.isSample ? ['Sample data: providers are fictional; demand and the monthly returns are modelled.'] : []),
      threshold !== null ? `Counts of people below ${threshold} are shown as "<${threshold}".` : 'Small-number suppression was turned off for this export.',
      ...input.attributions,
    ].slice(0, 5);
    lines.forEach((line, i) => out.push(text(margin, H - margin - (lines.length - 1 - i) * 3 * f, line, { 'font-size': 2.2 * f, fill: SOFT })));
  };
  const bottom = H - margin - 18 * f;

  const one: string[] = [];
  one.push(text(margin, margin + 7 * f, input.title, { 'font-size': 6.5 * f, 'font-weight': 'bold', fill: INK }));
  one.push(text(margin, margin + 13 * f, `${r.plan} · since the last report: ${monthLabel(r.from)} to ${monthLabel(r.to)}`, { 'font-size': 3.8 * f, fill: SOFT }));
  let y = margin + 20 * f;
  for (const line of r.headline.flatMap((l) => wrap(l, W - 2 * margin, 3.1 * f))) {
    one.push(text(margin, y, line, { 'font-size': 3.1 * f, fill: INK }));
    y += 4.2 * f;
  }
  const chartTop = y + 1 * f;
  const half = W * 0.46;
  one.push(embedSvg(input.chart, margin, chartTop, half - margin, bottom - chartTop));
  const tx = half + 4 * f;
  heading(one, 'Zones that moved most (worse first)', chartTop + 3 * f, tx);
  const moved = r.zones.filter((z) => Math.abs(z.change) > 0.005);
  drawTable(
    one,
    tx,
    chartTop + 9 * f,
    W - margin - tx,
    bottom,
    f,
    [
      { label: 'Zone', width: 26 },
      { label: monthLabel(r.from), width: 10, right: true },
      { label: monthLabel(r.to), width: 10, right: true },
      { label: 'Waiting', width: 8, right: true },
      { label: 'Why', width: 46 },
    ],
    moved.map((z) => [z.name, percent(z.from), percent(z.to), people(z.waiting, threshold), z.why]),
  );
  footer(one);

  const two: string[] = [];
  two.push(text(margin, margin + 7 * f, `${input.title}: the framework`, { 'font-size': 5.5 * f, 'font-weight': 'bold', fill: INK }));
  heading(two, `What happened, ${monthLabel(r.from)} to ${monthLabel(r.to)}`, margin + 16 * f);
  const left = W * 0.48;
  drawTable(
    two,
    margin,
    margin + 22 * f,
    left - margin - 4 * f,
    bottom,
    f,
    [
      { label: 'Date', width: 12 },
      { label: 'Event', width: 60 },
    ],
    r.events.map((e) => [e.date, e.text]),
  );
  const rx = left;
  heading(two, 'Transition off exiting providers', margin + 16 * f, rx);
  y = drawTable(
    two,
    rx,
    margin + 22 * f,
    W - margin - rx,
    margin + 70 * f,
    f,
    [
      { label: 'Provider', width: 26 },
      { label: 'By', width: 12 },
      { label: 'Delivered then', width: 12, right: true },
      { label: 'Now', width: 9, right: true },
      { label: 'Can move', width: 10, right: true },
      { label: 'Extension/spot', width: 13, right: true },
    ],
    r.transitions.map((t) => [t.providerName, t.by ?? '—', hours(t.deliveredFrom), hours(t.deliveredTo), hours(t.moved), hours(t.extensionOrSpot)]),
  );
  heading(two, r.brief.date ? `Re-opening brief: ${r.brief.date}` : 'Re-opening brief: no re-opening ahead', y + 4 * f, rx);
  const invite = r.brief.totals.map((t) => `${hours(t.toInvite)} ${t.unit === 'week' ? 'weeks of live-in care' : `hours of ${t.lot === 'chc' ? 'CHC' : 'home care'}`} a week in ${t.zones} zone${t.zones === 1 ? '' : 's'}`);
  let by = y + 9 * f;
  for (const line of wrap(invite.length ? `Invite bids for ${invite.join('; ')}.` : 'Every zone is above the amber line then.', W - margin - rx, 2.8 * f)) {
    two.push(text(rx, by, line, { 'font-size': 2.8 * f, fill: INK }));
    by += 3.6 * f;
  }
  drawTable(
    two,
    rx,
    by + 2 * f,
    W - margin - rx,
    bottom,
    f,
    [
      { label: 'Zone', width: 30 },
      { label: 'Lot', width: 12 },
      { label: 'Coverage then', width: 13, right: true },
      { label: 'Invite (a week)', width: 15, right: true },
    ],
    r.brief.zones.map((z) => [z.name, z.lot === 'chc' ? 'CHC' : z.lot === 'live-in' ? 'Live-in' : 'Home care', percent(z.coverage), `${hours(z.toInvite)} ${z.unit === 'week' ? 'wk' : 'h'}`]),
  );
  footer(two);
  return [page(W, H, input.title, one), page(W, H, `${input.title}: the framework`, two)];
}

/** The same report as workbook sheets. */
export function updateReportTables(r: UpdateReport, threshold: number | null): Table[] {
  return [
    { name: 'Headline', columns: [{ key: 'line', label: 'Since the last report', kind: 'text' }], rows: r.headline.map((line) => ({ line })) },
    {
      name: 'Trend',
      columns: [
        { key: 'month', label: 'Month', kind: 'text' },
        { key: 'coverage', label: 'Coverage', kind: 'percent' },
        { key: 'unsourced', label: 'Unsourced hours a week', kind: 'hours' },
      ],
      rows: r.months.map((month, i) => ({ month, coverage: r.coverage[i] ?? null, unsourced: r.unsourced[i]! })),
    },
    {
      name: 'Zones',
      columns: [
        { key: 'zone', label: 'Zone', kind: 'text' },
        { key: 'from', label: `Coverage ${r.from}`, kind: 'percent' },
        { key: 'to', label: `Coverage ${r.to}`, kind: 'percent' },
        { key: 'waiting', label: 'People waiting', kind: 'text' },
        { key: 'why', label: 'Why', kind: 'text' },
      ],
      rows: r.zones.map((z) => ({ zone: z.name, from: z.from, to: z.to, waiting: people(z.waiting, threshold), why: z.why })),
    },
    {
      name: 'Events',
      columns: [
        { key: 'date', label: 'Date', kind: 'text' },
        { key: 'kind', label: 'Kind', kind: 'text' },
        { key: 'text', label: 'Event', kind: 'text' },
      ],
      rows: r.events.map((e) => ({ date: e.date, kind: e.kind, text: e.text })),
    },
    {
      name: 'Transition',
      columns: [
        { key: 'provider', label: 'Provider', kind: 'text' },
        { key: 'by', label: 'Leaves (last day)', kind: 'text' },
        { key: 'from', label: `Delivered ${r.from} (h/wk)`, kind: 'hours' },
        { key: 'to', label: `Delivered ${r.to} (h/wk)`, kind: 'hours' },
        { key: 'moved', label: 'Can move (h/wk)', kind: 'hours' },
        { key: 'left', label: 'Extension or spot (h/wk)', kind: 'hours' },
      ],
      rows: r.transitions.map((t) => ({ provider: t.providerName, by: t.by ?? '', from: t.deliveredFrom, to: t.deliveredTo, moved: t.moved, left: t.extensionOrSpot })),
    },
    {
      name: 'Re-opening brief',
      columns: [
        { key: 'zone', label: 'Zone', kind: 'text' },
        { key: 'lot', label: 'Lot', kind: 'text' },
        { key: 'coverage', label: `Coverage on ${r.brief.date ?? '—'}`, kind: 'percent' },
        { key: 'invite', label: 'Invite bids for (a week)', kind: 'hours' },
      ],
      rows: r.brief.zones.map((z) => ({ zone: z.name, lot: z.lot, coverage: z.coverage, invite: z.toInvite })),
    },
  ];
}
