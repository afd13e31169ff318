import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseFormat, withProject } from '../project-services';
import { importCommand } from './import';

const USAGE =
  'carecover snapshot import FILE --month YYYY-MM --project FILE [--sheet S] [--plan NAME] [--map FIELD=COLUMN]... [--skip-bad] [--dry-run]\n' +
  '       carecover snapshot list --project FILE [--format text|json]\n' +
  '       carecover snapshot save --month YYYY-MM --project FILE      (the model as it stands, as that month)\n' +
  '       carecover snapshot delete --month YYYY-MM --project FILE';

export const snapshotCommand: Command = {
  name: 'snapshot',
  summary: "Import a month's returns (or a long file of months), list the months held, save the model as a month, delete a month.",
  usage: USAGE,
  options: { ...importCommand.options, format: { type: 'string' } },
  async run(args, io) {
    const [action, ...rest] = args.positionals;
    const month = args.values.month;
    switch (action) {
      case 'import':
        // The same import as "carecover import returns", with its checks, preview and one transaction.
        return importCommand.run({ ...args, positionals: ['returns', ...rest] }, io);
      case 'list': {
        const format = parseFormat(args.values.format, ['text', 'json'] as const, 'text');
        return withProject(io, args.values.project, (services) => {
          const list = services.overTime.snapshots();
          if (format === 'json') io.out(JSON.stringify(list, null, 2));
          else if (list.length === 0) io.out('No months held yet: import a month of returns, or save the model as a month.');
          else for (const s of list) io.out(`${s.month}  ${s.source.padEnd(7)}  ${String(s.rows).padStart(6)} rows  ${s.fileName ?? ''}${s.sha256 ? `  sha256 ${s.sha256.slice(0, 12)}…` : ''}`);
          return 0;
        });
      }
      case 'save':
      case 'delete': {
        if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`snapshot ${action} needs --month YYYY-MM${month ? `, not "${String(month)}"` : ''}.`);
        return withProject(io, args.values.project, (services) => {
          if (action === 'save') services.overTime.saveModelSnapshot(month);
          else services.overTime.removeSnapshot(month);
          io.out(action === 'save' ? `Saved the model as ${month}.` : `Deleted ${month}.`);
          return 0;
        });
      }
      default:
        throw new UsageError(`snapshot takes one of: import, list, save, delete. Usage: ${USAGE}`);
    }
  },
};
