import type { ZoneMetrics } from '../../../shared/coverage/metrics';
import type { PlanTotals } from '../../../shared/coverage/schemas';
import type { Command } from '../command';
import { csvLine, parseFormat, parseLot, round, withProject } from '../project-services';

const COLUMNS = [
  'zone_id',
  'zone_name',
  'band',
  'demand_hours',
  'capacity_hours',
  'committed_hours',
  'secure_hours',
  'at_risk_hours',
  'spot_hours',
  'delivered_hours',
  'unsourced_hours',
  'people',
  'coverage',
  'n1_coverage',
  'providers',
  'flags',
  'basis',
  'annual_cost',
  'council_annual_cost',
] as const;
type Column = (typeof COLUMNS)[number];

/** One zone's (or the totals') figures by column; capacity_hours is kept for older scripts and equals committed_hours. */
function figures(z: ZoneMetrics | PlanTotals): Partial<Record<Column, string | number | null>> {
  return {
    demand_hours: round(z.demandHours),
    capacity_hours: round(z.committedHours),
    committed_hours: round(z.committedHours),
    secure_hours: round(z.secureHours),
    at_risk_hours: round(z.atRiskHours),
    spot_hours: round(z.spotHours),
    delivered_hours: round(z.deliveredHours),
    unsourced_hours: round(z.unsourcedHours),
    people: round(z.people, 0),
    annual_cost: round(z.annualCost, 0),
    council_annual_cost: round(z.councilAnnualCost, 0),
  };
}

function row(z: ZoneMetrics): Record<Column, string | number | null> {
  return {
    zone_id: z.zoneId,
    zone_name: z.name,
    band: z.bandName,
    ...figures(z),
    coverage: round(z.coverage, 4),
    n1_coverage: round(z.n1Coverage, 4),
    providers: z.providerCount,
    flags: z.flags.join(' '),
    basis: z.basis,
  } as Record<Column, string | number | null>;
}

export const reportCommand: Command = {
  name: 'report',
  summary: "Print each zone's demand, supply (committed, secure, at risk, spot, delivered), unsourced hours, people, coverage, flags and cost.",
  usage:
    'carecover report --project FILE [--plan NAME] [--service home-care|chc|live-in|all] [--format csv|json]   (csv ends with a TOTAL row; live-in figures are weeks of care a week)',
  options: { project: { type: 'string' }, plan: { type: 'string' }, service: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['csv', 'json'] as const, 'csv');
    const lot = parseLot(args.values.service);
    return withProject(io, args.values.project, (services) => {
      const { plan, metrics } = services.coverage.metrics(args.values.plan as string | undefined, lot);
      const t = metrics.totals;
      const totalCoverage = t.demandHours > 0 ? t.coverHours / t.demandHours : null;
      if (format === 'json') {
        io.out(JSON.stringify({ plan: plan.name, service: lot, unit: t.unit, zones: metrics.zones.map(row), totals: { ...t, capacityHours: t.committedHours } }, null, 2));
        return 0;
      }
      io.out(csvLine(COLUMNS));
      for (const z of metrics.zones) {
        const r = row(z);
        io.out(csvLine(COLUMNS.map((c) => r[c])));
      }
      const total: Partial<Record<Column, string | number | null>> = {
        zone_id: 'TOTAL',
        zone_name: `${t.zones} zones, ${t.flaggedZones} flagged`,
        ...figures(t),
        coverage: round(totalCoverage, 4),
        basis: [...new Set(metrics.zones.map((z) => z.basis).filter((b) => b !== 'none'))].join(' ') || 'none',
      };
      io.out(csvLine(COLUMNS.map((c) => total[c] ?? '')));
      return 0;
    });
  },
};
