import path from 'node:path';
import { IMPORT_KINDS, type ImportKind } from '../../../shared/import/kinds';
import { problemLine } from '../../../shared/import/problems';
import { ImportRequestSchema } from '../../../shared/import/request';
import { ImportRejected, runImport } from '../../import/importer';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { withProject } from '../project-services';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import areas, zones, providers, capacity (zone contracts), delivery records, demand, a population/rural-urban lookup, rates or monthly returns from a file.',
  usage:
    'carecover import areas|zones|providers|capacity|delivery|demand|lookup|rates|returns FILE --project FILE [--month YYYY-MM] [--id-field F] [--name-field F] [--crs EPSG:N] [--repair] [--dry-run] [--layer L] [--sheet S] [--plan NAME] [--map FIELD=COLUMN]... [--skip-bad]',
  options: {
    project: { type: 'string' },
    'id-field': { type: 'string' },
    'name-field': { type: 'string' },
    crs: { type: 'string' },
    repair: { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    layer: { type: 'string' },
    sheet: { type: 'string' },
    plan: { type: 'string' },
    map: { type: 'string', multiple: true },
    'skip-bad': { type: 'boolean' },
    month: { type: 'string' },
  },
  async run(args, io) {
    const [kind, file, ...extra] = args.positionals;
    if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`import needs what to import first: one of ${IMPORT_KINDS.join(', ')}.`);
    if (!file || extra.length) throw new UsageError('import takes one FILE after the kind.');
    const v = args.values;
    const mapping = (v.map as unknown as string[] | undefined)?.reduce<Record<string, string>>((m, pair) => {
      const at = pair.indexOf('=');
      if (at < 1) throw new UsageError(`--map takes FIELD=COLUMN, not "${pair}".`);
      m[pair.slice(0, at)] = pair.slice(at + 1);
      return m;
    }, {});
    const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const parsed = ImportRequestSchema.safeParse({
      kind: kind as ImportKind,
      file: path.resolve(file),
      idField: str(v['id-field']),
      nameField: str(v['name-field']),
      crs: typeof v.crs === 'string' ? v.crs.toUpperCase() : undefined,
      repair: v.repair === true,
      skipBad: v['skip-bad'] === true,
      layer: str(v.layer),
      sheet: str(v.sheet),
      plan: str(v.plan),
      month: str(v.month),
      mapping,
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('; '));
    const request = parsed.data;
    return withProject(io, v.project, async (services) => {
      const db = services.session.db();
      const progress = { report: () => {} };
      if (v['dry-run']) {
        const { preview } = await runImport(db, request, 'preview', progress);
        for (const p of preview.problems) (p.severity === 'error' ? io.err : io.out)(problemLine(preview.fileName, p));
        if (preview.problemCount > preview.problems.length) io.err(`${preview.fileName}: … and ${preview.problemCount - preview.problems.length} more problems`);
        if (preview.blocked) {
          if (!preview.problems.some((p) => p.where === 'file' && p.problem === preview.blocked)) io.err(`${preview.fileName}: ${preview.blocked}`);
          return 2;
        }
        io.out(`Dry run: ${preview.fileName} would import ${summary(preview)}. Nothing was written.`);
        return 0;
      }
      try {
        const { preview, result } = await runImport(db, request, 'import', progress);
        for (const p of preview.problems) if (p.severity !== 'error') io.out(problemLine(preview.fileName, p));
        io.out(`Imported ${preview.fileName}: ${summary(preview)}${preview.plan && request.kind === 'zones' ? ` as the plan "${preview.plan}"` : ''} (import ${result!.importId}).`);
        return 0;
      } catch (error) {
        if (!(error instanceof ImportRejected)) throw error;
        for (const line of error.lines) io.err(line);
        io.err(`Nothing was written to the project.`);
        return 2;
      }
    });
  },
};

function summary(p: { kind: ImportKind; accepted: number; rejected: number; added: number; updated: number }): string {
  const unit = p.kind === 'areas' || p.kind === 'zones' ? p.kind.slice(0, -1) : 'row';
  return `${p.accepted} ${unit}${p.accepted === 1 ? '' : 's'} (${p.added} new, ${p.updated} updated)${p.rejected ? `, ${p.rejected} left out` : ''}`;
}
