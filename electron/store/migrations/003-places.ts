import type { Migration } from './types';

/** Named places (towns) drawn on the map for orientation. */
export const migration003: Migration = {
  version: 3,
  name: 'places',
  up(db) {
    db.exec(`
      CREATE TABLE places (
        id   INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        lat  REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon  REAL NOT NULL CHECK (lon BETWEEN -180 AND 180)
      ) STRICT;
    `);
  },
};
