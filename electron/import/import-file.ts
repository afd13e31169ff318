import fs from 'node:fs';
import path from 'node:path';
import { matchesSignature, readHead, SIGNATURE_NAMES, type FileSignature } from '../file-signatures';
import { storageCause } from '../store/storage-errors';
import { ImportFileError } from './errors';

/** The largest file an import reads: most formats are read whole, so the limit keeps memory bounded. */
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

/**
 * Checks a file an import is asked to read, without reading it all: a regular
 * file, with an ending the import reads, within the size limit, whose first
 * bytes are what that ending says. Returns its size in bytes.
 */
export function checkImportFile(file: string, group: 'boundaries' | 'tables'): number {
  return guard(file, () => checked(file, MAX_IMPORT_BYTES[group], IMPORT_ENDINGS[group]));
}

/** The whole of a checked file (for formats read at once: tables, shapefiles, GeoPackages, TopoJSON). */
export function readImportFile(file: string, group: 'boundaries' | 'tables'): Uint8Array {
  return guard(file, () => {
    checked(file, MAX_IMPORT_BYTES[group], IMPORT_ENDINGS[group]);
    return fs.readFileSync(file);
  });
}

/** A shapefile's .dbf, .prj or .cpg beside its .shp (either case of ending), or null. */
export function readSibling(file: string, extension: string): Uint8Array | null {
  const base = file.slice(0, -path.extname(file).length);
  for (const candidate of [base + extension, base + extension.toUpperCase()]) {
    if (fs.existsSync(candidate)) return guard(candidate, () => (checked(candidate, MAX_IMPORT_BYTES.boundaries, SHAPEFILE_PARTS), fs.readFileSync(candidate)));
  }
  return null;
}

function checked(file: string, limit: number, endings: Endings): number {
  // Only regular files: a device (/dev/zero), a named pipe or a socket would never end.
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new ImportFileError('this is a folder, not a file');
  if (!stat.isFile()) throw new ImportFileError('this is not a regular file (a device, a pipe or a socket); choose a file saved on disk');
  const ending = path.extname(file).toLowerCase();
  const kind = endings[ending];
  if (kind === undefined) throw new ImportFileError(`CareCover imports files ending ${Object.keys(endings).join(', ')} here, not ${ending ? `"${ending}"` : 'a file with no ending'}`);
  if (stat.size > limit) throw new ImportFileError(`the file is ${Math.ceil(stat.size / 2 ** 20).toLocaleString('en-GB')} MB, more than the ${limit / 2 ** 20} MB an import of this kind reads`);
  if (kind && stat.size > 0 && !matchesSignature(readHead(file), kind)) {
    throw new ImportFileError(`the file ends ${ending} but is not ${SIGNATURE_NAMES[kind]} (its first bytes say otherwise)`);
  }
  return stat.size;
}

function guard<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportFileError(code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'this is a folder, not a file' : `the file cannot be read: ${storageCause(file, error) ?? code ?? (error as Error).message}`);
  }
}
