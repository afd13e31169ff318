import { EdgeTopology } from '../../shared/geo/borders';
import { boundsOf } from '../../shared/geo/bounds';
import type { AreaGeometry, Position } from '../../shared/geo/types';
import { guessCoordinates } from '../../shared/import/coordinates';
import { checkGeometry } from '../../shared/import/geometry-check';
import { guessBoundaryFields, type BoundaryKind } from '../../shared/import/kinds';
import { assignByOverlap } from '../../shared/import/overlay';
import type { ImportProblem } from '../../shared/import/problems';
import type { ImportRequest } from '../../shared/import/request';
import { ZONE_COLOURS } from '../../shared/style/zone-colours';
import type { ProjectDb } from '../store/db';
import { storeTopology } from '../store/area-cache';
import { insertAreaNeighbours, insertAssignments, insertZones, readAreaGeometries, readAreas, readBands } from '../store/model-data';
import { clearAreaNeighbours, readOtherAreaGeometries, upsertAreas } from '../store/imported-rows';
import { insertPlan, listPlans, setCurrentPlan } from '../store/plans';
import type { BoundarySource } from './boundary-file';
import { BNG, isKnownCrs, reprojectCoordinates, toWgs84, WGS84 } from './crs';
import type { Progress } from './progress';

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

/**
 * Reads the features of a boundary file into checked WGS84 polygons: picks
 * the id and name properties, works out (or is told) the coordinate system,
 * and checks every geometry. Problems name the feature by number and id.
 */
export function checkBoundaries(source: BoundarySource, request: ImportRequest, progress: Progress): BoundaryCheck {
  const columns = [...new Set(source.features.slice(0, 200).flatMap((f) => Object.keys(f.properties)))];
  const guessed = guessBoundaryFields(columns);
  const idField = request.idField ?? guessed.idField;
  const nameField = request.nameField ?? guessed.nameField;
  const problems: ImportProblem[] = [];
  const base = { idField, nameField, columns, features: [], total: source.features.length, problems };
  const block = (reason: string, crsUsed: string | null = null): BoundaryCheck => ({ ...base, crsUsed, blocked: reason });
  const list = (names: string[]) => names.map((c) => `"${c}"`).join(', ') || 'none';

  if (!columns.length) return block('the features have no properties at all, so none can serve as an id: give each feature an id property (in QGIS, the field calculator with $id, or the LSOA code) and import again');
  if (!idField) return block(`choose which property holds each feature's id: in the import dialog, the "Id property" choice; on the command line, --id-field NAME (the properties are ${list(columns)})`);
  if (!columns.includes(idField)) return block(`the features have no property "${idField}" (they have ${list(columns)})`);
  if (nameField && !columns.includes(nameField)) return block(`the features have no property "${nameField}" (they have ${list(columns)})`);

  // The coordinate system: what the user says, else what the file says, else what the numbers look like.
  const declared = source.declaredCrs;
  let crs = request.crs ?? (declared && (/^EPSG:\d+$/.test(declared) || (declared.startsWith('WKT: ') && isKnownCrs(declared))) ? declared : null);
  if (!crs && declared) return block(`the file declares the coordinate system ${declared}, which CareCover cannot convert; choose its EPSG code (for British National Grid, EPSG:27700)`);
  if (crs && !isKnownCrs(crs)) return block(`CareCover does not know ${crs}; reproject the file to WGS84 (EPSG:4326) or British National Grid (EPSG:27700) in QGIS first`);
  const rawBounds = coordinateBounds(source.features.map((f) => f.geometry));
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
      problems.push({ severity: 'repaired', where: 'file', problem: 'latitude and longitude were swapped: swapped them back' });
    } else if (shape === 'unknown') {
      return block(`the coordinates (${extent}) are not longitude and latitude; choose the file's coordinate system (for example EPSG:27700)`);
    }
    crs = WGS84;
  } else if (crs === BNG && shape === 'lonlat') {
    return block(`the file is said to be in British National Grid, but its coordinates (${extent}) look like longitude and latitude; import it as EPSG:4326`);
  }
  const convert: ((p: Position) => Position) | null = swap ? (p) => [p[1]!, p[0]!] : crs !== WGS84 ? toWgs84(crs) : null;

  const features: CheckedFeature[] = [];
  const seen = new Map<string, number>();
  source.features.forEach((feature, index) => {
    if (index % 2000 === 0) progress.report('Checking features', index / source.features.length);
    const rawId = feature.properties[idField];
    const id = rawId === null || rawId === undefined ? '' : String(rawId).trim();
    const where = `feature ${index + 1}${id ? ` (${id})` : ''}`;
    const error = (problem: string) => problems.push({ severity: 'error', where, problem });
    if (!id) return error(`has no id in "${idField}"`);
    const first = seen.get(id);
    if (first !== undefined) return error(`has the same id as feature ${first + 1}`);
    seen.set(id, index);
    const g = feature.geometry as { coordinates?: unknown } | null;
    if (convert && g && typeof g === 'object') reprojectCoordinates(g.coordinates, convert);
    const check = checkGeometry(feature.geometry, request.repair ?? false);
    for (const problem of check.errors) error(problem);
    for (const problem of check.repairs) problems.push({ severity: 'repaired', where, problem });
    if (!check.geometry) return;
    const rawName = nameField ? feature.properties[nameField] : null;
    features.push({ id, name: rawName === null || rawName === undefined || String(rawName).trim() === '' ? id : String(rawName).trim(), properties: feature.properties, geometry: check.geometry });
  });
  if (features.length > 0 && crs !== WGS84) {
    const after = boundsOf(features.map((f) => f.geometry));
    if (guessCoordinates(after) !== 'lonlat') return block(`after converting from ${crs} the boundaries are not in the United Kingdom; is ${crs} the right coordinate system?`, crs);
  }
  return { ...base, crsUsed: crs, features, blocked: null };
}

