import type { ProjectDb } from './db';
import { statement } from './statements';

/**
 * The undo history. An edit is stored as before/after images of every row it
 * touched, so undoing and redoing are exact whatever the edit was, and the
 * history survives a restart because it lives in the project file.
 */
type Value = string | number | null;
type Row = Record<string, Value>;

export interface RowChange {
  table: EditableTable;
  key: Row;
  before: Row | null;
  after: Row | null;
}

const KEYS = {
  zones: ['plan_id', 'id'],
  assignments: ['plan_id', 'area_code'],
  settings: ['key'],
  lots: ['service'],
  project_meta: ['key'],
  rate_bands: ['id'],
  cost_inputs: ['band_id', 'service'],
  pricing_scenarios: ['name'],
  framework_term: ['id'],
  supply: ['provider_id', 'area_code', 'service'],
} as const;
export type EditableTable = keyof typeof KEYS;

/**
 * While an edit runs, temporary triggers copy each row's image before it
 * changes (or note the key of a row that did not exist) into a journal table
 * of the same columns, so recording costs a row per row changed rather than
 * copying whole tables to diff them. Images keep SQLite's own types (a REAL is
 * not rounded through text). The triggers and journals are made once per
 * connection (temporary, so never in the file) and fire only while a table is
 * named in temp.edit_journal_on: making them for every edit cost more than a
 * one-area edit itself.
 */
const ABSENT = 'absent';
const IMAGE = 'image';

function columnsOf(db: ProjectDb, table: EditableTable): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

interface Journal {
  stop(): void;
  changes(): RowChange[];
}

