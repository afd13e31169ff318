import { boundsOf, type Bounds } from '../../shared/geo/bounds';
import { packGeometry } from '../../shared/geo/geometry-blob';
import type { AreaGeometry, Position } from '../../shared/geo/types';
import { guessCoordinates } from '../../shared/import/coordinates';
import { checkGeometry } from '../../shared/import/geometry-check';
import { guessBoundaryFields, type BoundaryKind } from '../../shared/import/kinds';
import type { ImportProblem } from '../../shared/import/problems';
import type { ImportPreview, ImportRequest } from '../../shared/import/request';
import type { BoundarySource } from './boundary-file';
import { BNG, isKnownCrs, reprojectCoordinates, toWgs84, WGS84 } from './crs';
import { PROBLEMS_SHOWN, text } from './import-outcome';
import type { Progress } from './progress';
import type { RawFeature } from './raw-feature';

/*
 * Checking boundary features: the rules a file's first features decide, each
 * feature checked and repaired, the preview. Nothing here writes to a project
 * or loads what only writing needs (SQLite, the overlay's geometry library),
 * so the thread that reads a GeoJSON file (area-reader-entry.ts) carries only
 * this.
 */

export interface CheckedFeature {
  id: string;
  name: string;
  properties: Record<string, unknown>;
  geometry: AreaGeometry;
}

export interface BoundaryCheck {
  idField: string | null;
  nameField: string | null;
  columns: string[];
  crsUsed: string | null;
  features: CheckedFeature[];
  total: number;
  problems: ImportProblem[];
  /** A reason the whole file cannot be imported as asked. */
  blocked: string | null;
}

/** What a file's first features decide for all of them: which properties are the id and name, and how to read the coordinates. */
export interface BoundaryRules {
  idField: string | null;
  nameField: string | null;
  columns: string[];
  crsUsed: string | null;
  /** Turns a position into WGS84 longitude/latitude (null when it already is). */
  convert: ((p: Position) => Position) | null;
  swapped: boolean;
  /** A reason the whole file cannot be imported as asked. */
  blocked: string | null;
}

/** The features' properties as the first 200 features have them, in the order first seen. */
export function columnsOf(sample: readonly RawFeature[]): string[] {
  return [...new Set(sample.slice(0, 200).flatMap((f) => Object.keys(f.properties)))];
}

/**
 * Picks the id and name properties and works out (or is told) the coordinate
 * system, from the properties of the first features and the extent of the
 * raw coordinates (`rawBounds`).
 */
export function boundaryRules(columns: string[], rawBounds: Bounds, declared: string | null, request: ImportRequest): BoundaryRules {
  const guessed = guessBoundaryFields(columns);
  const idField = request.idField ?? guessed.idField;
  const nameField = request.nameField ?? guessed.nameField;
  const base = { idField, nameField, columns, convert: null, swapped: false };
  const block = (reason: string, crsUsed: string | null = null): BoundaryRules => ({ ...base, crsUsed, blocked: reason });
  const list = (names: string[]) => names.map((c) => `"${c}"`).join(', ') || 'none';

  if (!columns.length) return block('the features have no properties at all, so none can serve as an id: give each feature an id property (in QGIS, the field calculator with $id, or the LSOA code) and import again');
  if (!idField) return block(`choose which property holds each feature's id: in the import dialog, the "Id property" choice; on the command line, --id-field NAME (the properties are ${list(columns)})`);
  if (!columns.includes(idField)) return block(`the features have no property "${idField}" (they have ${list(columns)})`);
  if (nameField && !columns.includes(nameField)) return block(`the features have no property "${nameField}" (they have ${list(columns)})`);

  // The coordinate system: what the user says, else what the file says, else what the numbers look like.
  let crs = request.crs ?? (declared && (/^EPSG:\d+$/.test(declared) || (declared.startsWith('WKT: ') && isKnownCrs(declared))) ? declared : null);
  if (!crs && declared) return block(`the file declares the coordinate system ${declared}, which CareCover cannot convert; choose its EPSG code (for British National Grid, EPSG:27700)`);
  if (crs && !isKnownCrs(crs)) return block(`CareCover does not know ${crs}; reproject the file to WGS84 (EPSG:4326) or British National Grid (EPSG:27700) in QGIS first`);
  const shape = Number.isFinite(rawBounds.minX) ? guessCoordinates(rawBounds) : 'lonlat';
  const extent = `x ${fmt(rawBounds.minX)} to ${fmt(rawBounds.maxX)}, y ${fmt(rawBounds.minY)} to ${fmt(rawBounds.maxY)}`;
  let swap = false;
  if (!crs || crs === WGS84) {
    if (shape === 'bng') {
      return block(
        `the coordinates are in metres (${extent}), not degrees: they look like British National Grid${declared ? `, although the file declares ${declared}` : ''}; import again with the coordinate system EPSG:27700 (--crs EPSG:27700)`,
      );
    }
    if (shape === 'latlon') {
      if (!request.repair) return block(`latitude and longitude look swapped (${extent}: the first number of each position should be the longitude); repairing swaps them back`);
      swap = true;
    } else if (shape === 'unknown') {
      return block(`the coordinates (${extent}) are not longitude and latitude; choose the file's coordinate system (for example EPSG:27700)`);
    }
    crs = WGS84;
  } else if (crs === BNG && shape === 'lonlat') {
    return block(`the file is said to be in British National Grid, but its coordinates (${extent}) look like longitude and latitude; import it as EPSG:4326`);
  }
  const convert: ((p: Position) => Position) | null = swap ? (p) => [p[1]!, p[0]!] : crs !== WGS84 ? toWgs84(crs) : null;
  return { ...base, crsUsed: crs, convert, swapped: swap, blocked: null };
}