/** The extent of every numeric position of some raw geometries. */
function coordinateBounds(geometries: unknown[]) {
  const b = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      const [x, y] = c as number[];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        if (x! < b.minX) b.minX = x!;
        if (x! > b.maxX) b.maxX = x!;
        if (y! < b.minY) b.minY = y!;
        if (y! > b.maxY) b.maxY = y!;
      }
      return;
    }
    for (const child of c) visit(child);
  };
  for (const g of geometries) if (g && typeof g === 'object') visit((g as { coordinates?: unknown }).coordinates);
  return b;
}

function fmt(v: number): string {
  return Math.abs(v) >= 1000 ? Math.round(v).toLocaleString('en-GB') : String(Math.round(v * 1000) / 1000);
}

const pick = (properties: Record<string, unknown>, pattern: RegExp) => {
  const key = Object.keys(properties).find((k) => pattern.test(k));
  return key === undefined ? undefined : properties[key];
};

/** What importing checked areas or zones will do to the project, and the function that does it. */
export interface BoundaryPlan {
  added: number;
  updated: number;
  planName: string | null;
  notes: ImportProblem[];
  write(db: ProjectDb): void;
}

export function planBoundaries(kind: BoundaryKind, db: ProjectDb, check: BoundaryCheck, request: ImportRequest, fileStem: string, progress: Progress): BoundaryPlan {
  return kind === 'areas' ? planAreas(db, check.features, progress) : planZones(db, check.features, request, fileStem, progress);
}

function planAreas(db: ProjectDb, features: CheckedFeature[], progress: Progress): BoundaryPlan {
  const existing = new Map(readAreas(db).map((a) => [a.code, a]));
  const rows = features.map((f) => {
    const before = existing.get(f.id);
    const population = Number(pick(f.properties, /^(pop|population|all_?ages|usual_?residents|pop\d{2,4})$/i));
    const district = pick(f.properties, /^LAD\d*CD$/i);
    const ruc = pick(f.properties, /^RUC\d*CD$/i);
    return {
      code: f.id,
      name: f.name,
      district: district === undefined ? (before?.district ?? '') : String(district),
      population: Number.isFinite(population) && population >= 0 ? Math.round(population) : (before?.population ?? 0),
      ruc: ruc === undefined ? (before?.ruc ?? '') : String(ruc),
      geometry: f.geometry,
    };
  });
  const updated = rows.filter((r) => existing.has(r.code)).length;
  return {
    added: rows.length - updated,
    updated,
    planName: null,
    notes: [],
    write(target) {
      upsertAreas(target, rows, (i) => {
        if (i % 2000 === 0) progress.report('Writing areas', i / rows.length);
      });
      // Borders are found again over every area: a new area may border old ones.
      progress.report('Finding shared borders', null);
      clearAreaNeighbours(target);
      // The imported geometries are already parsed; only the project's other areas are read back.
      const geometries = new Map(rows.map((r) => [r.code, r.geometry] as const));
      for (const [code, geometry] of readOtherAreaGeometries(target, geometries)) geometries.set(code, geometry);
      progress.report('Finding shared borders', 0.5);
      const topology = new EdgeTopology(geometries);
      insertAreaNeighbours(target, topology.neighbours());
      // Kept with the project: the map draws from it without matching borders again.
      storeTopology(target, topology);
    },
  };
}

