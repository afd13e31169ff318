import { createHash } from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ImportPreview, ImportRequest, ImportResult } from '../../shared/import/request';
import type { ImportProblem } from '../../shared/import/problems';
import { writeTransaction, type ProjectDb } from '../store/db';
import { readAreas } from '../store/model-data';
import { checkFeatureDepth, declaredCrsOf, readBoundaryFile, toRawFeature, type BoundarySource, type RawFeature } from './boundary-file';
import { AreaWriter, boundaryPreview, boundaryRules, columnsOf, emptyBounds, extendRawBounds, FeatureChecker, OutlineSketch, sameReading, type BoundaryRules, type CheckedFeature } from './boundary-import';
import { ImportFileError } from './errors';
import { NotStreamable, streamFeatureCollection } from './geojson-stream';
import { checkImportFile, readImportFile, readSibling } from './import-file';
import { checkUnchanged, finish, rejection, verdict } from './import-outcome';
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
 */
const SAMPLE = 200;

/** Bytes of GeoJSON per position, about, for sizing the preview's outline before the features are counted. */
const BYTES_PER_POSITION = 40;

type AreaInput = { kind: 'stream'; file: string; size: number } | { kind: 'whole'; source: BoundarySource; sha256: string; size: number };

/** What one pass found, or (`redo`) the rules the whole file calls for when they differ from those its first features gave. */
type PassOutcome = { preview: ImportPreview; problems: ImportProblem[]; redo?: undefined } | { redo: BoundaryRules };

class Redo extends Error {
  constructor(readonly rules: BoundaryRules) {
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
    let forced: BoundaryRules | null = null;
    for (;;) {
      try {
        if (mode === 'preview') {
          const outcome = pass(db, null, input, request, fileName, forced, progress);
          if (outcome.redo) throw new Redo(outcome.redo);
          return { preview: outcome.preview, result: null };
        }
        return writeTransaction(db, () => {
          const outcome = pass(db, db, input, request, fileName, forced, progress);
          if (outcome.redo) throw new Redo(outcome.redo);
          checkUnchanged(request, outcome.preview.sha256, fileName);
          if (outcome.preview.blocked) throw rejection(outcome.preview, outcome.problems);
          return { preview: outcome.preview, result: finish(db, outcome.preview, outcome.problems) };
        });
      } catch (error) {
        if (error instanceof NotStreamable && input.kind === 'stream') input = await readWhole(request, fileName);
        else if (error instanceof Redo && !forced) forced = error.rules;
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

/** One pass: every feature checked and, when `target` is given, written with its borders. */
function pass(db: ProjectDb, target: ProjectDb | null, input: AreaInput, request: ImportRequest, fileName: string, forced: BoundaryRules | null, progress: Progress): PassOutcome {
  const existing = new Map(readAreas(db).map((a) => [a.code, a]));
  const writer = target ? new AreaWriter(target, existing) : null;
  const rawBounds = emptyBounds();
  const sketch = OutlineSketch.forPositions(input.size / BYTES_PER_POSITION);
  const first: CheckedFeature[] = [];
  const counts = { total: 0, added: 0, updated: 0 };
  // The first features, held until there are enough to decide the rules from.
  const held: RawFeature[] = [];
  const sampleSize = input.kind === 'stream' ? SAMPLE : Infinity;
  let declared = input.kind === 'whole' ? input.source.declaredCrs : null;
  const state: { rules: BoundaryRules | null; checker: FeatureChecker | null } = { rules: null, checker: null };

  const decide = (rules: BoundaryRules) => {
    state.rules = rules;
    state.checker = FeatureChecker.under(rules, request.repair ?? false);
    held.splice(0).forEach(take);
  };
  const take = (raw: RawFeature, index: number) => {
    const f = state.checker?.check(raw, index);
    if (!f) return;
    if (existing.has(f.id)) counts.updated++;
    else counts.added++;
    if (first.length < 5) first.push(f);
    sketch.add(f.geometry);
    writer?.add(f);
  };
  const feature = (raw: RawFeature, index: number, fraction: number) => {
    checkFeatureDepth(raw, index);
    extendRawBounds(rawBounds, raw.geometry);
    counts.total++;
    if (index % 2000 === 0) progress.report('Reading and checking features', fraction);
    if (state.rules) return take(raw, index);
    held.push(raw);
    if (held.length >= sampleSize) decide(boundaryRules(columnsOf(held), rawBounds, declared, request));
  };
  if (forced) decide(forced);

  let sha256: string;
  if (input.kind === 'stream') {
    const hash = createHash('sha256');
    let fraction = 0;
    const members = streamFeatureCollection(input.file, input.size, {
      begin(m) {
        if (m.type !== 'FeatureCollection') throw new NotStreamable('not a FeatureCollection');
        declared = declaredCrsOf(m);
      },
      feature: (value, index) => feature(toRawFeature(value), index, fraction),
      bytes(chunk, f) {
        hash.update(chunk);
        fraction = f;
      },
    });
    // A "crs" written after the features counts as much as one before them.
    declared = declaredCrsOf(members) ?? declared;
    sha256 = hash.digest('hex');
  } else {
    input.source.features.forEach((raw, index) => feature(raw, index, index / input.source.features.length));
    sha256 = input.sha256;
  }
  if (counts.total === 0) throw new ImportFileError('the file holds no features');
  if (!state.rules) decide(boundaryRules(columnsOf(held), rawBounds, declared, request));
  const used = state.rules!;
  // The whole file's extent and declaration must agree with what its first features said.
  const whole = boundaryRules(used.columns, rawBounds, declared, request);
  if (!sameReading(whole, used) && !whole.blocked) return { redo: whole };
  const rules = whole.blocked ? whole : used;
  const checker = rules.blocked ? null : state.checker!;
  // Refused as a whole: by the rules (nothing was checked), or after checking, because a conversion missed the UK.
  const refused = rules.blocked ?? checker!.finish();
  const problems = checker?.problems ?? [];
  const accepted = refused ? 0 : checker!.accepted;
  const blocked = refused ?? verdict(problems, accepted, request, 'feature');
  if (writer && !blocked) writer.finish(progress);
  const source = input.kind === 'whole' ? input.source : { format: 'geojson' as const, layers: [], layer: null, declaredCrs: declared };
  return {
    preview: boundaryPreview({
      file: { kind: request.kind, fileName, sha256, bytes: input.size },
      source,
      rules,
      counts: { total: counts.total, accepted, added: refused ? 0 : counts.added, updated: refused ? 0 : counts.updated },
      first: refused ? [] : first,
      problems,
      outline: refused ? null : sketch.path(),
      plan: null,
      blocked,
    }),
    problems,
  };
}
