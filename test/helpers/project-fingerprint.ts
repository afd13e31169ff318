import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * A hash of every row of every table of a project file, to show that a
 * rejected import changed nothing (the file's bytes may differ after SQLite
 * checkpoints its journal, its data must not). The metrics kept for a first
 * screen are left out: worked out from the rest, they are written by reads.
 */
export function dataFingerprint(file: string, leaveOut: readonly string[] = []): string {
  leaveOut = [...leaveOut, 'metrics_cache'];
  const db = new Database(file, { readonly: true });
  try {
    const hash = createHash('sha256');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    for (const { name } of tables.filter((t) => !leaveOut.includes(t.name))) {
      hash.update(`\u0000${name}\u0000`);
      for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).iterate()) hash.update(JSON.stringify(row));
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}