/** Whether two sets of rules read coordinates the same way (the rules from a file's first features, and from all of them). */
export function sameReading(a: BoundaryRules, b: BoundaryRules): boolean {
  return a.blocked === b.blocked && a.crsUsed === b.crsUsed && a.swapped === b.swapped && a.idField === b.idField && a.nameField === b.nameField;
}

/**
 * Checks features one at a time into WGS84 polygons under a file's rules.
 * Problems name the feature by number and id.
 */
export class FeatureChecker {
  readonly problems: ImportProblem[] = [];
  accepted = 0;
  private readonly seen = new Map<string, number>();
  /** The extent of the checked (converted) outlines, to see that a conversion landed in the UK. */
  private readonly converted = emptyBounds();

  private constructor(
    private readonly rules: BoundaryRules & { idField: string },
    private readonly repair: boolean,
  ) {
    if (rules.swapped) this.problems.push({ severity: 'repaired', where: 'file', problem: 'latitude and longitude were swapped: swapped them back' });
  }

  /** A checker under rules that let the file be read, or null when they block it. */
  static under(rules: BoundaryRules, repair: boolean): FeatureChecker | null {
    return rules.blocked || !rules.idField ? null : new FeatureChecker(rules as BoundaryRules & { idField: string }, repair);
  }

  check(feature: RawFeature, index: number): CheckedFeature | null {
    const { idField, nameField, convert } = this.rules;
    const rawId = feature.properties[idField];
    const id = rawId === null || rawId === undefined ? '' : String(rawId).trim();
    const where = `feature ${index + 1}${id ? ` (${id})` : ''}`;
    const error = (problem: string) => {
      this.problems.push({ severity: 'error', where, problem });
      return null;
    };
    if (!id) return error(`has no id in "${idField}"`);
    const first = this.seen.get(id);
    if (first !== undefined) return error(`has the same id as feature ${first + 1}`);
    this.seen.set(id, index);
    const g = feature.geometry as { coordinates?: unknown } | null;
    if (convert && g && typeof g === 'object') reprojectCoordinates(g.coordinates, convert);
    const check = checkGeometry(feature.geometry, this.repair);
    for (const problem of check.errors) error(problem);
    for (const problem of check.repairs) this.problems.push({ severity: 'repaired', where, problem });
    if (!check.geometry) return null;
    if (convert) extendBounds(this.converted, check.geometry);
    this.accepted++;
    const rawName = nameField ? feature.properties[nameField] : null;
    return { id, name: rawName === null || rawName === undefined || String(rawName).trim() === '' ? id : String(rawName).trim(), properties: feature.properties, geometry: check.geometry };
  }

  /** After the last feature: why the whole file cannot be imported, when a conversion put the boundaries outside the United Kingdom. */
  finish(): string | null {
    const crs = this.rules.crsUsed;
    if (this.accepted > 0 && crs !== WGS84 && guessCoordinates(this.converted) !== 'lonlat') return `after converting from ${crs} the boundaries are not in the United Kingdom; is ${crs} the right coordinate system?`;
    return null;
  }
}

