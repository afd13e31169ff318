import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ExportRequest } from '../../shared/export/request';
import { fileProblem, refuseSystemFolder } from '../store/storage-errors';
import { matchesSignature, readHead, SIGNATURE_NAMES, type FileSignature } from '../file-signatures';

/** The file endings each export format may be written to. */
const ENDINGS: Record<ExportRequest['format'], readonly string[]> = {
  pdf: ['.pdf'],
  svg: ['.svg'],
  png: ['.png'],
  csv: ['.csv'],
  xlsx: ['.xlsx'],
  geojson: ['.geojson', '.json'],
  gpkg: ['.gpkg'],
};

/** What a file an export may replace must already be: a PDF is written only over a PDF, and so on. */
const SIGNATURES: Record<ExportRequest['format'], FileSignature> = { pdf: 'pdf', svg: 'text', png: 'png', csv: 'text', xlsx: 'zip', geojson: 'text', gpkg: 'sqlite' };

/**
 * Writes an export where the user chose, safely: only to a file with the
 * format's own ending and only over a file of that format, never over the open project or its -wal, -shm or .bak
 * (an export renamed over the project would delete it under the app's feet),
 * never over a folder or a device. The bytes go to a temporary file beside the
 * target, renamed into place, and the temporary file is removed on any failure,
 * so a failed export leaves neither half a file nor a stray .partial.
 */
export function writeExportFile(target: string, bytes: Buffer, format: ExportRequest['format'], openProject: string | null): string {
  const absolute = exportTarget(target, format, openProject);
  const temp = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.partial`);
  try {
    fs.writeFileSync(temp, bytes, { flag: 'wx' });
    fs.renameSync(temp, absolute);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw fileProblem(absolute, error);
  }
  return absolute;
}

/** Checks where an export may go (see writeExportFile) before any work is done; returns the absolute path. */
export function exportTarget(target: string, format: ExportRequest['format'], openProject: string | null): string {
  const absolute = path.resolve(target);
  const ending = path.extname(absolute).toLowerCase();
  if (!ENDINGS[format].includes(ending)) {
    throw new ApiError('invalid-input', `Could not write ${absolute}: a ${format.toUpperCase()} export goes to a file ending ${ENDINGS[format].join(' or ')}.`);
  }
  if (openProject) {
    const real = (file: string) => {
      try {
        return fs.realpathSync(file);
      } catch {
        return path.resolve(file);
      }
    };
    const project = real(openProject);
    const protectedFiles = new Set([project, `${project}-wal`, `${project}-shm`, `${project}.bak`, openProject, `${openProject}-wal`, `${openProject}-shm`]);
    if (protectedFiles.has(real(absolute)) || protectedFiles.has(absolute)) {
      throw new ApiError('invalid-input', `Could not write ${absolute}: that is the open project's own file; choose another name.`);
    }
  }
  refuseSystemFolder(absolute);
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(absolute, { throwIfNoEntry: false });
  } catch (error) {
    throw fileProblem(absolute, error);
  }
  if (existing && !existing.isFile()) throw new ApiError('invalid-input', `Could not write ${absolute}: it is ${existing.isDirectory() ? 'a folder' : 'not a regular file'}.`);
  if (existing && existing.size > 0) {
    let head: Buffer;
    try {
      head = readHead(absolute);
    } catch (error) {
      throw fileProblem(absolute, error);
    }
    if (!matchesSignature(head, SIGNATURES[format])) {
      throw new ApiError('invalid-input', `Could not write ${absolute}: the file there is not ${SIGNATURE_NAMES[SIGNATURES[format]]}, so CareCover will not replace it; choose another name.`);
    }
  }
  return absolute;
}
