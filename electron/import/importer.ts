import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { isBoundaryKind, TABLE_FIELDS, type ColumnMapping } from '../../shared/import/kinds';
import type { ImportProblem } from '../../shared/import/problems';
import type { ImportPreview, ImportRequest, ImportResult } from '../../shared/import/request';
import { writeTransaction, type ProjectDb } from '../store/db';
import { readAreaGeometries } from '../store/model-data';
import { saveMapping } from '../store/imports';
import { runAreaImport } from './area-import';
import { readBoundaryFile } from './boundary-file';
import { boundaryPreview, checkBoundaries, outlinePath } from './boundary-check';
import { ImportFileError } from './errors';
import { readImportFile, readSibling } from './import-file';
import { checkUnchanged, finish, PROBLEMS_SHOWN, rejection, verdict } from './import-outcome';
import type { Progress } from './progress';
import { readTableFile } from './table-file';
import { planTable } from './table-import';

export { ImportRejected } from './import-outcome';

/** A checked import: what the preview shows, and the one function that writes it. */
export interface PreparedImport {
  preview: ImportPreview;
  /** Every problem found (the preview's list may be cut short). */
  problems: ImportProblem[];
  /** Writes the import and its record; the caller wraps it in one transaction. */
  write(db: ProjectDb): ImportResult;
}

/** Reads and checks a file of zones or a table against the project, writing nothing. (Areas are read, checked and written in one pass: area-import.ts.) */
export async function prepareImport(db: ProjectDb, request: ImportRequest, progress: Progress): Promise<PreparedImport> {
  const fileName = request.fileName ?? path.basename(request.file);
  const stem = path.basename(fileName, path.extname(fileName));
  try {
    progress.report('Reading the file', null);
    const bytes = readImportFile(request.file, isBoundaryKind(request.kind) ? 'boundaries' : 'tables');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const shared = { kind: request.kind, fileName, sha256, bytes: bytes.length };
    if (isBoundaryKind(request.kind)) {
      const source = await readBoundaryFile(fileName, bytes, (extension) => readSibling(request.file, extension), request.layer);
      progress.report('Checking features', 0);
      const check = checkBoundaries(source, request, progress);
      let blocked = check.blocked;
      if (!blocked && readAreaGeometries(db).size === 0) {
        blocked = 'the project has no areas yet: import the areas (the building blocks, such as LSOAs) first, then the zones';
      }
      const plan = blocked ? null : (await import('./zone-plan')).planZones(db, check.features, request, stem, progress);
      const problems = [...check.problems, ...(plan?.notes ?? [])];
      const accepted = blocked ? 0 : check.features.length;
      blocked ??= verdict(problems, accepted, request, 'feature');
      const preview = boundaryPreview({
        file: shared,
        source,
        rules: check,
        counts: { total: check.total, accepted, added: plan?.added ?? 0, updated: plan?.updated ?? 0 },
        first: check.features.slice(0, 5),
        problems,
        outline: outlinePath(check.features.map((f) => f.geometry)),
        plan: plan?.planName ?? null,
        blocked,
      });
      return {
        preview,
        problems,
        write(target) {
          plan!.write(target);
          return finish(target, preview, problems);
        },
      };
    }

    const source = await readTableFile(fileName, bytes, request.sheet);
    progress.report('Checking rows', null);
    const table = planTable(request.kind, db, source, request.mapping as ColumnMapping | undefined, request.plan, { fileName, sha256, month: request.month });
    const { check } = table;
    const blocked = verdict(check.problems, check.accepted, request, 'row');
    const fields = TABLE_FIELDS[request.kind];
    const mapped = fields.filter((f) => table.mapping[f.key]);
    const index = new Map(source.headers.map((h, i) => [h, i]));
    const preview: ImportPreview = {
      ...shared,
      format: source.format,
      detail: source.detail,
      layers: source.sheets,
      layer: source.sheet,
      columns: source.headers,
      idField: null,
      nameField: null,
      mapping: table.mapping,
      crs: { declared: null, used: null },
      total: check.total,
      accepted: check.accepted,
      rejected: check.rejected,
      added: check.accepted - check.updated,
      updated: check.updated,
      sample: { headers: mapped.map((f) => f.label), rows: source.rows.slice(0, 5).map((row) => mapped.map((f) => row[index.get(table.mapping[f.key]!)!] ?? '')) },
      problems: check.problems.slice(0, PROBLEMS_SHOWN),
      problemCount: check.problems.length,
      outline: null,
      plan: table.planName,
      blocked,
    };
    return {
      preview,
      problems: check.problems,
      write(target) {
        table.write(target);
        saveMapping(target, request.kind, table.mapping);
        return finish(target, preview, check.problems);
      },
    };
  } catch (error) {
    if (error instanceof ImportFileError) throw new ApiError('invalid-input', `${fileName}: ${error.message}`);
    throw error;
  }
}

/** Checks and, unless it is only a preview, writes one import in one transaction. */
export async function runImport(db: ProjectDb, request: ImportRequest, mode: 'preview' | 'import', progress: Progress): Promise<{ preview: ImportPreview; result: ImportResult | null }> {
  if (request.kind === 'areas') return runAreaImport(db, request, mode, progress);
  const prepared = await prepareImport(db, request, progress);
  const { preview } = prepared;
  if (mode === 'preview') return { preview, result: null };
  checkUnchanged(request, preview.sha256, preview.fileName);
  if (preview.blocked) throw rejection(preview, prepared.problems);
  progress.report('Writing to the project', null);
  const result = writeTransaction(db, () => prepared.write(db));
  return { preview, result };
}
