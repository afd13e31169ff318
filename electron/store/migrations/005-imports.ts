import type { Migration } from './types';

/**
 * Imports: every import that wrote to the project is recorded with the file's
 * SHA-256 so a committee paper can say which files its figures came from; and
 * the column mappings a user chose for a table kind are kept for the next file.
 */
export const migration005: Migration = {
  version: 5,
  name: 'imports',
  up(db) {
    db.exec(`
      CREATE TABLE imports (
        id            INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('areas', 'zones', 'providers', 'capacity', 'demand', 'rates')),
        file_name     TEXT NOT NULL,
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        imported_at   TEXT NOT NULL,
        rows_accepted INTEGER NOT NULL CHECK (rows_accepted >= 0),
        rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0),
        notes         TEXT NOT NULL DEFAULT '[]' -- JSON array of what was repaired or skipped
      ) STRICT;

      CREATE TABLE import_mappings (
        kind    TEXT PRIMARY KEY,
        mapping TEXT NOT NULL -- JSON: { field: column header }
      ) STRICT;
    `);
  },
};
