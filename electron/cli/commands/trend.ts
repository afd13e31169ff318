import type { Command } from '../command';
import { UsageError } from '../errors';
import { csvLine, parseFormat, parseLot, round, withProject } from '../project-services';

export const trendCommand: Command = {
  name: 'trend',
  summary: 'Print coverage, unsourced hours, people waiting and hand-backs month by month, zone by zone (or for one zone), under a plan.',
  usage: 'carecover trend --project FILE [--plan NAME] [--zone ID] [--lot home-care|chc|live-in|all] [--format csv|json]   (one row per month and zone; zone_id "ALL" is the plan)',
  options: { project: { type: 'string' }, plan: { type: 'string' }, zone: { type: 'string' }, lot: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['csv', 'json'] as const, 'csv');
    const lot = parseLot(args.values.lot);
    const zoneId = args.values.zone as string | undefined;
    return withProject(io, args.values.project, (services) => {
      const trend = services.overTime.trend(args.values.plan as string | undefined, lot);
      const zones = zoneId ? trend.zones.filter((z) => z.zoneId === zoneId) : trend.zones;
      if (zoneId && zones.length === 0) throw new UsageError(`There is no zone "${zoneId}" in ${trend.plan}.`);
      const series = zoneId ? zones : [...zones, { zoneId: 'ALL', name: trend.plan, ...trend.total }];
      const rows = trend.months.flatMap((month, m) =>
        series.map((z) => ({ month, zone_id: z.zoneId, coverage: round(z.coverage[m] ?? null, 4), unsourced_hours: round(z.unsourced[m]!), people_waiting: round(z.waiting[m]!, 1), handbacks: round(z.handbacks[m]!, 1) })),
      );
      if (format === 'json') {
        io.out(JSON.stringify({ plan: trend.plan, lot, months: trend.months, rows }, null, 2));
        return 0;
      }
      io.out(csvLine(['month', 'zone_id', 'coverage', 'unsourced_hours', 'people_waiting', 'handbacks']));
      for (const r of rows) io.out(csvLine([r.month, r.zone_id, r.coverage, r.unsourced_hours, r.people_waiting, r.handbacks]));
      if (trend.months.length === 0) io.err('No months held yet: import monthly returns with carecover snapshot import.');
      return 0;
    });
  },
};
