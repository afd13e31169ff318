import path from 'node:path';
import { ExportRequestSchema } from '../../../shared/export/request';
import { produceExport } from '../../export/service';
import { exportTarget, writeExportFile } from '../../export/write-file';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { parseLot, withProject } from '../project-services';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a committee map, a table, a GIS layer or the committee update report.',
  usage:
    'carecover export map|table|zones|areas|update-report --project FILE --format pdf|svg|png|csv|xlsx|geojson|gpkg [--paper a4|a3] [--orientation landscape|portrait] [--dpi 150|300|600] [--title T] [--subtitle S] [--table zones|contingency|withdrawal] [--zone ID] [--provider ID] [--cut PERCENT] [--withdrawal] [--no-flagged-table] [--no-suppress] [--plan NAME] [--service home-care|chc|live-in|all] [--costs [--scenario NAME]] [--from YYYY-MM --to YYYY-MM] --out FILE   (--costs adds the costs page to a map PDF; update-report needs --from and --to; --format defaults to the ending of --out)',
  options: {
    project: { type: 'string' },
    format: { type: 'string' },
    paper: { type: 'string' },
    orientation: { type: 'string' },
    dpi: { type: 'string' },
    title: { type: 'string' },
    subtitle: { type: 'string' },
    table: { type: 'string' },
    zone: { type: 'string' },
    provider: { type: 'string' },
    cut: { type: 'string' },
    withdrawal: { type: 'boolean' },
    'no-flagged-table': { type: 'boolean' },
    'no-suppress': { type: 'boolean' },
    plan: { type: 'string' },
    service: { type: 'string' },
    date: { type: 'string' },
    costs: { type: 'boolean' },
    from: { type: 'string' },
    to: { type: 'string' },
    scenario: { type: 'string' },
    out: { type: 'string' },
  },
  async run(args, io) {
    const [kind, ...extra] = args.positionals;
    if (!kind || extra.length) throw new UsageError('export takes one of: map, table, zones, areas, update-report.');
    const out = args.values.out;
    if (typeof out !== 'string' || !out) throw new UsageError('--out FILE is required.');
    const v = args.values as Record<string, string | boolean | undefined>;
    const number = (value: string | boolean | undefined) => (typeof value === 'string' ? Number(value) : undefined);
    const parsed = ExportRequestSchema.safeParse({
      kind,
      // Without --format, the ending of --out says it (report.pdf, zones.gpkg).
      format: v.format ?? (path.extname(out).slice(1).toLowerCase() || undefined),
      paper: v.paper,
      orientation: v.orientation,
      dpi: number(v.dpi),
      title: v.title,
      subtitle: v.subtitle,
      table: v.table,
      zoneId: v.zone,
      providerId: v.provider,
      cutPercent: number(v.cut),
      withdrawal: v.withdrawal === true,
      includeFlaggedTable: v['no-flagged-table'] !== true,
      suppressSmallNumbers: v['no-suppress'] !== true,
      plan: v.plan,
      lot: parseLot(v.service),
      date: v.date,
      costs: v.costs === true,
      costScenario: v.scenario,
      from: v.from,
      to: v.to,
    });
    if (!parsed.success) {
      throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '));
    }
    return withProject(io, args.values.project, async (services) => {
      exportTarget(out, parsed.data.format, services.session.file); // refuse a bad target before the work
      const file = await produceExport(services, parsed.data);
      const target = writeExportFile(out, file.bytes, parsed.data.format, services.session.file);
      io.out(`Wrote ${target} (${file.bytes.length.toLocaleString('en-GB')} bytes).`);
      return 0;
    });
  },
};
