import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProjectDb, migrate } from '../../../electron/store/db';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/store/migrations';
import { tempDir } from '../../helpers/temp';
import { MIGRATION_CASES } from './migration-cases';

describe('migrations', () => {
  it('are numbered 1..N with no gaps, in order, with unique names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('each have a test case', () => {
    expect(Object.keys(MIGRATION_CASES).map(Number).sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it.each(MIGRATIONS.map((m) => [m.version, m.name]))('migration %i (%s) keeps the data of schema N-1 and adds its own', (version) => {
    const file = path.join(tempDir(), 'm.carecover');
    const db = createProjectDb(file, { schemaVersion: version - 1 });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(version - 1);
      MIGRATION_CASES[version]!.seed(db);
      migrate(db, version);
      expect(db.pragma('user_version', { simple: true })).toBe(version);
      MIGRATION_CASES[version]!.verify(db);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
  });

  it('stop at an area whose stored boundary cannot be read, naming it, with the project as it was and its foreign keys on', () => {
    const file = path.join(tempDir(), 'm.carecover');
    const db = createProjectDb(file, { schemaVersion: 10 });
    try {
      db.exec(`INSERT INTO areas VALUES ('E01', 'One', 'D', 10, 'C1', '{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}'), ('E02', 'Two', 'D', 10, 'C1', 'not json');
               INSERT INTO demand VALUES ('E01', 'home-care', 5, 1);`);
      expect(() => migrate(db, 11)).toThrow(/Area E02: its stored boundary is not a GeoJSON polygon/);
      expect(db.pragma('user_version', { simple: true })).toBe(10);
      expect(db.prepare("SELECT typeof(geometry) AS t FROM areas WHERE code = 'E01'").get()).toEqual({ t: 'text' });
      expect(db.prepare('SELECT count(*) AS n FROM demand').get()).toEqual({ n: 1 });
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });

  it('make no topology parts from a project whose topology was not worked out yet', () => {
    const db = createProjectDb(path.join(tempDir(), 'm.carecover'), { schemaVersion: 11 });
    try {
      migrate(db, 12);
      expect(db.prepare('SELECT count(*) AS n FROM area_topology_parts').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('roll back completely when a step fails', () => {
    const file = path.join(tempDir(), 'm.carecover');
    const db = createProjectDb(file, { schemaVersion: 0 });
    try {
      db.exec('CREATE TABLE project_meta (x INTEGER)'); // makes migration 1 fail half-way
      expect(() => migrate(db)).toThrow();
      expect(db.pragma('user_version', { simple: true })).toBe(0);
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'data_sources'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
