import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { isBoundaryKind, TABLE_FIELDS, type ColumnMapping } from '../../shared/import/kinds';
import { countErrors, problemLine, type ImportProblem } from '../../shared/import/problems';
import type { ImportPreview, ImportRequest, ImportResult } from '../../shared/import/request';
import { writeTransaction, type ProjectDb } from '../store/db';
import { readAreaGeometries } from '../store/model-data';
import { recordImport, saveMapping } from '../store/imports';
import { readBoundaryFile } from './boundary-file';
import { checkBoundaries, outlinePath, planBoundaries } from './boundary-import';
import { matchesSignature, SIGNATURE_NAMES, type FileSignature } from '../file-signatures';
import { storageCause } from '../store/storage-errors';
import { ImportFileError } from './errors';
import type { Progress } from './progress';
import { readTableFile } from './table-file';
import { planTable } from './table-import';

/** The preview shows at most this many problems; the count says how many there were. */
const PROBLEMS_SHOWN = 500;

/** A checked import: what the preview shows, and the one function that writes it. */
export interface PreparedImport {
  preview: ImportPreview;
  /** Every problem found (the preview's list may be cut short). */
  problems: ImportProblem[];
  /** Writes the import and its record; the caller wraps it in one transaction. */
  write(db: ProjectDb): ImportResult;
}

/** An import refused as asked: its problems, one per line, for the CLI's stderr and the UI's list. */
export class ImportRejected extends ApiError {
  constructor(
    readonly preview: ImportPreview,
    readonly lines: string[],
  ) {
    super('invalid-input', `${preview.fileName} was not imported: ${preview.blocked}`);
  }
}

/** The largest file an import reads: it is read whole, so the limit keeps memory bounded. */
export const MAX_IMPORT_BYTES = { boundaries: 1024 * 2 ** 20, tables: 256 * 2 ** 20 };

/**
 * The endings an import reads, and what each file's first bytes must be. A
 * path is checked on its own ending (not the name the page shows), so a typed
 * path can never make an import read a system file such as /etc/shadow.
 */
type Endings = Record<string, FileSignature | null>;
const IMPORT_ENDINGS: Record<'boundaries' | 'tables', Endings> = {
  boundaries: { '.geojson': 'text', '.json': 'text', '.topojson': 'text', '.zip': 'zip', '.shp': 'shapefile', '.gpkg': 'sqlite' },
  // An old .xls goes on to the table reader, which says how to save it as .xlsx.
  tables: { '.csv': 'text', '.tsv': 'text', '.txt': 'text', '.xlsx': 'zip', '.xls': null },
};
/** A shapefile's parts beside its .shp: what they hold is checked by the shapefile reader. */
const SHAPEFILE_PARTS: Endings = { '.dbf': null, '.prj': null, '.cpg': null };

function readFile(file: string, limit: number, endings: Endings): Uint8Array {
  try {
    // Only regular files: a device (/dev/zero), a named pipe or a socket would never end.
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new ImportFileError('this is a folder, not a file');
    if (!stat.isFile()) throw new ImportFileError('this is not a regular file (a device, a pipe or a socket); choose a file saved on disk');
    const ending = path.extname(file).toLowerCase();
    const kind = endings[ending];
    if (kind === undefined) throw new ImportFileError(`CareCover imports files ending ${Object.keys(endings).join(', ')} here, not ${ending ? `"${ending}"` : 'a file with no ending'}`);
    if (stat.size > limit) throw new ImportFileError(`the file is ${Math.ceil(stat.size / 2 ** 20).toLocaleString('en-GB')} MB, more than the ${limit / 2 ** 20} MB an import of this kind reads`);
    const bytes = fs.readFileSync(file);
    if (kind && bytes.length > 0 && !matchesSignature(bytes.subarray(0, 4096), kind)) {
      throw new ImportFileError(`the file ends ${ending} but is not ${SIGNATURE_NAMES[kind]} (its first bytes say otherwise)`);
    }
    return bytes;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportFileError(code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : `the file cannot be read: ${storageCause(file, error) ?? code ?? (error as Error).message}`);
  }
}

