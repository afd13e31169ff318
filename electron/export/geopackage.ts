import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { GeoFeature, GeoFeatureCollection } from '../../shared/export/geojson';
import { boundsOf, multiPolygon } from '../../shared/geo/bounds';
import type { Position } from '../../shared/geo/types';
import { sqliteOptions } from '../store/native';

/** "GPKG" as PRAGMA application_id, and GeoPackage 1.4 as user_version. */
export const GPKG_APPLICATION_ID = 0x47504b47;
export const GPKG_USER_VERSION = 10400;

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

/** Little-endian WKB of a MultiPolygon. */
function wkbMultiPolygon(polygons: Position[][][]): Buffer {
  let size = 9;
  for (const rings of polygons) {
    size += 9;
    for (const ring of rings) size += 4 + ring.length * 16;
  }
  const buffer = Buffer.alloc(size);
  let at = 0;
  const header = (type: number, count: number) => {
    buffer.writeUInt8(1, at);
    buffer.writeUInt32LE(type, at + 1);
    buffer.writeUInt32LE(count, at + 5);
    at += 9;
  };
  header(6, polygons.length);
  for (const rings of polygons) {
    header(3, rings.length);
    for (const ring of rings) {
      buffer.writeUInt32LE(ring.length, at);
      at += 4;
      for (const p of ring) {
        buffer.writeDoubleLE(p[0]!, at);
        buffer.writeDoubleLE(p[1]!, at + 8);
        at += 16;
      }
    }
  }
  return buffer;
}

/** GeoPackage binary: "GP", version 0, flags (little-endian, xy envelope), srs id, envelope, then WKB. */
export function gpkgGeometry(polygons: Position[][][], srsId = 4326): Buffer {
  const { minX, minY, maxX, maxY } = boundsOf([multiPolygon(polygons)]);
  const header = Buffer.alloc(8 + 32);
  header.write('GP', 0, 'latin1');
  header.writeUInt8(0, 2);
  header.writeUInt8(0b0000_0011, 3);
  header.writeInt32LE(srsId, 4);
  header.writeDoubleLE(minX, 8);
  header.writeDoubleLE(maxX, 16);
  header.writeDoubleLE(minY, 24);
  header.writeDoubleLE(maxY, 32);
  return Buffer.concat([header, wkbMultiPolygon(polygons)]);
}

const polygonsOfFeature = (f: GeoFeature) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates);

/**
 * Writes a feature collection as a one-layer GeoPackage (MULTIPOLYGON, EPSG:4326)
 * that GDAL and QGIS open: the spec's core tables, GeoPackage binary geometry,
 * the GPKG application id. Properties become columns (REAL or TEXT).
 */
export function writeGeoPackage(file: string, layer: string, collection: GeoFeatureCollection, description: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file, sqliteOptions());
  try {
    db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
    db.pragma(`user_version = ${GPKG_USER_VERSION}`);
    const keys = [...new Set(collection.features.flatMap((f) => Object.keys(f.properties)))];
    const numeric = new Set(keys.filter((k) => collection.features.every((f) => f.properties[k] === null || typeof f.properties[k] === 'number')));
    const column = (k: string) => `"${k.replace(/"/g, '""')}"`;
    const { minX, minY, maxX, maxY } = boundsOf(collection.features.map((f) => multiPolygon(polygonsOfFeature(f))));
    db.transaction(() => {
      db.exec(`
        CREATE TABLE gpkg_spatial_ref_sys (
          srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
          organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
        CREATE TABLE gpkg_contents (
          table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
          last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
          min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
          CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
        CREATE TABLE gpkg_geometry_columns (
          table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
          z TINYINT NOT NULL, m TINYINT NOT NULL,
          CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT uk_gc_table_name UNIQUE (table_name),
          CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
          CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
      `);
      const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
      srs.run('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system');
      srs.run('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
      srs.run('WGS 84 geodetic', 4326, 'EPSG', 4326, WGS84_WKT, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
      db.exec(`CREATE TABLE ${column(layer)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON${keys.map((k) => `, ${column(k)} ${numeric.has(k) ? 'REAL' : 'TEXT'}`).join('')})`);
      db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        layer, 'features', layer, description, '2000-01-01T00:00:00.000Z', minX, minY, maxX, maxY, 4326,
      );
      db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, ?, ?)').run(layer, 'geom', 'MULTIPOLYGON', 4326, 0, 0);
      const insert = db.prepare(`INSERT INTO ${column(layer)} (geom${keys.map((k) => `, ${column(k)}`).join('')}) VALUES (?${keys.map(() => ', ?').join('')})`);
      for (const f of collection.features) {
        insert.run(gpkgGeometry(polygonsOfFeature(f)), ...keys.map((k) => {
          const v = f.properties[k];
          return typeof v === 'boolean' ? (v ? 1 : 0) : v ?? null;
        }));
      }
    })();
  } finally {
    db.close();
  }
}
