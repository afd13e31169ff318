import type { Migration } from './types';

/**
 * Over time: a snapshot is a month's supply and demand, as providers' monthly
 * returns report it (or as the model stood when saved). Rows are at the grain
 * of areas, like supply, so a redrawn plan's zones show the history of their
 * own areas. A row with no provider ('') carries an area's unsourced hours and
 * people waiting. The framework's re-opening dates join its term (null: the
 * defaults, the end of year one and of year five). The import log accepts
 * monthly returns.
 */
export const migration009: Migration = {
  version: 9,
  name: 'snapshots',
  up(db) {
    db.exec(`
      CREATE TABLE snapshots (
        id         INTEGER PRIMARY KEY,
        month      TEXT NOT NULL UNIQUE CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(month, 6, 2) BETWEEN '01' AND '12'),
        source     TEXT NOT NULL CHECK (source IN ('returns', 'model', 'sample')),
        file_name  TEXT,
        sha256     TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE snapshot_rows (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots(id) ON DELETE CASCADE,
        provider_id TEXT NOT NULL DEFAULT '',
        area_code   TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
        service     TEXT NOT NULL CHECK (service IN ('home-care', 'chc', 'live-in')),
        committed   REAL NOT NULL DEFAULT 0 CHECK (committed >= 0),
        delivered   REAL NOT NULL DEFAULT 0 CHECK (delivered >= 0),
        unsourced   REAL NOT NULL DEFAULT 0 CHECK (unsourced >= 0),
        waiting     REAL NOT NULL DEFAULT 0 CHECK (waiting >= 0),
        handbacks   REAL NOT NULL DEFAULT 0 CHECK (handbacks >= 0),
        PRIMARY KEY (snapshot_id, provider_id, area_code, service)
      ) STRICT, WITHOUT ROWID;

      ALTER TABLE framework_term ADD COLUMN reopenings TEXT CHECK (reopenings IS NULL OR json_valid(reopenings));

      -- The import log learns the new kind (SQLite cannot alter a CHECK: the table is rebuilt, ids kept).
      CREATE TABLE imports_v9 (
        id            INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('areas', 'zones', 'providers', 'capacity', 'demand', 'rates', 'delivery', 'lookup', 'returns')),
        file_name     TEXT NOT NULL,
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        imported_at   TEXT NOT NULL,
        rows_accepted INTEGER NOT NULL CHECK (rows_accepted >= 0),
        rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0),
        notes         TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      INSERT INTO imports_v9 SELECT id, kind, file_name, sha256, imported_at, rows_accepted, rows_rejected, notes FROM imports;
      DROP TABLE imports;
      ALTER TABLE imports_v9 RENAME TO imports;
    `);
  },
};
