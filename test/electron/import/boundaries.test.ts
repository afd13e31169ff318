import path from 'node:path';
import fs from 'node:fs';
import { area as turfArea } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { ProjectDb } from '../../../electron/store/db';
import { listImports } from '../../../electron/store/imports';
import { readAreaGeometries, readAreaNeighbours, readAreas, readAssignments, readZones } from '../../../electron/store/model-data';
import { currentPlanId } from '../../../electron/store/plans';
import { polygonsOf, type AreaGeometry, type Position } from '../../../shared/geo/types';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { tempDir } from '../../helpers/temp';
import { fixture, importFile, previewFile, project } from './import-helpers';

const emptyProject = () => project('empty');

/** The published WGS84 geometries the other formats were made from (by GDAL). */
const original = new Map<string, AreaGeometry>(
  (JSON.parse(fs.readFileSync(fixture('melton-6.geojson'), 'utf8')) as { features: { properties: { LSOA11CD: string }; geometry: AreaGeometry }[] }).features.map((f) => [f.properties.LSOA11CD, f.geometry]),
);

function metres(a: Position, b: Position): number {
  const lat = ((a[1]! + b[1]!) / 2) * (Math.PI / 180);
  return Math.hypot((a[0]! - b[0]!) * 111_320 * Math.cos(lat), (a[1]! - b[1]!) * 110_574);
}

/** The furthest any imported vertex lies from the nearest original vertex of the same area, and the other way round. */
function worstOffsetMetres(db: ProjectDb): number {
  let worst = 0;
  for (const [code, geometry] of readAreaGeometries(db)) {
    const mine = polygonsOf(geometry).flat(2);
    const theirs = polygonsOf(original.get(code)!).flat(2);
    for (const [from, to] of [[mine, theirs], [theirs, mine]] as const) {
      for (const p of from) worst = Math.max(worst, Math.min(...to.map((q) => metres(p, q))));
    }
  }
  return worst;
}

