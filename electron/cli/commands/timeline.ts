import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseFormat, withProject } from '../project-services';

export const timelineCommand: Command = {
  name: 'timeline',
  summary: "Print the framework's term, re-opening dates and events (joins, exits, hand-backs, capacity changes), and who is on it at a date.",
  usage: 'carecover timeline --project FILE [--at YYYY-MM-DD] [--format text|json]',
  options: { project: { type: 'string' }, at: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['text', 'json'] as const, 'text');
    const at = args.values.at;
    if (at !== undefined && (typeof at !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(at))) throw new UsageError(`--at must be a date written YYYY-MM-DD, not "${String(at)}".`);
    return withProject(io, args.values.project, (services) => {
      const t = services.overTime.timeline(at as string | undefined);
      if (format === 'json') {
        io.out(JSON.stringify(t, null, 2));
        return 0;
      }
      io.out(`Framework ${t.start} to ${t.end}; re-opens ${t.reopenings.join(' and ') || 'never'}.`);
      for (const e of t.events) io.out(`${e.date}  ${e.kind.padEnd(9)}  ${e.text}`);
      io.out(`On the framework on ${t.at}: ${t.onFramework.length} providers.`);
      return 0;
    });
  },
};