function extendBounds(b: Bounds, geometry: AreaGeometry): void {
  const own = boundsOf([geometry]);
  if (own.minX < b.minX) b.minX = own.minX;
  if (own.minY < b.minY) b.minY = own.minY;
  if (own.maxX > b.maxX) b.maxX = own.maxX;
  if (own.maxY > b.maxY) b.maxY = own.maxY;
}

/**
 * Reads every feature of a boundary file (held whole) into checked WGS84
 * polygons: the zones import, which needs them all at once to place areas.
 */
export function checkBoundaries(source: BoundarySource, request: ImportRequest, progress: Progress): BoundaryCheck {
  const rules = boundaryRules(columnsOf(source.features), coordinateBounds(source.features.map((f) => f.geometry)), source.declaredCrs, request);
  const base = { idField: rules.idField, nameField: rules.nameField, columns: rules.columns, crsUsed: rules.crsUsed, features: [], total: source.features.length, problems: [] };
  const checker = FeatureChecker.under(rules, request.repair ?? false);
  if (!checker) return { ...base, blocked: rules.blocked };
  const features: CheckedFeature[] = [];
  source.features.forEach((feature, index) => {
    if (index % 2000 === 0) progress.report('Checking features', index / source.features.length);
    const checked = checker.check(feature, index);
    if (checked) features.push(checked);
  });
  const refused = checker.finish();
  return { ...base, features: refused ? [] : features, problems: checker.problems, blocked: refused };
}

/** The extent of every numeric position of some raw geometries. */
function coordinateBounds(geometries: unknown[]): Bounds {
  const b = emptyBounds();
  for (const g of geometries) extendRawBounds(b, g);
  return b;
}

export const emptyBounds = (): Bounds => ({ minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity });

/**
 * Widens `b` to every finite numeric position of a raw (unchecked) geometry,
 * and says how deeply its coordinates nest (a Polygon's 3, a MultiPolygon's
 * 4), looking no deeper than `limit`: one walk does for both, so a national
 * file's millions of positions are visited once before checking.
 */
export function extendRawBounds(b: Bounds, geometry: unknown, limit = Infinity): number {
  return geometry && typeof geometry === 'object' ? visitPositions(b, (geometry as { coordinates?: unknown }).coordinates, 0, limit) : 0;
}

function visitPositions(b: Bounds, c: unknown, depth: number, limit: number): number {
  if (!Array.isArray(c)) return depth;
  const here = depth + 1;
  if (here > limit) return here;
  if (typeof c[0] === 'number' && typeof c[1] === 'number') {
    // A position: nothing reads past its first two numbers, so nothing deeper in it is walked.
    widen(b, c[0], c[1]);
    return here;
  }
  let deepest = here;
  // A ring's positions in one loop rather than a call each (millions of them in a national file).
  const ring = Array.isArray(c[0]) && typeof (c[0] as unknown[])[0] === 'number';
  for (let i = 0; i < c.length; i++) {
    const p = c[i] as unknown;
    let d: number;
    if (ring && Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') {
      widen(b, p[0], p[1]);
      d = here + 1;
    } else d = visitPositions(b, p, here, limit);
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
  }
  return deepest;
}

function widen(b: Bounds, x: number, y: number): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  if (x < b.minX) b.minX = x;
  if (x > b.maxX) b.maxX = x;
  if (y < b.minY) b.minY = y;
  if (y > b.maxY) b.maxY = y;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : String(Math.round(v * 1000) / 1000);
}

const pick = (properties: Record<string, unknown>, pattern: RegExp) => {
  const key = Object.keys(properties).find((k) => pattern.test(k));
  return key === undefined ? undefined : properties[key];
};

/** What a feature's properties say of its area besides its id and name; what the file lacks stays as the project had it. */
export interface AreaFields {
  district?: string;
  population?: number;
  ruc?: string;
}

/** An accepted area as the writer takes it: small fields and its boundary packed (shared/geo/geometry-blob.ts), so it crosses threads as one buffer. */
export interface AreaRecord {
  id: string;
  name: string;
  fields: AreaFields;
  geometry: Float64Array;
}

export function areaRecord(f: CheckedFeature): AreaRecord {
  const population = Number(pick(f.properties, /^(pop|population|all_?ages|usual_?residents|pop\d{2,4})$/i));
  const district = pick(f.properties, /^LAD\d*CD$/i);
  const ruc = pick(f.properties, /^RUC\d*CD$/i);
  const fields: AreaFields = {};
  if (district !== undefined) fields.district = String(district);
  if (Number.isFinite(population) && population >= 0) fields.population = Math.round(population);
  if (ruc !== undefined) fields.ruc = String(ruc);
  return { id: f.id, name: f.name, fields, geometry: packGeometry(f.geometry) };
}

