import type { SnapshotRow } from '../../shared/time/trends';
import type { ProjectDb } from './db';

/** Snapshots (migration 009): a month's returns per provider, area and lot, and the framework's re-opening dates. */

export interface SnapshotInfo {
  month: string;
  source: 'returns' | 'model' | 'sample';
  fileName: string | null;
  sha256: string | null;
  createdAt: string;
  rows: number;
}

export function listSnapshots(db: ProjectDb): SnapshotInfo[] {
  return db
    .prepare(
      `SELECT s.month, s.source, s.file_name AS fileName, s.sha256, s.created_at AS createdAt, count(r.snapshot_id) AS rows
       FROM snapshots s LEFT JOIN snapshot_rows r ON r.snapshot_id = s.id GROUP BY s.id ORDER BY s.month`,
    )
    .all() as SnapshotInfo[];
}

/** Every month's rows, in month order. */
export function readSnapshotRows(db: ProjectDb): { month: string; rows: SnapshotRow[] }[] {
  const months = db.prepare('SELECT id, month FROM snapshots ORDER BY month').all() as { id: number; month: string }[];
  // Rows as arrays, made into objects here: for the tens of thousands of rows of a few years of
  // returns, about a third quicker than better-sqlite3 making each object (measured cold, 61,164 rows).
  const rows = db.prepare('SELECT provider_id, area_code, service, committed, delivered, unsourced, waiting, handbacks FROM snapshot_rows WHERE snapshot_id = ?').raw();
  return months.map((m) => ({
    month: m.month,
    rows: (rows.all(m.id) as [string, string, SnapshotRow['service'], number, number, number, number, number][]).map(([providerId, areaCode, service, committed, delivered, unsourced, waiting, handbacks]) => ({
      providerId,
      areaCode,
      service,
      committed,
      delivered,
      unsourced,
      waiting,
      handbacks,
    })),
  }));
}

/** Replaces a month's snapshot with these rows (inside the caller's transaction): a month imported again is the newer return. */
export function writeSnapshot(db: ProjectDb, month: string, source: SnapshotInfo['source'], file: { fileName: string; sha256: string } | null, rows: readonly SnapshotRow[]): void {
  db.prepare('DELETE FROM snapshots WHERE month = ?').run(month);
  const id = Number(
    db.prepare('INSERT INTO snapshots (month, source, file_name, sha256, created_at) VALUES (?, ?, ?, ?, ?)').run(month, source, file?.fileName ?? null, file?.sha256 ?? null, new Date().toISOString()).lastInsertRowid,
  );
  // Rows of the same provider, area and lot add up (a return may list a provider's packages one by one).
  const insert = db.prepare(
    `INSERT INTO snapshot_rows (snapshot_id, provider_id, area_code, service, committed, delivered, unsourced, waiting, handbacks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(snapshot_id, provider_id, area_code, service) DO UPDATE SET committed = committed + excluded.committed, delivered = delivered + excluded.delivered,
       unsourced = unsourced + excluded.unsourced, waiting = waiting + excluded.waiting, handbacks = handbacks + excluded.handbacks`,
  );
  for (const r of rows) insert.run(id, r.providerId, r.areaCode, r.service, r.committed, r.delivered, r.unsourced, r.waiting, r.handbacks);
}

/** Changes whenever a month is written or deleted (a written month gets a new id): what cached snapshots are keyed on. */
export function snapshotsRevision(db: ProjectDb): string {
  const row = db.prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM snapshots').get() as { n: number; last: number };
  return `${row.n}:${row.last}`;
}

export function deleteSnapshot(db: ProjectDb, month: string): boolean {
  return db.prepare('DELETE FROM snapshots WHERE month = ?').run(month).changes > 0;
}

export function readReopenings(db: ProjectDb): string[] | null {
  const row = db.prepare('SELECT reopenings FROM framework_term WHERE id = 1').get() as { reopenings: string | null } | undefined;
  return row?.reopenings ? (JSON.parse(row.reopenings) as string[]) : null;
}

export function writeReopenings(db: ProjectDb, dates: readonly string[] | null): void {
  db.prepare('UPDATE framework_term SET reopenings = ? WHERE id = 1').run(dates ? JSON.stringify(dates) : null);
}
