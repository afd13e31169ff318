import type { ProjectDb } from '../../../electron/store/db';

/**
 * For every migration N: rows to put in a project at schema N-1, and what must
 * be true of them (and of the new schema) after migrating to N. Adding a
 * migration without a case here fails test/electron/store/migrations.test.ts.
 */
export interface MigrationCase {
  seed(db: ProjectDb): void;
  verify(db: ProjectDb): void;
}

function tableNames(db: ProjectDb): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
}

function assert(condition: boolean, message: string): void {
  if (!condition) throw new Error(message);
}

export const MIGRATION_CASES: Record<number, MigrationCase> = {
  1: {
    seed() {
      // Schema 0 is an empty file: nothing to keep.
    },
    verify(db) {
      const tables = tableNames(db);
      assert(tables.includes('project_meta') && tables.includes('data_sources'), `tables after 1: ${tables.join(', ')}`);
      db.prepare("INSERT INTO project_meta (key, value) VALUES ('name', 'x')").run();
      let strict = false;
      try {
        db.prepare("INSERT INTO data_sources (id, name, attribution) VALUES ('not a number', 'n', 'a')").run();
      } catch {
        strict = true;
      }
      assert(strict, 'data_sources must be a STRICT table');
    },
  },
};