/** About how many points the preview's outline keeps. */
const SKETCH_POINTS = 20000;

/**
 * The accepted outlines in a 320 × 240 box for the preview, simplified to a
 * few thousand points by keeping every `step`th position of each outer ring;
 * fed one geometry at a time, so a streamed import need not keep them.
 */
export class OutlineSketch {
  private readonly rings: Position[][] = [];
  private readonly bounds = emptyBounds();

  constructor(private readonly step: number) {}

  /** The step for about SKETCH_POINTS points out of `positions`. */
  static forPositions(positions: number): OutlineSketch {
    return new OutlineSketch(Math.max(1, Math.ceil(positions / SKETCH_POINTS)));
  }

  add(g: AreaGeometry): void {
    extendBounds(this.bounds, g);
    for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const ring = polygon[0]!.filter((_, i, all) => i % this.step === 0 || i === all.length - 1);
      if (ring.length >= 3) this.rings.push(ring);
    }
  }

  path(): string | null {
    if (this.rings.length === 0) return null;
    const b = this.bounds;
    const k = Math.cos((((b.minY + b.maxY) / 2) * Math.PI) / 180);
    const scale = Math.min(310 / Math.max((b.maxX - b.minX) * k, 1e-9), 230 / Math.max(b.maxY - b.minY, 1e-9));
    return this.rings.map((ring) => 'M' + ring.map((p) => `${(5 + (p[0]! - b.minX) * k * scale).toFixed(1)} ${(235 - (p[1]! - b.minY) * scale).toFixed(1)}`).join('L') + 'Z').join('');
  }
}

/** The preview's outline of geometries held together (the zones import). */
export function outlinePath(geometries: AreaGeometry[]): string | null {
  const total = geometries.reduce((n, g) => n + (g.type === 'Polygon' ? g.coordinates[0]!.length : g.coordinates.reduce((m, p) => m + p[0]!.length, 0)), 0);
  const sketch = OutlineSketch.forPositions(total);
  for (const g of geometries) sketch.add(g);
  return sketch.path();
}

/** What a boundary import's preview is made from. */
export interface BoundaryPreviewParts {
  file: { kind: ImportPreview['kind']; fileName: string; sha256: string; bytes: number };
  source: Pick<BoundarySource, 'format' | 'layers' | 'layer' | 'declaredCrs'>;
  rules: Pick<BoundaryRules, 'idField' | 'nameField' | 'columns' | 'crsUsed'>;
  counts: { total: number; accepted: number; added: number; updated: number };
  /** The first few accepted features. */
  first: CheckedFeature[];
  problems: ImportProblem[];
  outline: string | null;
  plan: string | null;
  blocked: string | null;
}

export function boundaryPreview(p: BoundaryPreviewParts): ImportPreview {
  const { rules, source, counts } = p;
  const layerNote = source.layer ? `layer "${source.layer}", ` : '';
  // The sample shows the id, the name and up to three other properties.
  const extra = rules.columns.filter((c) => c !== rules.idField && c !== rules.nameField).slice(0, 3);
  return {
    ...p.file,
    format: source.format,
    detail: `${layerNote}${rules.crsUsed ? `coordinates ${rules.crsUsed === 'EPSG:4326' ? 'WGS84 longitude/latitude' : `${rules.crsUsed}, converted to WGS84`}` : 'coordinates not read'}`,
    layers: source.layers,
    layer: source.layer,
    columns: rules.columns,
    idField: rules.idField,
    nameField: rules.nameField,
    mapping: null,
    crs: { declared: source.declaredCrs, used: rules.crsUsed },
    total: counts.total,
    accepted: counts.accepted,
    rejected: counts.total - counts.accepted,
    added: counts.added,
    updated: counts.updated,
    sample: { headers: ['Id', 'Name', ...extra], rows: p.first.slice(0, 5).map((f) => [f.id, f.name, ...extra.map((c) => text(f.properties[c]))]) },
    problems: p.problems.slice(0, PROBLEMS_SHOWN),
    problemCount: p.problems.length,
    outline: p.outline,
    plan: p.plan,
    blocked: p.blocked,
  };
}
