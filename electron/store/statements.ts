import type Database from 'better-sqlite3';
import type { ProjectDb } from './db';

type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<ProjectDb, Map<string, Statement>>();

/**
 * A statement compiled once per connection: for the reads and writes every
 * edit makes (the plan, the zone of an area, the journal, the history),
 * compiling the SQL each time cost more than running it.
 */
export function statement(db: ProjectDb, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}
