import { listImports, projectCounts } from '../../store/imports';
import type { Command } from '../command';
import { parseFormat, withProject } from '../project-services';

export const infoCommand: Command = {
  name: 'info',
  summary: "Print a project's counts: areas, zones, plans, providers, supply and delivery rows, demand, lookups, imports.",
  usage: 'carecover info --project FILE [--format text|json]',
  options: { project: { type: 'string' }, format: { type: 'string' } },
  async run(args, io) {
    const format = parseFormat(args.values.format, ['text', 'json'] as const, 'text');
    return withProject(io, args.values.project, (services) => {
      const db = services.session.db();
      const info = services.session.info()!;
      const counts = projectCounts(db);
      if (format === 'json') {
        io.out(JSON.stringify({ name: info.name, path: info.path, schemaVersion: info.schemaVersion, isSample: info.isSample, ...counts }, null, 2));
        return 0;
      }
      io.out(`${info.name} (${info.path})${info.isSample ? ' — sample data' : ''}`);
      for (const [key, value] of Object.entries(counts)) io.out(`  ${key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`).padEnd(16)} ${value}`);
      for (const i of listImports(db)) io.out(`  import ${i.id}: ${i.kind} from ${i.fileName} at ${i.importedAt} (${i.rowsAccepted} accepted, ${i.rowsRejected} rejected, sha256 ${i.sha256.slice(0, 12)}…)`);
      return 0;
    });
  },
};
