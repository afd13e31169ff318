import type { TopLevelSpec } from 'vega-lite';
import { monthLabel } from './months';

/**
 * Coverage month by month as a Vega-Lite line chart, with the red and amber
 * lines dashed: for the Over time tab and the update report. Black line and
 * grey thresholds, so it prints in greyscale.
 */
export function coverageChartSpec(series: { name: string; months: string[]; coverage: (number | null)[] }[], lines: { redBelow: number; amberBelow: number }, size = { width: 520, height: 200 }): TopLevelSpec {
  const values = series.flatMap((s) => s.months.map((m, i) => ({ month: monthLabel(m), order: i, series: s.name, coverage: s.coverage[i] === null ? null : s.coverage[i]! * 100 })));
  const thresholds = [
    { label: `Red below ${Math.round(lines.redBelow * 100)}%`, value: lines.redBelow * 100 },
    { label: `Amber below ${Math.round(lines.amberBelow * 100)}%`, value: lines.amberBelow * 100 },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size.width,
    height: size.height,
    config: { font: 'DejaVu Sans, Verdana, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 11 }, legend: { labelFontSize: 11 } },
    layer: [
      {
        data: { values: thresholds },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#777777' },
        encoding: { y: { field: 'value', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', point: { filled: true, size: 24 }, strokeWidth: 2 },
        encoding: {
          x: { field: 'month', type: 'ordinal', sort: { field: 'order' }, title: null, axis: { labelAngle: -45 } },
          y: { field: 'coverage', type: 'quantitative', title: 'Coverage (%)', scale: { zero: false } },
          color: { field: 'series', type: 'nominal', title: null, scale: { range: ['#1b1b1b', '#2b5f8a', '#b2182b', '#f0b27a'] }, legend: series.length > 1 ? { orient: 'bottom' } : null },
          tooltip: [{ field: 'series' }, { field: 'month' }, { field: 'coverage', format: '.1f', title: 'Coverage %' }],
        },
      },
    ],
  };
}
