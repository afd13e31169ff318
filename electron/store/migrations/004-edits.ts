import type { Migration } from './types';

/**
 * Zone redesign: zones can be locked, and every edit (zone changes and
 * settings) is kept as before/after row images so it can be undone and redone
 * across restarts. An undone edit stays until a new edit replaces it.
 */
export const migration004: Migration = {
  version: 4,
  name: 'edits',
  up(db) {
    db.exec(`
      ALTER TABLE zones ADD COLUMN locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1));

      CREATE TABLE edits (
        id          INTEGER PRIMARY KEY,
        plan_id     INTEGER REFERENCES plans(id) ON DELETE CASCADE,
        description TEXT NOT NULL,
        changes     TEXT NOT NULL, -- JSON: [{ table, key, before, after }]
        created_at  TEXT NOT NULL,
        undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
      ) STRICT;
    `);
  },
};
