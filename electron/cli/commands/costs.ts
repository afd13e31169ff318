import { money, rate } from '../../../shared/format';
import { costSentence, savingsSentence, yearLabel } from '../../../shared/costs/wording';
import type { ScenarioChange } from '../../../shared/costs/schemas';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { csvLine, parseFormat, round, withProject } from '../project-services';

/** A number option: pounds as given, percentages as fractions. */
function option(value: string | boolean | undefined, name: string, kind: 'pounds' | 'percent'): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(typeof value === 'string' ? value.replace(/[£%,]/g, '') : NaN);
  if (typeof value !== 'string' || value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a number${kind === 'percent' ? ' (a percentage, 3 for 3%)' : ''}, not "${String(value)}".`);
  return kind === 'percent' ? n / 100 : n;
}

export const costsCommand: Command = {
  name: 'costs',
  summary: "Price the plan: the cost model's rate per band and lot against the contracted rate, and the framework's budget year by year over its term.",
  usage:
    'carecover costs --project FILE [--plan NAME] [--scenario NAME] [--nlw 12.71] [--nlw-from YYYY-MM-DD] [--nlw-rise PCT] [--cpi PCT] [--spot-rate 25] [--growth PCT] [--format text|csv|json]   (percentages as 3 for 3%; costs are the council-funded part; csv is one row per year)',
  options: {
    project: { type: 'string' },
    plan: { type: 'string' },
    scenario: { type: 'string' },
    nlw: { type: 'string' },
    'nlw-from': { type: 'string' },
    'nlw-rise': { type: 'string' },
    cpi: { type: 'string' },
    'spot-rate': { type: 'string' },
    growth: { type: 'string' },
    format: { type: 'string' },
  },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['text', 'csv', 'json'] as const, 'text');
    const v = args.values;
    const spot = option(v['spot-rate'], 'spot-rate', 'pounds');
    const change: ScenarioChange = {
      nlw: option(v.nlw, 'nlw', 'pounds'),
      nlwFrom: typeof v['nlw-from'] === 'string' ? v['nlw-from'] : undefined,
      nlwRise: option(v['nlw-rise'], 'nlw-rise', 'percent'),
      cpi: option(v.cpi, 'cpi', 'percent'),
      growth: option(v.growth, 'growth', 'percent'),
      spotRates: spot === undefined ? undefined : { 'home-care': spot },
    };
    return withProject(io, v.project, (services) => {
      const report = services.costs.report({ plan: v.plan as string | undefined, scenario: v.scenario as string | undefined, change });
      if (format === 'json') {
        io.out(JSON.stringify({ plan: report.plan.name, scenario: report.scenario, term: report.term, bands: report.bands, years: report.years, termTotal: report.termTotal, envelopeTotal: report.envelopeTotal, savings: report.savings }, null, 2));
        return 0;
      }
      if (format === 'csv') {
        io.out(csvLine(['year', 'demand_hours', 'framework_cost', 'spot_cost', 'total_cost', 'envelope', 'headroom']));
        for (const y of report.years) io.out(csvLine([y.year, round(y.demandHours, 0), round(y.frameworkCost, 0), round(y.spotCost, 0), round(y.totalCost, 0), round(y.envelope, 0), round(y.headroom, 0)]));
        io.out(csvLine(['TOTAL', round(report.years.reduce((t, y) => t + y.demandHours, 0), 0), round(report.years.reduce((t, y) => t + y.frameworkCost, 0), 0), round(report.years.reduce((t, y) => t + y.spotCost, 0), 0), round(report.termTotal, 0), round(report.envelopeTotal, 0), round(report.envelopeTotal - report.termTotal, 0)]));
        return 0;
      }
      io.out(`${report.plan.name}, scenario ${report.scenario.name}${report.edited ? ' (changed)' : ''}: NLW £${report.scenario.nlw.toFixed(2)} from ${report.scenario.nlwFrom}`);
      io.out('');
      io.out('Rates (contracted after the first fee review, against the cost model):');
      for (const b of report.bands) {
        const per = b.unit === 'week' ? 'a week' : 'an hour';
        io.out(`  ${b.band.padEnd(10)} ${b.lot.padEnd(9)} ${rate(b.contractedRate).padStart(9)} ${per}, modelled ${rate(b.modelledRate)} (${costSentence(b.gap)})`);
      }
      io.out('');
      io.out('Year      Demand h    Framework         Spot        Total     Envelope     Headroom');
      for (const y of report.years) {
        io.out(`${yearLabel(y.year).padEnd(8)} ${Math.round(y.demandHours).toLocaleString('en-GB').padStart(10)} ${money(y.frameworkCost).padStart(12)} ${money(y.spotCost).padStart(12)} ${money(y.totalCost).padStart(12)} ${money(y.envelope).padStart(12)} ${money(y.headroom).padStart(12)}`);
      }
      io.out(`Over the term: ${money(report.termTotal)} against an envelope of ${money(report.envelopeTotal)} (${money(report.envelopeTotal - report.termTotal)} headroom).`);
      if (report.savings.byBand.length) io.out(savingsSentence(report.savings, money));
      return 0;
    });
  },
};
