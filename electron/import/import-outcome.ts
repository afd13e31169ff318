import { ApiError } from '../../shared/api/errors';
import { countErrors, problemLine, type ImportProblem } from '../../shared/import/problems';
import type { ImportPreview, ImportRequest, ImportResult } from '../../shared/import/request';
import type { ProjectDb } from '../store/db';
import { recordImport } from '../store/imports';

/** The preview shows at most this many problems; the count says how many there were. */
export const PROBLEMS_SHOWN = 500;

/** An import refused as asked: its problems, one per line, for the CLI's stderr and the UI's list. */
export class ImportRejected extends ApiError {
  constructor(
    readonly preview: ImportPreview,
    readonly lines: string[],
  ) {
    super('invalid-input', `${preview.fileName} was not imported: ${preview.blocked}`);
  }
}

/** Why problems stop the import, or null when it can go ahead. */
export function verdict(problems: ImportProblem[], accepted: number, request: ImportRequest, unit: 'row' | 'feature'): string | null {
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

export function finish(db: ProjectDb, preview: ImportPreview, problems: ImportProblem[]): ImportResult {
  const notes = problems.filter((p) => p.severity !== 'error' || preview.rejected > 0).map((p) => `${p.where}: ${p.severity === 'error' ? 'left out: ' : ''}${p.problem}`);
  const importId = recordImport(db, { kind: preview.kind, fileName: preview.fileName, sha256: preview.sha256, accepted: preview.accepted, rejected: preview.rejected, notes });
  return { importId, fileName: preview.fileName, accepted: preview.accepted, rejected: preview.rejected, added: preview.added, updated: preview.updated, notes };
}

export function text(value: unknown): string {
  return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}


/** The refusal of a blocked import: every error, one line each, and the reason when no single problem is it. */
export function rejection(preview: ImportPreview, problems: ImportProblem[]): ImportRejected {
  const lines = problems.filter((p) => p.severity === 'error').map((p) => problemLine(preview.fileName, p));
  if (!problems.some((p) => p.where === 'file' && p.problem === preview.blocked)) lines.push(`${preview.fileName}: ${preview.blocked}`);
  return new ImportRejected(preview, lines);
}

/** Refuses to import a file that is not the one the user previewed. */
export function checkUnchanged(request: ImportRequest, sha256: string, fileName: string): void {
  if (request.expectSha256 && request.expectSha256 !== sha256) {
    throw new ApiError('invalid-input', `${fileName} has changed since it was previewed; preview it again before importing.`);
  }
}
