import { packGeometry } from '../../../shared/geo/geometry-blob';
import type { AreaGeometry } from '../../../shared/geo/types';
import type { Migration } from './types';

/**
 * Area boundaries move from GeoJSON text to blobs of doubles
 * (shared/geo/geometry-blob.ts): importing England printed 75 MB of numbers
 * as text only to parse them back on the next open, about a second each way.
 * A STRICT column's type cannot be altered, so the table is rebuilt in the
 * documented way (foreign keys off around the transaction, checked before it
 * commits: migrate() does that for a migration that asks), with its triggers
 * and indexes made again from their own SQL.
 */
export const migration011: Migration = {
  version: 11,
  name: 'geometry-blobs',
  rebuildsTables: true,
  up(db) {
    const dependants = db.prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'areas' AND type IN ('trigger', 'index') AND sql IS NOT NULL").pluck().all() as string[];
    db.exec(`
      CREATE TABLE areas_v11 (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        district   TEXT NOT NULL,
        population INTEGER NOT NULL CHECK (population >= 0),
        ruc        TEXT NOT NULL,
        geometry   BLOB NOT NULL -- WGS84 polygon or multipolygon as doubles: shared/geo/geometry-blob.ts
      ) STRICT;
    `);
    const insert = db.prepare('INSERT INTO areas_v11 (code, name, district, population, ruc, geometry) VALUES (?, ?, ?, ?, ?, ?)');
    // One area at a time (a statement being read cannot be written beside), so England's text is never held whole.
    const codes = db.prepare('SELECT code FROM areas').pluck().all() as string[];
    const read = db.prepare('SELECT name, district, population, ruc, geometry FROM areas WHERE code = ?').raw();
    for (const code of codes) {
      const [name, district, population, ruc, text] = read.get(code) as [string, string, number, string, string];
      let values: Float64Array;
      try {
        values = packGeometry(JSON.parse(text) as AreaGeometry);
      } catch (error) {
        throw new Error(`Area ${code}: its stored boundary is not a GeoJSON polygon (${(error as Error).message}); the project was left as it was.`);
      }
      insert.run(code, name, district, population, ruc, Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    }
    db.exec('DROP TABLE areas; ALTER TABLE areas_v11 RENAME TO areas;');
    for (const sql of dependants) db.exec(sql);
  },
};
