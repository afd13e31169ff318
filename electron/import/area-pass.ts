import { createHash } from 'node:crypto';
import type { Bounds } from '../../shared/geo/bounds';
import type { ImportPreview, ImportRequest } from '../../shared/import/request';
import type { ImportProblem } from '../../shared/import/problems';
import type { BoundarySource } from './boundary-file';
import { boundaryPreview, boundaryRules, columnsOf, emptyBounds, extendRawBounds, FeatureChecker, OutlineSketch, sameReading, type BoundaryRules, type CheckedFeature } from './boundary-check';
import { ImportFileError } from './errors';
import { NotStreamable, streamFeatureCollection } from './geojson-stream';
import { verdict } from './import-outcome';
import type { Progress } from './progress';
import { coordinatesTooDeep, declaredCrsOf, MAX_COORDINATE_DEPTH, toRawFeature, type RawFeature } from './raw-feature';

/**
 * The id property and the coordinate system are decided from the first
 * features (SAMPLE of them) and confirmed against the whole file's extent at
 * the end; in the rare file where the two disagree, the pass runs again with
 * what the whole file says (area-import.ts).
 */
const SAMPLE = 200;

/** Bytes of GeoJSON per position, about, for sizing the preview's outline before the features are counted. */
export const BYTES_PER_POSITION = 40;

export type AreaInput = { kind: 'stream'; file: string; size: number } | { kind: 'whole'; source: BoundarySource; sha256: string; size: number };

/** What the id property and coordinate system are decided from; plain data, so a second thread can say "again, with these". */
export interface RulesBasis {
  columns: string[];
  rawBounds: Bounds;
  declared: string | null;
}

/** What one pass found, or (`redo`) what the whole file's rules come from when they differ from those its first features gave. */
export type PassOutcome = { preview: ImportPreview; problems: ImportProblem[]; redo?: undefined } | { redo: RulesBasis };

/**
 * One pass over the file: every feature checked, and each accepted one handed
 * to `accept` (the writer, or the thread that feeds it) as it is found.
 * Writes nothing itself, so it runs on either thread.
 */
export function readPass(input: AreaInput, request: ImportRequest, fileName: string, forced: RulesBasis | null, existing: { has(code: string): boolean }, progress: Progress, accept: ((f: CheckedFeature) => void) | null): PassOutcome {
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
    accept?.(f);
  };
  const feature = (raw: RawFeature, index: number, fraction: number) => {
    if (extendRawBounds(rawBounds, raw.geometry, MAX_COORDINATE_DEPTH) > MAX_COORDINATE_DEPTH) throw coordinatesTooDeep(raw, index);
    counts.total++;
    if (index % 2000 === 0) progress.report('Reading and checking features', fraction);
    if (state.rules) return take(raw, index);
    held.push(raw);
    if (held.length >= sampleSize) decide(boundaryRules(columnsOf(held), rawBounds, declared, request));
  };
  if (forced) decide(boundaryRules(forced.columns, forced.rawBounds, forced.declared, request));

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
  if (!sameReading(whole, used) && !whole.blocked) return { redo: { columns: used.columns, rawBounds, declared } };
  const rules = whole.blocked ? whole : used;
  const checker = rules.blocked ? null : state.checker!;
  // Refused as a whole: by the rules (nothing was checked), or after checking, because a conversion missed the UK.
  const refused = rules.blocked ?? checker!.finish();
  const problems = checker?.problems ?? [];
  const accepted = refused ? 0 : checker!.accepted;
  const blocked = refused ?? verdict(problems, accepted, request, 'feature');
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
