import fs from 'node:fs';
import Database from 'better-sqlite3';
import { sqliteOptions } from './native';

/**
 * The SQL of GeoPackages, the one other kind of SQLite file CareCover reads and
 * writes. Geometry blobs are encoded and decoded by the callers (export/geopackage.ts,
 * import/wkb.ts); here are only the tables the GeoPackage spec requires.
 */

/** "GPKG" as PRAGMA application_id, and GeoPackage 1.4 as user_version. */
export const GPKG_APPLICATION_ID = 0x47504b47;
export const GPKG_USER_VERSION = 10400;

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

export interface GeoPackageLayerData {
  layer: string;
  description: string;
  /** Attribute columns after the geometry, each REAL or TEXT. */
  columns: readonly { name: string; type: 'REAL' | 'TEXT' }[];
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
  /** Each feature: its GeoPackage geometry blob, then one value per column. */
  rows: Iterable<readonly [Buffer, ...(string | number | null)[]]>;
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Writes a new one-layer GeoPackage (MULTIPOLYGON, EPSG:4326), replacing any file there, in one transaction. */
export function createGeoPackage(file: string, data: GeoPackageLayerData): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  const db = new Database(file, sqliteOptions());
  try {
    db.pragma(`application_id = ${GPKG_APPLICATION_ID}`);
    db.pragma(`user_version = ${GPKG_USER_VERSION}`);
    const { layer, columns, bounds } = data;
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
      db.exec(`CREATE TABLE ${quoted(layer)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom MULTIPOLYGON${columns.map((c) => `, ${quoted(c.name)} ${c.type}`).join('')})`);
      // A fixed last_change keeps the same export byte for byte.
      db.prepare('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        layer, 'features', layer, data.description, '2000-01-01T00:00:00.000Z', bounds.minX, bounds.minY, bounds.maxX, bounds.maxY, 4326,
      );
      db.prepare('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, ?, ?)').run(layer, 'geom', 'MULTIPOLYGON', 4326, 0, 0);
      const insert = db.prepare(`INSERT INTO ${quoted(layer)} (geom${columns.map((c) => `, ${quoted(c.name)}`).join('')}) VALUES (?${columns.map(() => ', ?').join('')})`);
      for (const row of data.rows) insert.run(...row);
    })();
  } finally {
    db.close();
  }
}

/** A feature layer as gpkg_contents and gpkg_geometry_columns describe it, with its coordinate system's row. */
export interface GeoPackageLayerInfo {
  name: string;
  column: string;
  org: string | null;
  code: number | null;
  definition: string | null;
}

export interface GeoPackageReader {
  featureLayers(): GeoPackageLayerInfo[];
  /** Every row of a layer, its geometry column still a blob. */
  rows(layer: string): Iterable<Record<string, unknown>>;
  close(): void;
}

/** Opens GeoPackage bytes read-only, in memory; throws when they are no SQLite database. */
export function openGeoPackage(bytes: Uint8Array): GeoPackageReader {
  const db = new Database(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), { readonly: true });
  return {
    featureLayers: () =>
      db
        .prepare(
          `SELECT c.table_name AS name, g.column_name AS column, s.organization AS org, s.organization_coordsys_id AS code, s.definition AS definition
             FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
             LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id
            WHERE c.data_type = 'features' ORDER BY c.table_name`,
        )
        .all() as GeoPackageLayerInfo[],
    rows: (layer) => db.prepare(`SELECT * FROM ${quoted(layer)}`).iterate() as Iterable<Record<string, unknown>>,
    close: () => db.close(),
  };
}
