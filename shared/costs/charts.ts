import type { TopLevelSpec } from 'vega-lite';
import { COMPONENT_LABELS, type CostComponent } from './cost-model';
import type { CostsReport } from './schemas';
import { SHORT_LOT_LABELS, yearLabel } from './wording';

/**
 * The Costs tab's two charts as Vega-Lite specs: the same spec is drawn on
 * screen and, through chart-svg.ts, into the committee PDF. Fills differ in
 * lightness as well as hue, so a greyscale print keeps them apart, and the
 * envelope is a dashed black line.
 */
export const FRAMEWORK_FILL = '#2b5f8a';
export const SPOT_FILL = '#f0b27a';
/** Pay components dark to the overheads light, in the order they are built up. */
export const COMPONENT_FILLS: Record<CostComponent['id'], string> = {
  contact: '#08306b',
  travel: '#2171b5',
  'ni-pension': '#4292c6',
  'other-on-costs': '#6baed6',
  mileage: '#c6dbef',
  running: '#fdd0a2',
  surplus: '#f16913',
};
const FONT = 'DejaVu Sans, Verdana, sans-serif';
const config = { font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11, titleFontSize: 11 } };

/** Cost per year against the envelope, framework and spot stacked, £ millions. */
export function termChartSpec(report: CostsReport, size: { width: number; height: number } = { width: 560, height: 240 }): TopLevelSpec {
  const bars = report.years.flatMap((y) => [
    { year: yearLabel(y.year), part: 'Framework', cost: y.frameworkCost / 1e6, order: 0 },
    { year: yearLabel(y.year), part: 'Spot purchases', cost: y.spotCost / 1e6, order: 1 },
  ]);
  const envelope = report.years.map((y) => ({ year: yearLabel(y.year), envelope: y.envelope / 1e6, label: 'Envelope' }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width,
    height: size.height,
    config,
    layer: [
      {
        data: { values: bars },
        mark: { type: 'bar' },
        encoding: {
          x: { field: 'year', type: 'ordinal', title: null, axis: { labelAngle: 0 } },
          y: { field: 'cost', type: 'quantitative', stack: 'zero', title: '£ million a year' },
          color: { field: 'part', type: 'nominal', title: null, scale: { domain: ['Framework', 'Spot purchases', 'Envelope'], range: [FRAMEWORK_FILL, SPOT_FILL, '#000000'] }, legend: { orient: 'bottom', direction: 'horizontal' } },
          order: { field: 'order' },
          tooltip: [{ field: 'year' }, { field: 'part' }, { field: 'cost', format: '.2f', title: '£m' }],
        },
      },
      {
        data: { values: envelope },
        mark: { type: 'line', strokeDash: [6, 4], strokeWidth: 2, point: { filled: true, size: 30 } },
        encoding: {
          x: { field: 'year', type: 'ordinal' },
          y: { field: 'envelope', type: 'quantitative' },
          color: { field: 'label', type: 'nominal' },
          tooltip: [{ field: 'year' }, { field: 'envelope', format: '.2f', title: 'Envelope £m' }],
        },
      },
    ],
  };
}

/** Each band's hourly lots: the modelled rate built up from its components, with the contracted rate as a black tick. */
export function rateChartSpec(report: CostsReport, size: { width: number; height?: number } = { width: 560 }): TopLevelSpec {
  const hourly = report.bands.filter((b) => b.unit === 'hour');
  const row = (b: (typeof hourly)[number]) => `${b.band} · ${SHORT_LOT_LABELS[b.lot]}`;
  const parts = hourly.flatMap((b) => b.components.map((c, i) => ({ row: row(b), component: COMPONENT_LABELS[c.id as CostComponent['id']] ?? c.label, amount: c.amount, order: i })));
  const ticks = hourly.map((b) => ({ row: row(b), rate: b.contractedRate, label: 'Contracted rate' }));
  const ids = Object.keys(COMPONENT_FILLS) as CostComponent['id'][];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width,
    height: size.height ?? Math.max(80, hourly.length * 44),
    config,
    layer: [
      {
        data: { values: parts },
        mark: { type: 'bar', height: 26 },
        encoding: {
          y: { field: 'row', type: 'nominal', title: null, sort: null },
          x: { field: 'amount', type: 'quantitative', stack: 'zero', title: '£ an hour' },
          color: {
            field: 'component',
            type: 'nominal',
            title: null,
            scale: { domain: [...ids.map((id) => COMPONENT_LABELS[id]), 'Contracted rate'], range: [...ids.map((id) => COMPONENT_FILLS[id]), '#000000'] },
            legend: { orient: 'bottom', columns: 2, labelLimit: 0, columnPadding: 24 },
          },
          order: { field: 'order' },
          tooltip: [{ field: 'row', title: 'Band' }, { field: 'component' }, { field: 'amount', format: '.2f', title: '£' }],
        },
      },
      {
        data: { values: ticks },
        mark: { type: 'tick', thickness: 3, size: 36 },
        encoding: {
          y: { field: 'row', type: 'nominal', sort: null },
          x: { field: 'rate', type: 'quantitative' },
          color: { field: 'label', type: 'nominal' },
          tooltip: [{ field: 'row', title: 'Band' }, { field: 'rate', format: '.2f', title: 'Contracted £' }],
        },
      },
    ],
  };
}
