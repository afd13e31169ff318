import { writeTransaction, type ProjectDb } from './db';
import { statement } from './statements';

/** Keys of the project_meta table. */
export type MetaKey = 'name' | 'created_at' | 'app_version' | 'is_sample' | 'data_as_of' | 'as_at' | 'current_plan_id' | 'export_choices';

export function readMeta(db: ProjectDb): Partial<Record<MetaKey, string>> {
  const rows = statement(db, 'SELECT key, value FROM project_meta').all() as { key: MetaKey; value: string }[];
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

export function writeMeta(db: ProjectDb, values: Partial<Record<MetaKey, string>>): void {
  const upsert = db.prepare('INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  writeTransaction(db, () => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) upsert.run(key, value);
  });
}

export interface DataSource {
  name: string;
  attribution: string;
  licence?: string | null;
  asOf?: string | null;
}

export function readAttributions(db: ProjectDb): string[] {
  const rows = db.prepare('SELECT attribution FROM data_sources ORDER BY id').all() as { attribution: string }[];
  return [...new Set(rows.map((row) => row.attribution))];
}

export function addDataSource(db: ProjectDb, source: DataSource): void {
  db.prepare('INSERT INTO data_sources (name, attribution, licence, as_of) VALUES (?, ?, ?, ?)').run(
    source.name,
    source.attribution,
    source.licence ?? null,
    source.asOf ?? null,
  );
}