describe('importing areas from boundary files', () => {
  it.each([
    ['melton-6.geojson', {}],
    ['melton-6-bng.geojson', {}],
    ['melton-6-bng-nocrs.geojson', { crs: 'EPSG:27700' }],
    ['melton-6-3d-bom.geojson', {}],
    ['melton-6-latlon.geojson', { repair: true }],
    ['melton-6-bng-shapefile.zip', {}],
    ['melton-6-shp/melton_lsoa.shp', {}],
    ['melton-two-layers.gpkg', { layer: 'lsoa' }],
  ])('%s imports six LSOAs within 1 m of the published WGS84 boundaries', async (name, options) => {
    const { db } = emptyProject();
    const { preview, result } = await importFile(db, 'areas', name, options);
    expect(preview.idField).toBe('LSOA11CD');
    expect(preview.nameField).toBe('LSOA11NM');
    expect(result).toMatchObject({ accepted: 6, rejected: 0, added: 6, updated: 0 });
    const areas = readAreas(db);
    expect(areas.map((a) => a.code).sort()).toEqual([...original.keys()].sort());
    expect(areas.find((a) => a.code === 'E01025883')).toMatchObject({ name: 'Melton 003A', district: 'E07000133' });
    for (const geometry of readAreaGeometries(db).values()) for (const p of polygonsOf(geometry).flat(2)) expect(p).toHaveLength(2);
    expect(worstOffsetMetres(db)).toBeLessThan(1);
    // Borders found between the imported areas: 003A and 003B share one.
    expect(readAreaNeighbours(db)).toContainEqual(['E01025883', 'E01025884']);
    expect(listImports(db)).toEqual([expect.objectContaining({ kind: 'areas', fileName: name.split('/').pop(), rowsAccepted: 6, rowsRejected: 0 })]);
  });

  it('honours a coordinate system declared after the features: the pass decided from the first features runs again, and the first attempt leaves nothing behind', async () => {
    const { db } = emptyProject();
    const collection = JSON.parse(fs.readFileSync(fixture('melton-6-bng-nocrs.geojson'), 'utf8')) as { features: { properties: Record<string, unknown> }[] };
    // More features than the first look decides from (200), so the decision is taken before the "crs" is read.
    const features = Array.from({ length: 250 }, (_, n) => {
      const f = structuredClone(collection.features[n % 6]!);
      f.properties.LSOA11CD = `${String(f.properties.LSOA11CD)}-${n}`;
      return f;
    });
    const late = path.join(tempDir(), 'crs-last.geojson');
    fs.writeFileSync(late, JSON.stringify({ type: 'FeatureCollection', features, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } } }));
    expect((await previewFile(db, 'areas', late)).crs).toEqual({ declared: 'EPSG:27700', used: 'EPSG:27700' });
    const { result } = await importFile(db, 'areas', late);
    expect(result).toMatchObject({ accepted: 250, added: 250 });
    expect(listImports(db)).toHaveLength(1);
    const melton = [...readAreaGeometries(db).values()].flatMap((g) => polygonsOf(g).flat(2));
    expect(melton.every(([x, y]) => x! > -2 && x! < 0 && y! > 52 && y! < 53.5)).toBe(true);
  });

  it('reads TopoJSON (as mapshaper and web maps write it): each object a layer to choose, borders within a metre of the original', async () => {
    const { db } = emptyProject();
    const preview = await previewFile(db, 'areas', 'melton-6.topojson');
    expect(preview).toMatchObject({ format: 'topojson', layers: ['lsoa', 'first_two'], layer: 'lsoa', idField: 'LSOA11CD', blocked: null, accepted: 6 });
    expect((await previewFile(db, 'areas', 'melton-6.topojson', { layer: 'first_two' })).accepted).toBe(2);
    await expect(previewFile(db, 'areas', 'melton-6.topojson', { layer: 'wards' })).rejects.toThrow('the TopoJSON has no object "wards" (it has "lsoa", "first_two")');
    await importFile(db, 'areas', 'melton-6.topojson');
    expect(readAreas(db)).toHaveLength(6);
    expect(worstOffsetMetres(db)).toBeLessThan(1);
  });

  it('reads a coordinate system the file defines itself (a GeoPackage\'s WKT with no EPSG code, a .prj in custom WKT) through proj4, within a metre of GDAL', async () => {
    for (const [name, crs] of [
      ['melton-6-robinson.gpkg', 'WKT: Robinson'],
      ['melton-6-custom-tm-shp/melton.shp', 'WKT: Transverse Mercator'],
    ] as const) {
      const { db } = emptyProject();
      const preview = await previewFile(db, 'areas', name);
      expect(preview.blocked, name).toBeNull();
      expect(preview.crs.used, name).toBe(crs);
      await importFile(db, 'areas', name);
      expect(readAreas(db), name).toHaveLength(6);
      expect(worstOffsetMetres(db), name).toBeLessThan(1);
    }
  });

  it('names the file format, layers and coordinate system in the preview', async () => {
    const { db } = emptyProject();
    const gpkg = await previewFile(db, 'areas', 'melton-two-layers.gpkg');
    expect(gpkg).toMatchObject({ format: 'geopackage', layers: ['lsoa', 'wards'], layer: 'lsoa', crs: { declared: 'EPSG:27700', used: 'EPSG:27700' }, blocked: null });
    expect(gpkg.outline).toMatch(/^M[\d. L]+Z/);
    const wards = await previewFile(db, 'areas', 'melton-two-layers.gpkg', { layer: 'wards' });
    expect(wards).toMatchObject({ layer: 'wards', idField: 'WD13CD', nameField: 'WD13NM', total: 16, accepted: 16 });
    const bng = await previewFile(db, 'areas', 'melton-6-bng.geojson');
    expect(bng).toMatchObject({ format: 'geojson', crs: { declared: 'EPSG:27700', used: 'EPSG:27700' } });
    const shp = await previewFile(db, 'areas', 'melton-6-bng-shapefile.zip');
    expect(shp).toMatchObject({ format: 'shapefile', layers: ['melton_lsoa'], crs: { declared: 'EPSG:27700' } });
  });

  it('uses the id and name properties the user picks', async () => {
    const { db } = emptyProject();
    await importFile(db, 'areas', 'melton-6.geojson', { idField: 'LSOA11NM', nameField: 'LSOA11CD' });
    expect(readAreas(db).map((a) => [a.code, a.name])).toContainEqual(['Melton 003A', 'E01025883']);
    await expect(importFile(db, 'areas', 'melton-6.geojson', { idField: 'CODE' })).rejects.toThrow(/no property "CODE" \(they have "LSOA11CD", "LSOA11NM", "LAD11CD"\)/);
  });

  it('imports a published LSOA whose ring touches itself, split into simple rings with a note, area unchanged', async () => {
    const { db } = emptyProject();
    const { preview, result } = await importFile(db, 'areas', 'leicester-self-touching.geojson');
    expect(result!.accepted).toBe(2);
    expect(preview.problems).toEqual([
      { severity: 'repaired', where: 'feature 1 (E01013619)', problem: 'ring 1 touched itself at (-1.154438, 52.664841): split into 2 rings' },
    ]);
    expect(listImports(db)[0]!.rowsAccepted).toBe(2);
    const published = (JSON.parse(fs.readFileSync(fixture('leicester-self-touching.geojson'), 'utf8')) as { features: { properties: { LSOA11CD: string }; geometry: AreaGeometry }[] }).features;
    const before = published.find((f) => f.properties.LSOA11CD === 'E01013619')!.geometry;
    const after = readAreaGeometries(db).get('E01013619')!;
    expect(turfArea(after)).toBeCloseTo(turfArea(before), 0);
    for (const polygon of polygonsOf(after)) {
      for (const ring of polygon) expect(new Set(ring.slice(1).map((p) => p.join())).size).toBe(ring.length - 1);
    }
  });

  it('updates areas already in the project and keeps the others', async () => {
    const { db } = emptyProject();
    await importFile(db, 'areas', 'melton-6.geojson');
    const { result } = await importFile(db, 'areas', 'leicester-self-touching.geojson');
    expect(result).toMatchObject({ added: 2, updated: 0 });
    const again = await importFile(db, 'areas', 'melton-6-bng.geojson');
    expect(again.result).toMatchObject({ added: 0, updated: 6 });
    expect(readAreas(db)).toHaveLength(8);
  });

  it.each([
    ['bad-null-geometry.geojson', {}, /feature 2 \(E01025884\): has no geometry \(null\)/],
    ['bad-point.geojson', {}, /feature 2 \(E01025884\): is a point, not a polygon/],
    ['bad-non-numeric.geojson', {}, /feature 2 \(E01025884\): ring 1 position 6 has a coordinate that is not a number \(\[-0.918077944765217,"fifty-two"\]\)/],
    ['bad-unclosed.geojson', {}, /feature 2 \(E01025884\): ring 1 is not closed/],
    ['bad-short-ring.geojson', { repair: true }, /feature 2 \(E01025884\): ring 1 has only 3 positions; a ring needs at least 4/],
    ['bad-self-crossing.geojson', {}, /feature 2 \(E01025884\): ring 1 crosses itself at \(-0.95, 52.77\)/],
    ['bad-duplicate-ids.geojson', {}, /feature 3 \(E01025883\): has the same id as feature 1/],
    ['bad-empty.geojson', {}, /bad-empty.geojson: the file is empty \(0 bytes\)/],
    ['bad-no-features.geojson', {}, /the file holds no features/],
    ['bad-not-geojson.json', {}, /the file is JSON but not GeoJSON boundaries/],
    ['bad-truncated.geojson', {}, /the file ends part-way through/],
    ['melton-6-bng-nocrs.geojson', {}, /coordinates are in metres .* look like British National Grid; import again with the coordinate system EPSG:27700/],
    ['melton-6-latlon.geojson', {}, /latitude and longitude look swapped/],
    ['melton-6.geojson', { crs: 'EPSG:27700' }, /said to be in British National Grid, but its coordinates .* look like longitude and latitude/],
    ['melton-6.geojson', { crs: 'EPSG:9999' }, /does not know EPSG:9999/],
  ])('%s (%j) is rejected, naming the problem, and the project is unchanged', async (name, options, message) => {
    const { db, file } = emptyProject();
    await importFile(db, 'areas', 'leicester-self-touching.geojson');
    const before = dataFingerprint(file);
    const error = await importFile(db, 'areas', name, options).then(
      () => null,
      (e: Error & { lines?: string[] }) => e,
    );
    expect(error).not.toBeNull();
    expect([error!.message, ...(error!.lines ?? [])].join('\n')).toMatch(message);
    expect(dataFingerprint(file)).toBe(before);
  });

  it('repairs what can be repaired safely when asked, and says what it changed', async () => {
    const { db } = emptyProject();
    const unclosed = await importFile(db, 'areas', 'bad-unclosed.geojson', { repair: true });
    expect(unclosed.preview.problems).toContainEqual({ severity: 'repaired', where: 'feature 2 (E01025884)', problem: 'ring 1 was not closed: closed it' });
    const crossing = await importFile(db, 'areas', 'bad-self-crossing.geojson', { repair: true });
    expect(crossing.preview.problems).toContainEqual({ severity: 'repaired', where: 'feature 2 (E01025884)', problem: 'ring 1 crossed itself at (-0.95, 52.77): split into 2 rings' });
    // The bow-tie becomes its two triangles.
    const bowTie = readAreaGeometries(db).get('E01025884')!;
    expect(bowTie.type).toBe('MultiPolygon');
    expect(polygonsOf(bowTie)).toHaveLength(2);
  });

  it('imports the good features and leaves out the bad when asked, recording both counts', async () => {
    const { db } = emptyProject();
    const { result } = await importFile(db, 'areas', 'bad-null-geometry.geojson', { skipBad: true });
    expect(result).toMatchObject({ accepted: 2, rejected: 1 });
    expect(result!.notes).toContain('feature 2 (E01025884): left out: has no geometry (null)');
    expect(listImports(db)[0]).toMatchObject({ rowsAccepted: 2, rowsRejected: 1 });
  });
});

