import { normaliseCrsName } from './crs';
import { ImportFileError } from './errors';

/*
 * A boundary file's feature before any checking, and the checks every reader
 * makes of it before anything walks its coordinates (the streamed GeoJSON
 * reader and the whole-file readers alike).
 */

export interface RawFeature {
  properties: Record<string, unknown>;
  geometry: unknown;
}

/** Deeper than a MultiPolygon's coordinates (4) with room for a stray level: anything more is refused before any recursive walk sees it. */
export const MAX_COORDINATE_DEPTH = 5;

/** How deep arrays nest in `value`, counted no further than just past `limit` (so the recursion is never deeper than that). */
function nestingDepth(value: unknown, limit: number, depth = 0): number {
  if (!Array.isArray(value)) return depth;
  let deepest = depth + 1;
  if (deepest > limit) return deepest;
  for (const item of value) {
    if (!Array.isArray(item)) continue;
    // A position (numbers first) is not walked into: nothing reads past its first two numbers.
    const d = typeof item[0] === 'number' ? depth + 2 : nestingDepth(item, limit, depth + 1);
    if (d > deepest) deepest = d;
    if (deepest > limit) return deepest;
  }
  return deepest;
}

/** The coordinate system a GeoJSON object's (old-style) "crs" member names, if any. */
export function declaredCrsOf(object: { crs?: { properties?: { name?: unknown } } }): string | null {
  const crsName = object.crs?.properties?.name;
  return typeof crsName === 'string' ? (normaliseCrsName(crsName) ?? crsName) : null;
}

/** One element of a FeatureCollection's features, as the checks read it: its properties (with its id among them) and geometry. */
export function toRawFeature(value: unknown): RawFeature {
  const feature = (value ?? {}) as { properties?: unknown; geometry?: unknown; id?: unknown; type?: unknown };
  const properties = typeof feature.properties === 'object' && feature.properties !== null ? { ...(feature.properties as Record<string, unknown>) } : {};
  if (feature.id !== undefined && properties.id === undefined) properties.id = feature.id;
  return { properties, geometry: feature.geometry ?? null };
}

/** Refuses coordinates nested deeper than any boundary's, before anything walks them recursively. */
export function checkFeatureDepth(f: RawFeature, index: number): void {
  const depth = nestingDepth((f.geometry as { coordinates?: unknown } | null)?.coordinates, MAX_COORDINATE_DEPTH);
  if (depth > MAX_COORDINATE_DEPTH) throw coordinatesTooDeep(f, index);
}

export function coordinatesTooDeep(f: RawFeature, index: number): ImportFileError {
  const id = f.properties.id ?? f.properties.code;
  return new ImportFileError(`feature ${index + 1}${id === undefined ? '' : ` (${String(id).slice(0, 40)})`}: its coordinates are nested more than ${MAX_COORDINATE_DEPTH} levels deep (a Polygon's are 3 levels, a MultiPolygon's 4), so it is not a boundary`);
}
