import type { Migration } from './types';

/** The project's own description and the data sources whose attributions it must carry. */
export const migration001: Migration = {
  version: 1,
  name: 'project-meta',
  up(db) {
    db.exec(`
      CREATE TABLE project_meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE data_sources (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        attribution TEXT NOT NULL,
        licence     TEXT,
        as_of       TEXT
      ) STRICT;
    `);
  },
};
