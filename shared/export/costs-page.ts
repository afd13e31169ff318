import { millions, rate } from '../format';
import type { CostsReport } from '../costs/schemas';
import { savingsSentence, SHORT_LOT_LABELS, yearLabel } from '../costs/wording';
import { pageSize, type Orientation, type Paper } from './map-document';
import { embedSvg, mm, page, rect, text, wrap } from './svg';

export interface CostsPageInput {
  title: string;
  paper: Paper;
  orientation: Orientation;
  report: CostsReport;
  /** The Costs tab's charts as standalone SVG (shared/costs/chart-svg.ts). */
  termChart: string;
  rateChart: string;
  attributions: string[];
  isSample: boolean;
}

const INK = '#1b1b1b';
const SOFT = '#4a4f54';

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** What the scenario assumes, in one sentence. */
export function scenarioLine(report: CostsReport): string {
  const s = report.scenario;
  const parts = [`NLW £${s.nlw.toFixed(2)} from ${s.nlwFrom}${s.nlwRise ? `, rising ${pct(s.nlwRise)} each April` : ''}`];
  parts.push(`CPI ${pct(s.cpi)} on the non-pay share of rates and on spot rates`);
  parts.push(`demand growth ${pct(s.growth)} a year`);
  parts.push(`spot ${rate(s.spotRates['home-care'])} an hour for home care, ${rate(s.spotRates['live-in'])} a week for live-in`);
  return `${parts.join('; ')}. Today's rates were set at an NLW of £${report.term.baseNlw.toFixed(2)}.`;
}

/**
 * The committee paper's costs page: the term chart (cost per year, framework
 * and spot stacked, against the envelope), the years as a table, the rate
 * build-up chart and each band's contracted against modelled rate.
 */
export function renderCostsPage(input: CostsPageInput): string {
  const { width: W, height: H } = pageSize(input.paper, input.orientation);
  const f = W / 297;
  const margin = 12 * f;
  const r = input.report;
  const out: string[] = [];
  out.push(text(margin, margin + 7 * f, input.title, { 'font-size': 6.5 * f, 'font-weight': 'bold', fill: INK }));
  out.push(text(margin, margin + 13 * f, `${r.plan.name} · pricing scenario ${r.scenario.name}${r.edited ? ' (unsaved changes)' : ''} · framework ${r.term.start} to ${r.term.end}`, { 'font-size': 3.8 * f, fill: SOFT }));
  const assumptions = wrap(scenarioLine(r), W - 2 * margin, 2.8 * f);
  assumptions.forEach((line, i) => out.push(text(margin, margin + 18.5 * f + i * 3.6 * f, line, { 'font-size': 2.8 * f, fill: INK })));
  const top = margin + 22 * f + assumptions.length * 3.6 * f;

  const left = W * 0.52;
  const chartH = (H - top - margin - 18 * f) * 0.55;
  out.push(embedSvg(input.termChart, margin, top, left - margin, chartH));
  out.push(embedSvg(input.rateChart, margin, top + chartH + 4 * f, left - margin, H - top - chartH - margin - 22 * f));

  // The years, £ millions: what the committee reads off the chart.
  const tx = left + 4 * f;
  const cols = [0, 30, 48, 63, 80, 98, 118].map((c) => c * f * ((W - margin - tx) / (124 * f)));
  const head = ['Year', 'Demand hours', 'Framework', 'Spot', 'Total', 'Envelope', 'Headroom'];
  let y = top + 3 * f;
  const cell = (i: number, value: string, style: Record<string, string | number> = {}) =>
    out.push(text(tx + cols[i]! + (i === 0 ? 0 : 14 * f), y, value, { 'font-size': 2.6 * f, fill: INK, 'text-anchor': i === 0 ? 'start' : 'end', ...style }));
  out.push(text(tx, y, 'The framework over its term (council-funded, £)', { 'font-size': 3.4 * f, 'font-weight': 'bold', fill: INK }));
  y += 5.5 * f;
  head.forEach((h, i) => cell(i, h, { 'font-weight': 'bold', fill: SOFT }));
  y += 1.5 * f;
  out.push(rect(tx, y, W - margin - tx, 0.25 * f, { fill: SOFT }));
  for (const year of r.years) {
    y += 4.2 * f;
    cell(0, yearLabel(year.year));
    cell(1, Math.round(year.demandHours).toLocaleString('en-GB'));
    cell(2, millions(year.frameworkCost));
    cell(3, millions(year.spotCost));
    cell(4, millions(year.totalCost));
    cell(5, millions(year.envelope));
    cell(6, millions(year.headroom), year.headroom < 0 ? { 'font-weight': 'bold' } : {});
  }
  y += 1.5 * f;
  out.push(rect(tx, y, W - margin - tx, 0.25 * f, { fill: SOFT }));
  y += 4.2 * f;
  const headroom = r.envelopeTotal - r.termTotal;
  cell(0, 'Term', { 'font-weight': 'bold' });
  cell(4, millions(r.termTotal), { 'font-weight': 'bold' });
  cell(5, millions(r.envelopeTotal), { 'font-weight': 'bold' });
  cell(6, millions(headroom), { 'font-weight': 'bold' });
  y += 5 * f;
  const verdict = headroom < 0 ? `Over the term the cost is ${millions(-headroom)} above the envelope of ${millions(r.envelopeTotal)}.` : `Over the term the cost is ${millions(headroom)} inside the envelope of ${millions(r.envelopeTotal)}.`;
  for (const line of wrap(verdict, W - margin - tx, 2.8 * f)) {
    out.push(text(tx, y, line, { 'font-size': 2.8 * f, fill: INK }));
    y += 3.6 * f;
  }

  // Rates: contracted after the first review against the cost model.
  y += 4 * f;
  out.push(text(tx, y, 'Rates against the modelled cost of care', { 'font-size': 3.4 * f, 'font-weight': 'bold', fill: INK }));
  for (const b of r.bands) {
    y += 4 * f;
    if (y > H - margin - 14 * f) break;
    const per = b.unit === 'week' ? 'a week' : 'an hour';
    const points = Math.round(Math.abs(b.gap) * 100);
    const gap = points === 0 ? 'at the modelled cost' : `${points}% ${b.gap < 0 ? 'below' : 'above'} it`;
    out.push(text(tx, y, `${b.band} ${SHORT_LOT_LABELS[b.lot]}: ${rate(b.contractedRate)} ${per}; modelled ${rate(b.modelledRate)}, ${gap}`, { 'font-size': 2.5 * f, fill: INK }));
  }
  if (r.savings.byBand.length) {
    y += 5 * f;
    if (y < H - margin - 12 * f) {
      const line = savingsSentence(r.savings, millions);
      for (const l of wrap(line, W - margin - tx, 2.6 * f)) {
        out.push(text(tx, y, l, { 'font-size': 2.6 * f, fill: INK }));
        y += 3.4 * f;
      }
    }
  }

  const footer = [
    ...(input.isSample ? ['Sample data: providers are fictional and demand is modelled.'] : []),
    'Cost model: careworker pay (NLW plus premium) for contact and travel time, on-costs, mileage, running costs and surplus (Homecare Association minimum price; 2022 Fair Cost of Care). Shortfalls are bought spot.',
    ...input.attributions,
  ];
  footer.slice(0, 4).forEach((line, i) => out.push(text(margin, H - margin - (Math.min(footer.length, 4) - 1 - i) * 3 * f, line, { 'font-size': 2.2 * f, fill: SOFT })));

  return page(W, H, input.title, out);
}
