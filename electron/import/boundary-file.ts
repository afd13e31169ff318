import path from 'node:path';
import { openGeoPackage, type GeoPackageReader } from '../store/geopackage';
import { unzipSync } from 'fflate';
import * as shapefile from 'shapefile';
import { crsFromDefinition, crsFromWkt, isKnownCrs, WGS84 } from './crs';
import { decodeText } from './decode-text';
import { ImportFileError } from './errors';
import { checkFeatureDepth, declaredCrsOf, toRawFeature, type RawFeature } from './raw-feature';
import { readGeoPackageGeometry } from './wkb';
import { feature as topologyFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

/** The features of one layer of a boundary file, before any checking. */
export interface BoundarySource {
  format: 'geojson' | 'topojson' | 'shapefile' | 'geopackage';
  layers: string[];
  layer: string | null;
  features: RawFeature[];
  /** The coordinate system the file declares ("EPSG:n"), or its own words when CareCover cannot name it; null when it says nothing. */
  declaredCrs: string | null;
}

/** Bytes beside the main file (a shapefile's .dbf and .prj), read by the caller. */
export type SiblingReader = (extension: string) => Uint8Array | null;

export async function readBoundaryFile(fileName: string, bytes: Uint8Array, siblings: SiblingReader, layer?: string): Promise<BoundarySource> {
  if (bytes.length === 0) throw new ImportFileError('the file is empty (0 bytes)');
  const extension = path.extname(fileName).toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 16));
  if (head.startsWith('SQLite format 3')) return readGeoPackage(bytes, layer);
  if (head.startsWith('PK')) return readShapefileZip(bytes, layer);
  if (extension === '.shp') {
    const dbf = siblings('.dbf');
    if (!dbf) throw new ImportFileError('the shapefile has no .dbf beside it (the attribute table with the ids and names); choose the .zip or put the .dbf in the same folder');
    const prj = siblings('.prj');
    const cpg = siblings('.cpg');
    return readShapefile(bytes, dbf, prj, cpg, path.basename(fileName, extension), []);
  }
  if (['.gpkg', '.zip', '.dbf', '.shx'].includes(extension)) throw new ImportFileError(`the file is not a ${extension.slice(1)} file CareCover can read (its first bytes are not what that format starts with)`);
  return readGeoJson(bytes, layer);
}

/**
 * TopoJSON (what mapshaper and many web maps write): each named object is a
 * layer to choose, turned back into GeoJSON features by topojson-client,
 * whose arcs are the shared borders the file was built from.
 */
function readTopology(topology: Topology, wanted?: string): BoundarySource {
  const layers = Object.keys(topology.objects ?? {});
  if (!layers.length) throw new ImportFileError('the TopoJSON holds no objects');
  const layer = wanted ?? layers[0]!;
  const object = topology.objects[layer];
  if (!object) throw new ImportFileError(`the TopoJSON has no object "${layer}" (it has ${layers.map((l) => `"${l}"`).join(', ')})`);
  if (!Array.isArray(topology.arcs)) throw new ImportFileError('the TopoJSON has no "arcs" list');
  let collection: { features?: { properties?: unknown; geometry?: unknown; id?: unknown }[] } | { properties?: unknown; geometry?: unknown; id?: unknown };
  try {
    collection = topologyFeature(topology, object) as typeof collection;
  } catch (error) {
    throw new ImportFileError(`the TopoJSON object "${layer}" cannot be read: ${(error as Error).message}`);
  }
  const list = 'features' in collection && Array.isArray(collection.features) ? collection.features : [collection as { properties?: unknown; geometry?: unknown; id?: unknown }];
  const features = list.map((f) => {
    const properties = typeof f.properties === 'object' && f.properties !== null ? { ...(f.properties as Record<string, unknown>) } : {};
    if (f.id !== undefined && properties.id === undefined) properties.id = f.id;
    return { properties, geometry: f.geometry ?? null };
  });
  if (!features.length) throw new ImportFileError(`the TopoJSON object "${layer}" holds no features`);
  return { format: 'topojson', layers, layer, features, declaredCrs: null };
}

function readGeoJson(bytes: Uint8Array, layer?: string): BoundarySource {
  const { text } = decodeText(bytes);
  if (text.trim() === '') throw new ImportFileError('the file is empty');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = Number(/position (\d+)/.exec(message)?.[1] ?? NaN);
    if (/end of (JSON|data)|Unterminated|Unexpected end/i.test(message) || position >= text.trimEnd().length - 1) throw new ImportFileError(`the file ends part-way through (${text.length.toLocaleString('en-GB')} characters read); it may have been cut short when it was copied or downloaded`);
    throw new ImportFileError(`the file is not valid JSON: ${message}`);
  }
  const object = json as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  if (typeof object !== 'object' || object === null || Array.isArray(object)) throw new ImportFileError('the file is JSON but not GeoJSON (expected an object with "type": "FeatureCollection")');
  if (object.type === 'Topology') return checkDepth(readTopology(json as Topology, layer));
  let features: RawFeature[];
  if (object.type === 'FeatureCollection') {
    if (!Array.isArray(object.features)) throw new ImportFileError('the FeatureCollection has no "features" list');
    features = (object.features as unknown[]).map(toRawFeature);
  } else if (object.type === 'Feature') {
    const f = object as { properties?: Record<string, unknown>; geometry?: unknown };
    features = [{ properties: { ...(f.properties ?? {}) }, geometry: f.geometry ?? null }];
  } else if (object.type === 'Polygon' || object.type === 'MultiPolygon') {
    features = [{ properties: {}, geometry: object }];
  } else {
    const what = typeof object.type === 'string' ? `"type": "${object.type}"` : 'no "type" member';
    throw new ImportFileError(`the file is JSON but not GeoJSON boundaries (it has ${what}; expected a FeatureCollection of polygons)`);
  }
  if (features.length === 0) throw new ImportFileError('the file holds no features');
  return checkDepth({ format: 'geojson', layers: [], layer: null, features, declaredCrs: declaredCrsOf(object) });
}

