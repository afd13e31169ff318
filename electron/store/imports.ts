import type { ImportKind } from '../../shared/import/kinds';
import type { ColumnMapping } from '../../shared/import/kinds';
import type { ImportRecord, ProjectCounts } from '../../shared/import/request';
import type { ProjectDb } from './db';

export function recordImport(db: ProjectDb, entry: { kind: ImportKind; fileName: string; sha256: string; accepted: number; rejected: number; notes: string[] }): number {
  const result = db
    .prepare('INSERT INTO imports (kind, file_name, sha256, imported_at, rows_accepted, rows_rejected, notes) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entry.kind, entry.fileName, entry.sha256, new Date().toISOString(), entry.accepted, entry.rejected, JSON.stringify(entry.notes));
  return Number(result.lastInsertRowid);
}

export function listImports(db: ProjectDb): ImportRecord[] {
  return db
    .prepare('SELECT id, kind, file_name AS fileName, sha256, imported_at AS importedAt, rows_accepted AS rowsAccepted, rows_rejected AS rowsRejected FROM imports ORDER BY id')
    .all() as ImportRecord[];
}

export function readMapping(db: ProjectDb, kind: ImportKind): ColumnMapping | null {
  const row = db.prepare('SELECT mapping FROM import_mappings WHERE kind = ?').get(kind) as { mapping: string } | undefined;
  return row ? (JSON.parse(row.mapping) as ColumnMapping) : null;
}

export function saveMapping(db: ProjectDb, kind: ImportKind, mapping: ColumnMapping): void {
  db.prepare('INSERT INTO import_mappings (kind, mapping) VALUES (?, ?) ON CONFLICT(kind) DO UPDATE SET mapping = excluded.mapping').run(kind, JSON.stringify(mapping));
}

export function projectCounts(db: ProjectDb): ProjectCounts {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  return {
    areas: count('SELECT count(*) AS n FROM areas'),
    zones: count('SELECT count(*) AS n FROM zones'),
    plans: count('SELECT count(*) AS n FROM plans'),
    providers: count('SELECT count(*) AS n FROM providers'),
    capacityRows: count('SELECT count(*) AS n FROM supply WHERE committed_hours > 0'),
    deliveryRows: count("SELECT count(*) AS n FROM supply WHERE basis = 'recorded'"),
    demandRows: count('SELECT count(*) AS n FROM demand'),
    lookupImports: count("SELECT count(*) AS n FROM imports WHERE kind = 'lookup'"),
    rateBands: count('SELECT count(*) AS n FROM rate_bands'),
    imports: count('SELECT count(*) AS n FROM imports'),
  };
}