/** Reads and checks a file against the project, writing nothing. */
export async function prepareImport(db: ProjectDb, request: ImportRequest, progress: Progress): Promise<PreparedImport> {
  const fileName = request.fileName ?? path.basename(request.file);
  const stem = path.basename(fileName, path.extname(fileName));
  try {
    progress.report('Reading the file', null);
    const group = isBoundaryKind(request.kind) ? 'boundaries' : 'tables';
    const limit = MAX_IMPORT_BYTES[group];
    const bytes = readFile(request.file, limit, IMPORT_ENDINGS[group]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const shared = { kind: request.kind, fileName, sha256, bytes: bytes.length };
    if (isBoundaryKind(request.kind)) {
      const sibling = (extension: string) => {
        const base = request.file.slice(0, -path.extname(request.file).length);
        for (const candidate of [base + extension, base + extension.toUpperCase()]) if (fs.existsSync(candidate)) return readFile(candidate, limit, SHAPEFILE_PARTS);
        return null;
      };
      const source = await readBoundaryFile(fileName, bytes, sibling, request.layer);
      progress.report('Checking features', 0);
      const check = checkBoundaries(source, request, progress);
      let blocked = check.blocked;
      if (!blocked && request.kind === 'zones' && readAreaGeometries(db).size === 0) {
        blocked = 'the project has no areas yet: import the areas (the building blocks, such as LSOAs) first, then the zones';
      }
      const plan = blocked ? null : planBoundaries(request.kind, db, check, request, stem, progress);
      const problems = [...check.problems, ...(plan?.notes ?? [])];
      const accepted = blocked ? 0 : check.features.length;
      blocked ??= verdict(problems, accepted, request, 'feature');
      const layerNote = source.layer ? `layer "${source.layer}", ` : '';
      // The sample shows the id, the name and up to three other properties.
      const extra = check.columns.filter((c) => c !== check.idField && c !== check.nameField).slice(0, 3);
      const preview: ImportPreview = {
        ...shared,
        format: source.format,
        detail: `${layerNote}${check.crsUsed ? `coordinates ${check.crsUsed === 'EPSG:4326' ? 'WGS84 longitude/latitude' : `${check.crsUsed}, converted to WGS84`}` : 'coordinates not read'}`,
        layers: source.layers,
        layer: source.layer,
        columns: check.columns,
        idField: check.idField,
        nameField: check.nameField,
        mapping: null,
        crs: { declared: source.declaredCrs, used: check.crsUsed },
        total: check.total,
        accepted,
        rejected: check.total - accepted,
        added: plan?.added ?? 0,
        updated: plan?.updated ?? 0,
        sample: {
          headers: ['Id', 'Name', ...extra],
          rows: check.features.slice(0, 5).map((f) => [f.id, f.name, ...extra.map((c) => text(f.properties[c]))]),
        },
        problems: problems.slice(0, PROBLEMS_SHOWN),
        problemCount: problems.length,
        outline: outlinePath(check.features.map((f) => f.geometry)),
        plan: plan?.planName ?? null,
        blocked,
      };
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

/** Why problems stop the import, or null when it can go ahead. */
function verdict(problems: ImportProblem[], accepted: number, request: ImportRequest, unit: 'row' | 'feature'): string | null {
  const errors = countErrors(problems);
  const file = problems.find((p) => p.severity === 'error' && p.where === 'file');
  if (file) return file.problem;
  if (accepted === 0) return `no ${unit} can be imported (${errors} problem${errors === 1 ? '' : 's'})`;
  if (errors > 0 && !request.skipBad) {
    const repairable = problems.some((p) => p.severity === 'error' && /repairing/.test(p.problem));
    return `${errors} problem${errors === 1 ? '' : 's'} in the file; fix ${errors === 1 ? 'it' : 'them'}${repairable && !request.repair ? ', repair what can be repaired,' : ''} or import the ${accepted} good ${unit}${accepted === 1 ? '' : 's'} and leave out the rest`;
  }
  return null;
}

function finish(db: ProjectDb, preview: ImportPreview, problems: ImportProblem[]): ImportResult {
  const notes = problems.filter((p) => p.severity !== 'error' || preview.rejected > 0).map((p) => `${p.where}: ${p.severity === 'error' ? 'left out: ' : ''}${p.problem}`);
  const importId = recordImport(db, { kind: preview.kind, fileName: preview.fileName, sha256: preview.sha256, accepted: preview.accepted, rejected: preview.rejected, notes });
  return { importId, fileName: preview.fileName, accepted: preview.accepted, rejected: preview.rejected, added: preview.added, updated: preview.updated, notes };
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Checks and, unless it is only a preview, writes one import in one transaction. */
export async function runImport(db: ProjectDb, request: ImportRequest, mode: 'preview' | 'import', progress: Progress): Promise<{ preview: ImportPreview; result: ImportResult | null }> {
  const prepared = await prepareImport(db, request, progress);
  const { preview } = prepared;
  if (mode === 'preview') return { preview, result: null };
  if (request.expectSha256 && request.expectSha256 !== preview.sha256) {
    throw new ApiError('invalid-input', `${preview.fileName} has changed since it was previewed; preview it again before importing.`);
  }
  if (preview.blocked) {
    const lines = prepared.problems.filter((p) => p.severity === 'error').map((p) => problemLine(preview.fileName, p));
    if (!prepared.problems.some((p) => p.where === 'file' && p.problem === preview.blocked)) lines.push(`${preview.fileName}: ${preview.blocked}`);
    throw new ImportRejected(preview, lines);
  }
  progress.report('Writing to the project', null);
  const result = writeTransaction(db, () => prepared.write(db));
  return { preview, result };
}
