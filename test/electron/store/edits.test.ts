import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProjectDb, writeTransaction, type ProjectDb } from '../../../electron/store/db';
import { recordEdit, redo, undo, type RowChange } from '../../../electron/store/edits';
import { tempDir } from '../../helpers/temp';

// The settings table (key TEXT PRIMARY KEY, value REAL) is the simplest editable table: each case edits it as the services do.
let db: ProjectDb;

const settings = () => Object.fromEntries((db.prepare('SELECT key, value FROM settings ORDER BY key').all() as { key: string; value: number }[]).map((r) => [r.key, r.value]));
const put = (key: string, value: number) => db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
const edit = (change: () => void) => writeTransaction(db, () => recordEdit(db, null, 'an edit', ['settings'], change));
const stored = (id: number) => JSON.parse((db.prepare('SELECT changes FROM edits WHERE id = ?').get(id) as { changes: string }).changes) as RowChange[];
const tempObjects = () => db.prepare("SELECT type, name FROM sqlite_temp_master WHERE name LIKE 'edit_journal%'").all();

beforeEach(() => {
  db = createProjectDb(path.join(tempDir(), 'edits.carecover'));
  db.prepare('DELETE FROM settings').run();
  for (let i = 0; i < 1000; i++) put(`k${String(i).padStart(4, '0')}`, i);
});
afterEach(() => db.close());

describe('recordEdit', () => {
  it('records only the rows the edit changed, each with its exact before and after', () => {
    const id = edit(() => put('k0500', 0.1 + 0.2))!;
    expect(stored(id)).toEqual([{ table: 'settings', key: { key: 'k0500' }, before: { key: 'k0500', value: 500 }, after: { key: 'k0500', value: 0.30000000000000004 } }]);
    undo(db);
    expect(settings().k0500).toBe(500);
    redo(db);
    // A REAL survives the round trip to the last bit.
    expect(settings().k0500).toBe(0.1 + 0.2);
  });

  it('records a row inserted and then changed in the same edit as new, so undo removes it', () => {
    const id = edit(() => {
      put('fresh', 1);
      put('fresh', 2);
    })!;
    expect(stored(id)).toEqual([{ table: 'settings', key: { key: 'fresh' }, before: null, after: { key: 'fresh', value: 2 } }]);
    undo(db);
    expect(settings()).not.toHaveProperty('fresh');
    redo(db);
    expect(settings().fresh).toBe(2);
  });

  it('records deletions, INSERT OR REPLACE and rows changed twice by their state before the edit', () => {
    const id = edit(() => {
      db.prepare('DELETE FROM settings WHERE key IN (?, ?)').run('k0001', 'k0002');
      db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)').run('k0003', 33);
      put('k0004', 40);
      put('k0004', 41);
    })!;
    const changes = stored(id);
    expect(changes.map((c) => [c.key.key, c.before?.value ?? null, c.after?.value ?? null])).toEqual([
      ['k0001', 1, null],
      ['k0002', 2, null],
      ['k0003', 3, 33],
      ['k0004', 4, 41],
    ]);
    const before = settings();
    undo(db);
    expect(settings()).toMatchObject({ k0001: 1, k0002: 2, k0003: 3, k0004: 4 });
    redo(db);
    expect(settings()).toEqual(before);
  });

  it('records nothing when the rows end as they began', () => {
    expect(
      edit(() => {
        put('k0007', 7);
        put('k0008', 80);
        put('k0008', 8);
      }),
    ).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM edits').get()).toEqual({ n: 0 });
  });

  it('journals nothing outside an edit, even after an edit that failed', () => {
    const journalled = () => db.prepare('SELECT count(*) FROM temp.edit_journal_settings').pluck().get();
    const switchedOn = () => db.prepare('SELECT name FROM temp.edit_journal_on').pluck().all();
    edit(() => put('k0009', 90));
    put('k0008', 80); // a write outside any edit
    expect(journalled()).toBe(0);
    expect(switchedOn()).toEqual([]);
    expect(() =>
      edit(() => {
        put('k0010', 100);
        throw new Error('half way');
      }),
    ).toThrow('half way');
    expect(settings().k0010).toBe(10);
    expect(switchedOn()).toEqual([]);
    // The next edit still records, and only its own row.
    const id = edit(() => put('k0011', 110))!;
    expect(stored(id).map((c) => c.key.key)).toEqual(['k0011']);
    put('k0012', 120);
    expect(journalled()).toBe(0);
  });

  it("makes the triggers again when the first edit's rollback took them away", () => {
    expect(() =>
      edit(() => {
        put('k0010', 100);
        throw new Error('half way');
      }),
    ).toThrow('half way');
    expect(tempObjects()).toEqual([]); // made inside the transaction that rolled back
    const id = edit(() => put('k0011', 110))!;
    expect(stored(id).map((c) => c.key.key)).toEqual(['k0011']);
  });

  it('makes its triggers once per connection, not once per edit', () => {
    edit(() => put('k0001', 1));
    const made = tempObjects();
    expect(made).toHaveLength(5); // the switch table, the journal and its three triggers
    edit(() => put('k0002', 2));
    expect(tempObjects()).toEqual(made);
  });
});
