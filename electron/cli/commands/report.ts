import type { ZoneMetrics } from '../../../shared/coverage/metrics';
import type { Command } from '../command';
import { csvLine, parseFormat, round, withProject } from '../project-services';

const COLUMNS = ['zone_id', 'zone_name', 'band', 'demand_hours', 'capacity_hours', 'coverage', 'n1_coverage', 'providers', 'flags', 'annual_cost'] as const;

function row(z: ZoneMetrics): (string | number | null)[] {
  return [z.zoneId, z.name, z.bandName, round(z.demandHours), round(z.contractedHours), round(z.coverage, 4), round(z.n1Coverage, 4), z.providerCount, z.flags.join(' '), round(z.annualCost, 0)];
}

export const reportCommand: Command = {
  name: 'report',
  summary: 'Print each zone\'s demand, capacity, coverage, flags and cost.',
  usage: 'carecover report --project FILE [--plan NAME] [--format csv|json]   (csv ends with a TOTAL row)',
  options: { project: { type: 'string' }, plan: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['csv', 'json'] as const, 'csv');
    return withProject(io, args.values.project, (services) => {
      const { plan, metrics } = services.coverage.metrics(args.values.plan as string | undefined);
      if (format === 'json') {
        io.out(JSON.stringify({ plan: plan.name, zones: metrics.zones.map((z) => Object.fromEntries(COLUMNS.map((c, i) => [c, row(z)[i]]))), totals: metrics.totals }, null, 2));
        return 0;
      }
      io.out(csvLine(COLUMNS));
      for (const z of metrics.zones) io.out(csvLine(row(z)));
      const t = metrics.totals;
      const totalCoverage = t.demandHours > 0 ? t.contractedHours / t.demandHours : null;
      io.out(csvLine(['TOTAL', `${t.zones} zones, ${t.flaggedZones} flagged`, '', round(t.demandHours), round(t.contractedHours), round(totalCoverage, 4), '', '', '', round(t.annualCost, 0)]));
      return 0;
    });
  },
};
