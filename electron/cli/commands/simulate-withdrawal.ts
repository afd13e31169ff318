import type { Command } from '../command';
import { UsageError } from '../errors';
import { csvLine, parseFormat, parseLot, round, withProject } from '../project-services';

export const simulateWithdrawalCommand: Command = {
  name: 'simulate-withdrawal',
  summary: 'Remove a provider (or cut its hours) and show who could take them on.',
  usage: 'carecover simulate-withdrawal --project FILE --provider ID [--cut PERCENT] [--plan NAME] [--service home-care|chc|live-in|all] [--format csv|json]',
  options: { project: { type: 'string' }, provider: { type: 'string' }, cut: { type: 'string' }, plan: { type: 'string' }, service: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['csv', 'json'] as const, 'csv');
    const providerId = args.values.provider;
    if (typeof providerId !== 'string' || !providerId) throw new UsageError('--provider ID is required.');
    let cut: number | undefined;
    if (args.values.cut !== undefined) {
      cut = Number(args.values.cut);
      if (!(cut > 0 && cut <= 100)) throw new UsageError(`--cut must be a percentage more than 0 and at most 100, not "${String(args.values.cut)}".`);
    }
    const lot = args.values.service === undefined ? undefined : parseLot(args.values.service);
    return withProject(io, args.values.project, (services) => {
      const result = services.coverage.withdrawal(providerId, cut, args.values.plan as string | undefined, lot);
      if (format === 'json') {
        const { before: _before, after: _after, ...summary } = result;
        io.out(JSON.stringify(summary, null, 2));
        return 0;
      }
      io.out(
        csvLine(['zone_id', 'zone_name', 'coverage_before', 'coverage_after', 'class_before', 'class_after', 'lost_hours', 'hours_to_rehome', 'people_affected', 'rehomed_hours', 'unmet_hours', 'newly_flagged', 'taken_on_by']),
      );
      for (const z of result.zones) {
        const from = z.transfers.map((t) => `${t.providerName} (${t.areaCode}, ${t.reach}) ${round(t.hours)}`).join('; ');
        io.out(
          csvLine([z.zoneId, z.name, round(z.before.coverage, 4), round(z.after.coverage, 4), z.before.coverageClass, z.after.coverageClass, round(z.lostHours), round(z.hoursToRehome), round(z.peopleAffected, 0), round(z.rehomedHours), round(z.unmetHours), z.newlyFlagged ? 'yes' : 'no', from]),
        );
      }
      io.err(result.summary);
      return 0;
    });
  },
};