function checkDepth(source: BoundarySource): BoundarySource {
  source.features.forEach(checkFeatureDepth);
  return source;
}

async function readShapefile(shp: Uint8Array, dbf: Uint8Array, prj: Uint8Array | null, cpg: Uint8Array | null, layer: string, layers: string[]): Promise<BoundarySource> {
  const encoding = cpg ? new TextDecoder().decode(cpg).trim() || 'windows-1252' : 'windows-1252';
  let source;
  try {
    source = await shapefile.open(toArrayBuffer(shp), toArrayBuffer(dbf), { encoding: /utf-?8/i.test(encoding) ? 'utf-8' : encoding });
  } catch (error) {
    throw new ImportFileError(`the shapefile cannot be read: ${(error as Error).message}`);
  }
  const features: RawFeature[] = [];
  try {
    for (let r = await source.read(); !r.done; r = await source.read()) features.push({ properties: { ...r.value.properties }, geometry: r.value.geometry });
  } catch (error) {
    throw new ImportFileError(`the shapefile stops being readable after ${features.length} features: ${(error as Error).message}`);
  }
  if (features.length === 0) throw new ImportFileError('the shapefile holds no features');
  const wkt = prj ? new TextDecoder().decode(prj) : null;
  const declaredCrs = wkt ? (crsFromWkt(wkt) ?? crsFromDefinition(wkt) ?? `the .prj's "${wkt.slice(0, 60)}…"`) : null;
  return { format: 'shapefile', layers, layer, features, declaredCrs };
}

async function readShapefileZip(bytes: Uint8Array, wanted?: string): Promise<BoundarySource> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ImportFileError(`the .zip cannot be opened: ${(error as Error).message}`);
  }
  const stems = Object.keys(files).filter((n) => /\.shp$/i.test(n) && !n.startsWith('__MACOSX')).map((n) => n.slice(0, -4)).sort();
  if (stems.length === 0) throw new ImportFileError('the .zip holds no shapefile (.shp)');
  const layers = stems.map((s) => path.posix.basename(s));
  const stem = wanted ? stems.find((s) => path.posix.basename(s) === wanted) : stems[0];
  if (!stem) throw new ImportFileError(`the .zip has no layer "${wanted}"; it has ${layers.join(', ')}`);
  const part = (ext: string) => {
    const key = Object.keys(files).find((n) => n.toLowerCase() === `${stem}${ext}`.toLowerCase());
    return key ? files[key]! : null;
  };
  const dbf = part('.dbf');
  if (!dbf) throw new ImportFileError(`the .zip has ${stem}.shp but no ${stem}.dbf (the attribute table)`);
  return readShapefile(part('.shp')!, dbf, part('.prj'), part('.cpg'), path.posix.basename(stem), layers);
}

function readGeoPackage(bytes: Uint8Array, wanted?: string): BoundarySource {
  let db: GeoPackageReader;
  try {
    db = openGeoPackage(bytes);
  } catch (error) {
    throw new ImportFileError(`the GeoPackage cannot be opened: ${(error as Error).message}`);
  }
  try {
    const layers = db.featureLayers();
    if (layers.length === 0) throw new ImportFileError('the GeoPackage has no feature layers');
    const chosen = wanted ? layers.find((l) => l.name === wanted) : layers[0];
    if (!chosen) throw new ImportFileError(`the GeoPackage has no layer "${wanted}"; it has ${layers.map((l) => l.name).join(', ')}`);
    const features: RawFeature[] = [];
    for (const row of db.rows(chosen.name)) {
      const { [chosen.column]: blob, ...properties } = row;
      let geometry: unknown;
      try {
        geometry = readGeoPackageGeometry(blob as Uint8Array | null);
      } catch (error) {
        geometry = { type: 'unreadable', reason: (error as Error).message };
      }
      features.push({ properties, geometry });
    }
    if (features.length === 0) throw new ImportFileError(`the layer "${chosen.name}" holds no features`);
    // EPSG by its code; the two undefined systems (-1, 0) as nothing said; any other (an organisation's own, a custom one) by its WKT definition.
    const ownDefinition = () => (chosen.definition ? (crsFromWkt(chosen.definition) ?? crsFromDefinition(chosen.definition) ?? `the GeoPackage's own definition "${chosen.definition.slice(0, 60)}…"`) : WGS84);
    const declaredCrs =
      chosen.org && chosen.code !== null && chosen.code > 0 && chosen.org.toUpperCase() === 'EPSG'
        ? isKnownCrs(`EPSG:${chosen.code}`) || !chosen.definition
          ? `EPSG:${chosen.code}`
          : (crsFromDefinition(chosen.definition) ?? `EPSG:${chosen.code}`)
        : chosen.code === 0 || chosen.code === -1
          ? null
          : ownDefinition();
    return { format: 'geopackage', layers: layers.map((l) => l.name), layer: chosen.name, features, declaredCrs };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(`the GeoPackage cannot be read: ${(error as Error).message}`);
  } finally {
    db.close();
  }
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