describe('importing hand-drawn zones', () => {
  it('puts a zone in the rate band its band property names, and says when a name is not a band', async () => {
    const { db } = emptyProject();
    await importFile(db, 'areas', 'melton-6.geojson');
    const drawn = JSON.parse(fs.readFileSync(fixture('melton-zones-drawn.geojson'), 'utf8')) as { features: { properties: Record<string, string> }[] };
    drawn.features[0]!.properties.band = 'Rural';
    drawn.features[1]!.properties.band = 'Coastal';
    const file = path.join(tempDir(), 'zones-with-bands.geojson');
    fs.writeFileSync(file, JSON.stringify(drawn));
    const { result } = await importFile(db, 'zones', file);
    expect(result!.notes).toContain('zone N: its band "Coastal" is not one of the project\'s rate bands (Urban, Rural); it is priced from its rural share');
    expect(result!.notes).toContain('file: 1 zone is put in the rate band the "band" property names, whatever its rural share');
    expect(readZones(db, currentPlanId(db)!).map((z) => [z.id, z.bandOverride])).toEqual([
      ['N', null],
      ['S', 'rural'],
    ]);
  });

  it('puts each area in the zone covering most of it and reports ambiguous and outside areas', async () => {
    const { db } = emptyProject();
    await importFile(db, 'areas', 'melton-6.geojson');
    const { preview, result } = await importFile(db, 'zones', 'melton-zones-drawn.geojson');
    expect(preview).toMatchObject({ idField: 'zone_id', nameField: 'zone_name', plan: 'melton-zones-drawn' });
    expect(result).toMatchObject({ accepted: 2 });
    expect(preview.problems).toEqual([
      { severity: 'warning', where: 'area E01025887', problem: 'no zone covers more than half of it; put in zone N, which covers 27%' },
      { severity: 'warning', where: 'area E01025886', problem: 'lies outside every zone; left without a zone' },
    ]);
    const planId = currentPlanId(db)!;
    expect(readZones(db, planId).map((z) => [z.id, z.name])).toEqual([
      ['N', 'Melton North'],
      ['S', 'Melton South'],
    ]);
    expect(Object.fromEntries(readAssignments(db, planId))).toEqual({ E01025883: 'S', E01025884: 'S', E01025888: 'S', E01025885: 'N', E01025887: 'N' });
  });

  it('refuses zones before there are areas to put in them', async () => {
    const { db, file } = emptyProject();
    const before = dataFingerprint(file);
    await expect(importFile(db, 'zones', 'melton-zones-drawn.geojson')).rejects.toThrow(/no areas yet: import the areas .* first/);
    expect(dataFingerprint(file)).toBe(before);
  });
});