/** The journal and triggers of a table on this connection, made when missing (also after a rollback took them away). */
function installJournal(db: ProjectDb, table: EditableTable, journal: string): void {
  if (statement(db, "SELECT 1 FROM temp.sqlite_master WHERE type = 'trigger' AND name = ?").get(`${journal}_insert`)) return;
  const columns = columnsOf(db, table);
  const keys = KEYS[table] as readonly string[];
  const same = keys.map((k) => `${k} IS NEW.${k}`).join(' AND ');
  const image = `INSERT INTO ${journal} (${columns.join(', ')}, edit_op) VALUES (${columns.map((c) => `OLD.${c}`).join(', ')}, '${IMAGE}')`;
  // An insert may meet a row already there (an upsert, INSERT OR REPLACE): then that row is the image.
  const insertImage = `INSERT INTO ${journal} (${columns.join(', ')}, edit_op) SELECT ${columns.join(', ')}, '${IMAGE}' FROM ${table} WHERE ${same}`;
  const absent = `INSERT INTO ${journal} (${keys.join(', ')}, edit_op) SELECT ${keys.map((k) => `NEW.${k}`).join(', ')}, '${ABSENT}' WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE ${same})`;
  const on = `WHEN EXISTS (SELECT 1 FROM temp.edit_journal_on WHERE name = '${table}')`;
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS edit_journal_on (name TEXT PRIMARY KEY);
    DROP TABLE IF EXISTS temp.${journal};
    CREATE TEMP TABLE ${journal} AS SELECT *, '' AS edit_op FROM main.${table} WHERE 0;
    CREATE TEMP TRIGGER ${journal}_update BEFORE UPDATE ON main.${table} ${on} BEGIN ${image}; ${absent}; END;
    CREATE TEMP TRIGGER ${journal}_delete BEFORE DELETE ON main.${table} ${on} BEGIN ${image}; END;
    CREATE TEMP TRIGGER ${journal}_insert BEFORE INSERT ON main.${table} ${on} BEGIN ${insertImage}; ${absent}; END;
  `);
}

function startJournal(db: ProjectDb, table: EditableTable): Journal {
  const keys = KEYS[table] as readonly string[];
  const journal = `edit_journal_${table}`;
  installJournal(db, table, journal);
  statement(db, `DELETE FROM temp.${journal}`).run();
  statement(db, 'INSERT OR IGNORE INTO temp.edit_journal_on (name) VALUES (?)').run(table);
  return {
    stop: () => void statement(db, 'DELETE FROM temp.edit_journal_on WHERE name = ?').run(table),
    changes() {
      // The first entry for a key says what the row was before the edit: its image, or nothing
      // (an update's NEW key is noted only when no row has it yet: a key the update moves to).
      const first = new Map<string, Row | null>();
      for (const entry of statement(db, `SELECT * FROM temp.${journal} ORDER BY rowid`).all() as (Row & { edit_op: string })[]) {
        const { edit_op: op, ...row } = entry;
        const key = JSON.stringify(keys.map((k) => row[k]));
        if (!first.has(key)) first.set(key, op === IMAGE ? row : null);
      }
      statement(db, `DELETE FROM temp.${journal}`).run();
      const now = statement(db, `SELECT * FROM main.${table} WHERE ${keys.map((k) => `${k} IS ?`).join(' AND ')}`);
      const changes: RowChange[] = [];
      for (const [json, before] of first) {
        const keyValues = JSON.parse(json) as Value[];
        const after = (now.get(...keyValues) as Row | undefined) ?? null;
        if (JSON.stringify(before) === JSON.stringify(after)) continue;
        changes.push({ table, key: Object.fromEntries(keys.map((k, i) => [k, keyValues[i]!])), before, after });
      }
      return changes;
    },
  };
}

/**
 * Runs `change` and records what it did as one edit (inside the caller's
 * transaction). A new edit drops anything undone: there is one line of history.
 * Returns the edit's id, or null when nothing changed.
 */
export function recordEdit(db: ProjectDb, planId: number | null, description: string, tables: EditableTable[], change: () => void): number | null {
  const journals = tables.map((t) => startJournal(db, t));
  try {
    change();
  } finally {
    for (const j of journals) j.stop();
  }
  const changes = journals.flatMap((j) => j.changes());
  if (changes.length === 0) return null;
  statement(db, 'DELETE FROM edits WHERE undone = 1').run();
  return Number(
    statement(db, 'INSERT INTO edits (plan_id, description, changes, created_at) VALUES (?, ?, ?, ?)').run(planId, description, JSON.stringify(changes), new Date().toISOString()).lastInsertRowid,
  );
}

/** Puts each row to its before (undo) or after (redo) image, in an order the foreign keys accept. */
function apply(db: ProjectDb, changes: RowChange[], side: 'before' | 'after'): void {
  const upsert = (table: EditableTable, row: Row) => {
    const columns = Object.keys(row);
    const keys = KEYS[table] as readonly string[];
    const updates = columns.filter((c) => !keys.includes(c));
    db.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})` +
        (updates.length ? ` ON CONFLICT(${keys.join(', ')}) DO UPDATE SET ${updates.map((c) => `${c} = excluded.${c}`).join(', ')}` : ' ON CONFLICT DO NOTHING'),
    ).run(row);
  };
  const remove = (table: EditableTable, key: Row) => {
    const keys = Object.keys(key);
    db.prepare(`DELETE FROM ${table} WHERE ${keys.map((k) => `${k} = @${k}`).join(' AND ')}`).run(key);
  };
  const target = (c: RowChange) => (side === 'before' ? c.before : c.after);
  const order: EditableTable[] = ['rate_bands', 'cost_inputs', 'settings', 'lots', 'project_meta', 'framework_term', 'pricing_scenarios', 'zones', 'assignments', 'supply'];
  if (changes.some((c) => !order.includes(c.table))) throw new Error(`Undo does not know the order of table ${changes.find((c) => !order.includes(c.table))!.table}.`);
  // Rows that must exist first (zones before the assignments that point at them)…
  for (const table of order) for (const c of changes) if (c.table === table && target(c)) upsert(table, target(c)!);
  // …and rows to remove last, children before parents.
  for (const table of [...order].reverse()) for (const c of changes) if (c.table === table && !target(c)) remove(table, c.key);
}

export interface EditSummary {
  id: number;
  planId: number | null;
  description: string;
  /**
   * When undoing or redoing it changed only the zones and assignments of its
   * plan (a paint, a new zone, a merge, a rename, a plan CSV): what changed.
   */
  changed: ZoneChanges | null;
  /** When it changed only supply rows (a provider's contract): the areas whose supply changed. */
  supplyAreas: string[] | null;
  /** It changed only the model's settings (rates, lots, the project's date, cost inputs): every zone's figures may follow. */
  settingsOnly: boolean;
}

