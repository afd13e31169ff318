import type { Command } from '../command';
import { UsageError } from '../errors';
import { transitionTable } from '../../../shared/export/tables';
import { csvLine, parseFormat, withProject } from '../project-services';

export const transitionCommand: Command = {
  name: 'transition',
  summary: "Plan the move off an exiting provider: its care by zone and lot, who can take it, and what needs an extension or a spot purchase.",
  usage: 'carecover transition --project FILE --provider ID [--plan NAME] [--format csv|json]   (live-in in weeks of care a week; the summary on stderr)',
  options: { project: { type: 'string' }, provider: { type: 'string' }, plan: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['csv', 'json'] as const, 'csv');
    const providerId = args.values.provider;
    if (typeof providerId !== 'string' || !providerId) throw new UsageError('--provider ID is required.');
    return withProject(io, args.values.project, (services) => {
      const t = services.overTime.transition(providerId, args.values.plan as string | undefined);
      if (format === 'json') {
        io.out(JSON.stringify(t, null, 2));
        return 0;
      }
      // The same table as the export, by column key, small counts suppressed.
      const table = transitionTable(t, { smallNumberThreshold: services.coverage.settings().settings.disclosureThreshold });
      io.out(csvLine(table.columns.map((c) => c.key)));
      for (const row of table.rows) io.out(csvLine(table.columns.map((c) => row[c.key] ?? null)));
      io.err(t.summary);
      return 0;
    });
  },
};
