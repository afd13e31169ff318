import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ImportPreview, ImportRequest, ImportResult } from '../../shared/import/request';
import { writeTransaction, type ProjectDb } from '../store/db';
import { writingAreasInBulk } from '../store/area-cache';
import { readAreas } from '../store/model-data';
import { BYTES_PER_POSITION, readPass, type AreaInput, type RulesBasis } from './area-pass';
import { readInThread } from './area-reader';
import { readBoundaryFile } from './boundary-file';
import { areaRecord } from './boundary-check';
import { AreaWriter } from './area-writer';
import { ImportFileError } from './errors';
import { NotStreamable } from './geojson-stream';
import { checkImportFile, readImportFile, readSibling } from './import-file';
import { checkUnchanged, finish, rejection } from './import-outcome';
import type { Progress } from './progress';

/**
 * Importing areas (LSOAs) in one pass over the file: each feature is parsed,
 * checked, written and its borders matched before the next is read, so
 * memory holds the borders being built and not the file's features. A GeoJSON
 * FeatureCollection is streamed; other formats are read whole first and then
 * go through the same pass.
 *
 * The id property and the coordinate system are decided from the first
 * features (SAMPLE of them) and confirmed against the whole file's extent at
 * the end; in the rare file where the two disagree, the pass runs again with
 * what the whole file says (in import mode, after rolling back the first).
 *
 * Importing a GeoJSON file, the reading and checking run on a second thread
 * (area-reader.ts) while this one writes and matches borders: the two halves
 * take about as long as each other, so England imports in about half the time.
 */

class Redo extends Error {
  constructor(readonly basis: RulesBasis) {
    super('the pass runs again with the whole file\'s rules');
  }
}

export async function runAreaImport(db: ProjectDb, request: ImportRequest, mode: 'preview' | 'import', progress: Progress): Promise<{ preview: ImportPreview; result: ImportResult | null }> {
  const fileName = request.fileName ?? path.basename(request.file);
  try {
    progress.report('Reading the file', null);
    const size = checkImportFile(request.file, 'boundaries');
    if (size === 0) throw new ImportFileError('the file is empty (0 bytes)');
    let input: AreaInput = streamable(request.file) ? { kind: 'stream', file: request.file, size } : await readWhole(request, fileName);
    let forced: RulesBasis | null = null;
    for (;;) {
      try {
        if (mode === 'preview') {
          const existing = new Set(readAreas(db).map((a) => a.code));
          const outcome = readPass(input, request, fileName, forced, existing, progress, null);
          if (outcome.redo) throw new Redo(outcome.redo);
          return { preview: outcome.preview, result: null };
        }
        return writeTransaction(db, () => writingAreasInBulk(db, () => {
          const existing = new Map(readAreas(db).map((a) => [a.code, a]));
          const writer = new AreaWriter(db, existing, input.size / BYTES_PER_POSITION);
          const outcome =
            input.kind === 'stream'
              ? readInThread({ input, request, fileName, forced, existingCodes: [...existing.keys()] }, (r) => writer.add(r), progress)
              : readPass(input, request, fileName, forced, existing, progress, (f) => writer.add(areaRecord(f)));
          if (outcome.redo) throw new Redo(outcome.redo);
          if (!outcome.preview.blocked) writer.finish(progress);
          checkUnchanged(request, outcome.preview.sha256, fileName);
          if (outcome.preview.blocked) throw rejection(outcome.preview, outcome.problems);
          return { preview: outcome.preview, result: finish(db, outcome.preview, outcome.problems) };
        }));
      } catch (error) {
        if (error instanceof NotStreamable && input.kind === 'stream') input = await readWhole(request, fileName);
        else if (error instanceof Redo && !forced) forced = error.basis;
        else throw error;
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw new ApiError('invalid-input', `${fileName}: ${error.message}`);
    throw error;
  }
}

/** GeoJSON is streamed; shapefiles, zips and GeoPackages (told by their ending) are read whole. */
function streamable(file: string): boolean {
  return ['.geojson', '.json', '.topojson'].includes(path.extname(file).toLowerCase());
}

async function readWhole(request: ImportRequest, fileName: string): Promise<AreaInput> {
  const bytes = readImportFile(request.file, 'boundaries');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const source = await readBoundaryFile(fileName, bytes, (extension) => readSibling(request.file, extension), request.layer);
  return { kind: 'whole', source, sha256, size: bytes.length };
}