function planZones(db: ProjectDb, features: CheckedFeature[], request: ImportRequest, fileStem: string, progress: Progress): BoundaryPlan {
  const areas = readAreaGeometries(db);
  progress.report('Placing areas in zones', null);
  const overlay = assignByOverlap(areas, features.map((f) => ({ id: f.id, geometry: f.geometry })));
  const notes: ImportProblem[] = [
    ...overlay.ambiguous.map((a) => ({ severity: 'warning' as const, where: `area ${a.area}`, problem: `no zone covers more than half of it; put in zone ${a.zone}, which covers ${Math.round(a.share * 100)}%` })),
    ...overlay.outside.map((code) => ({ severity: 'warning' as const, where: `area ${code}`, problem: 'lies outside every zone; left without a zone' })),
  ];
  const empty = features.filter((f) => ![...overlay.assignments.values()].includes(f.id));
  for (const f of empty) notes.push({ severity: 'warning', where: `zone ${f.id}`, problem: 'covers no area by more than any other zone; it is created with no areas' });
  // A rate band property on the zones (band, rate_band, band_id): each zone is priced in it whatever its rural share.
  const bands = readBands(db);
  const bandKey = Object.keys(features[0]?.properties ?? {}).find((k) => /^(rate_?)?band(_?id)?$/i.test(k.trim()));
  const bandOf = new Map<string, string>();
  if (bandKey) {
    for (const f of features) {
      const value = String(f.properties[bandKey] ?? '').trim();
      if (!value) continue;
      const band = bands.find((b) => b.id.toLowerCase() === value.toLowerCase() || b.name.toLowerCase() === value.toLowerCase());
      if (band) bandOf.set(f.id, band.id);
      else notes.push({ severity: 'warning', where: `zone ${f.id}`, problem: `its ${bandKey} "${value}" is not one of the project's rate bands (${bands.map((b) => b.name).join(', ')}); it is priced from its rural share` });
    }
    if (bandOf.size) notes.push({ severity: 'warning', where: 'file', problem: `${bandOf.size} zone${bandOf.size === 1 ? ' is' : 's are'} put in the rate band the "${bandKey}" property names, whatever ${bandOf.size === 1 ? 'its' : 'their'} rural share` });
  }
  const taken = new Set(listPlans(db).map((p) => p.name.toLowerCase()));
  const wanted = request.plan ?? fileStem;
  let planName = wanted;
  for (let n = 2; taken.has(planName.toLowerCase()); n++) planName = `${wanted} (${n})`;
  return {
    added: features.length,
    updated: 0,
    planName,
    notes,
    write(target) {
      const planId = insertPlan(target, planName);
      insertZones(target, planId, features.map((f, i) => ({ id: f.id, name: f.name, colour: ZONE_COLOURS[i % ZONE_COLOURS.length]!, bandOverride: bandOf.get(f.id) ?? null })));
      insertAssignments(target, planId, overlay.assignments);
      setCurrentPlan(target, planId);
    },
  };
}

/** Accepted outlines in a 320 × 240 box, simplified to a few thousand points, for the preview. */
export function outlinePath(geometries: AreaGeometry[]): string | null {
  if (geometries.length === 0) return null;
  const b = boundsOf(geometries);
  const k = Math.cos((((b.minY + b.maxY) / 2) * Math.PI) / 180);
  const scale = Math.min(310 / Math.max((b.maxX - b.minX) * k, 1e-9), 230 / Math.max(b.maxY - b.minY, 1e-9));
  const total = geometries.reduce((n, g) => n + (g.type === 'Polygon' ? g.coordinates[0]!.length : g.coordinates.reduce((m, p) => m + p[0]!.length, 0)), 0);
  const step = Math.max(1, Math.ceil(total / 20000));
  const parts: string[] = [];
  for (const g of geometries) {
    for (const polygon of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      const ring = polygon[0]!.filter((_, i, all) => i % step === 0 || i === all.length - 1);
      if (ring.length < 3) continue;
      parts.push('M' + ring.map((p) => `${(5 + (p[0]! - b.minX) * k * scale).toFixed(1)} ${(235 - (p[1]! - b.minY) * scale).toFixed(1)}`).join('L') + 'Z');
    }
  }
  return parts.join('');
}
