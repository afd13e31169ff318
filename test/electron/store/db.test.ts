import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, createProjectDb, openProjectDb } from '../../../electron/store/db';
import { LATEST_SCHEMA_VERSION } from '../../../electron/store/migrations';
import { tempDir } from '../../helpers/temp';

async function refusal(file: string) {
  try {
    (await openProjectDb(file)).close();
  } catch (error) {
    return error as { code: string; message: string };
  }
  throw new Error('expected the project to be refused');
}

describe('createProjectDb', () => {
  it('makes a CareCover project in WAL mode with foreign keys on, at the latest schema', () => {
    const file = path.join(tempDir(), 'new.carecover');
    const db = createProjectDb(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    db.close();
  });

  it('will not overwrite a file unless asked, and then only a CareCover project', () => {
    const file = path.join(tempDir(), 'taken.carecover');
    fs.writeFileSync(file, 'precious');
    expect(() => createProjectDb(file)).toThrow(/already exists/);
    // Asked to overwrite, it still keeps a file that is not a project: "overwrite" never deletes a document.
    expect(() => createProjectDb(file, { overwrite: true })).toThrow(/is not a CareCover project, so CareCover will not replace it/);
    expect(fs.readFileSync(file, 'utf8')).toBe('precious');
    const other = path.join(tempDir(), 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)'); // an SQLite file, but not CareCover's
    expect(() => createProjectDb(other, { overwrite: true })).toThrow(/not a CareCover project/);
    expect(() => createProjectDb(tempDir(), { overwrite: true })).toThrow(/not a CareCover project/); // a folder
    // A project is replaced when asked.
    const project = path.join(tempDir(), 'old.carecover');
    createProjectDb(project).close();
    createProjectDb(project, { overwrite: true }).close();
    expect(fs.readFileSync(project).subarray(0, 15).toString()).toBe('SQLite format 3');
  });
});

describe('openProjectDb', () => {
  it('opens a project it made', async () => {
    const file = path.join(tempDir(), 'p.carecover');
    createProjectDb(file).close();
    const db = await openProjectDb(file);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
    expect(fs.existsSync(file + '.bak')).toBe(false); // nothing to migrate, no backup
  });

  it('reports a missing file', async () => {
    expect(await refusal(path.join(tempDir(), 'nope.carecover'))).toMatchObject({ code: 'not-found' });
  });

  it('refuses a file that is not a database, leaving it untouched', async () => {
    const file = path.join(tempDir(), 'notes.carecover');
    fs.writeFileSync(file, 'Zone,Hours\nMelton,120\n');
    const error = await refusal(file);
    expect(error.code).toBe('not-a-project');
    expect(error.message).toContain(file);
    expect(error.message).toMatch(/not an SQLite database/);
    expect(fs.readFileSync(file, 'utf8')).toBe('Zone,Hours\nMelton,120\n');
  });

  it('refuses an empty file', async () => {
    const file = path.join(tempDir(), 'empty.carecover');
    fs.writeFileSync(file, '');
    expect(await refusal(file)).toMatchObject({ code: 'not-a-project' });
  });

  it('refuses an SQLite database that is not a CareCover project', async () => {
    const file = path.join(tempDir(), 'other.sqlite');
    const other = new Database(file);
    other.exec('CREATE TABLE things (id INTEGER)');
    other.close();
    const before = fs.readFileSync(file);
    const error = await refusal(file);
    expect(error.code).toBe('not-a-project');
    expect(error.message).toMatch(/SQLite database but not a CareCover project/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a project from a newer CareCover, saying so', async () => {
    const file = path.join(tempDir(), 'future.carecover');
    const db = createProjectDb(file);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const error = await refusal(file);
    expect(error.code).toBe('newer-version');
    expect(error.message).toMatch(/newer version of CareCover/);
    expect(error.message).toContain(String(LATEST_SCHEMA_VERSION + 5));
  });

  it('refuses a damaged project after its integrity check', async () => {
    const file = path.join(tempDir(), 'damaged.carecover');
    const db = createProjectDb(file);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT); CREATE INDEX filler_text ON filler(text);');
    const insert = db.prepare('INSERT INTO filler (text) VALUES (?)');
    for (let i = 0; i < 2000; i++) insert.run(`row ${i} `.repeat(20));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const bytes = fs.readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    for (let page = 4; page < bytes.length / pageSize - 1; page += 3) bytes.fill(0x5a, page * pageSize + 8, page * pageSize + 200);
    fs.writeFileSync(file, bytes);
    expect(await refusal(file)).toMatchObject({ code: 'corrupt' });
  });

  it('backs an older project up to .bak before migrating it', async () => {
    const file = path.join(tempDir(), 'old.carecover');
    const db = createProjectDb(file, { schemaVersion: LATEST_SCHEMA_VERSION - 1 });
    db.close();
    const migrated = await openProjectDb(file);
    expect(migrated.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    migrated.close();
    const backup = new Database(file + '.bak', { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION - 1);
    expect(backup.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    backup.close();
  });
});