export interface ZoneChanges {
  /** Each moved area's zone now (null: none). */
  to: Map<string, string | null>;
  /** The zones the moved areas were in. */
  from: Set<string>;
  /** Zones whose own row changed (named, coloured, locked, banded, made again). */
  zones: Set<string>;
  /** Zones that are gone. */
  removed: string[];
}

/** What an undo or redo did to zones and assignments, when that is all it changed. */
function zoneChangesOf(changes: RowChange[], side: 'before' | 'after'): ZoneChanges | null {
  if (changes.some((c) => c.table !== 'assignments' && c.table !== 'zones')) return null;
  const other = side === 'before' ? 'after' : 'before';
  const areas = changes.filter((c) => c.table === 'assignments');
  const zones = changes.filter((c) => c.table === 'zones');
  return {
    to: new Map(areas.map((c) => [String(c.key.area_code), (c[side]?.zone_id as string | undefined) ?? null])),
    from: new Set(areas.flatMap((c) => (c[other]?.zone_id ? [String(c[other]!.zone_id)] : []))),
    zones: new Set(zones.filter((c) => c[side]).map((c) => String(c.key.id))),
    removed: zones.filter((c) => !c[side]).map((c) => String(c.key.id)),
  };
}

/** The tables of the model's settings, which change no zone or supply row but any zone's figures. */
const SETTINGS_TABLES: ReadonlySet<EditableTable> = new Set(['settings', 'lots', 'project_meta', 'rate_bands', 'cost_inputs', 'pricing_scenarios', 'framework_term']);

function settingsOnly(changes: RowChange[]): boolean {
  return changes.length > 0 && changes.every((c) => SETTINGS_TABLES.has(c.table));
}

function supplyAreasOf(changes: RowChange[]): string[] | null {
  if (changes.length === 0 || changes.some((c) => c.table !== 'supply')) return null;
  return [...new Set(changes.map((c) => String(c.key.area_code)))];
}

export function undo(db: ProjectDb): EditSummary | null {
  const edit = db.prepare('SELECT id, plan_id AS planId, description, changes FROM edits WHERE undone = 0 ORDER BY id DESC LIMIT 1').get() as (EditSummary & { changes: string }) | undefined;
  if (!edit) return null;
  const changes = JSON.parse(edit.changes) as RowChange[];
  apply(db, changes, 'before');
  db.prepare('UPDATE edits SET undone = 1 WHERE id = ?').run(edit.id);
  return { id: edit.id, planId: edit.planId, description: edit.description, changed: zoneChangesOf(changes, 'before'), supplyAreas: supplyAreasOf(changes), settingsOnly: settingsOnly(changes) };
}

export function redo(db: ProjectDb): EditSummary | null {
  const edit = db.prepare('SELECT id, plan_id AS planId, description, changes FROM edits WHERE undone = 1 ORDER BY id ASC LIMIT 1').get() as (EditSummary & { changes: string }) | undefined;
  if (!edit) return null;
  const changes = JSON.parse(edit.changes) as RowChange[];
  apply(db, changes, 'after');
  db.prepare('UPDATE edits SET undone = 0 WHERE id = ?').run(edit.id);
  return { id: edit.id, planId: edit.planId, description: edit.description, changed: zoneChangesOf(changes, 'after'), supplyAreas: supplyAreasOf(changes), settingsOnly: settingsOnly(changes) };
}

/**
 * What Undo and Redo would do, in words; an edit of another plan than
 * `currentPlan` says which plan, since undoing it will switch to that plan.
 */
export function history(db: ProjectDb, currentPlan: number | null = null): { canUndo: string | null; canRedo: string | null } {
  const describe = (row: { description: string; planId: number | null; planName: string | null } | undefined) =>
    row ? (row.planId !== null && currentPlan !== null && row.planId !== currentPlan && row.planName ? `${row.description} (in the plan “${row.planName}”)` : row.description) : null;
  const query = (where: string, order: string) =>
    statement(db, `SELECT e.description, e.plan_id AS planId, p.name AS planName FROM edits e LEFT JOIN plans p ON p.id = e.plan_id WHERE e.undone = ${where} ORDER BY e.id ${order} LIMIT 1`).get() as
      | { description: string; planId: number | null; planName: string | null }
      | undefined;
  return { canUndo: describe(query('0', 'DESC')), canRedo: describe(query('1', 'ASC')) };
}
