import { LATEST_SCHEMA_VERSION } from '../../../electron/store/migrations';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services';
import { repoRoot, tempDir } from '../../helpers/temp';

/**
 * test/fixtures/projects/schema6-sample.carecover.gz is the Leicestershire
 * sample as the previous release (schema 6, capacity per plan and zone) wrote
 * it with `carecover init`, plus a plan copied with `carecover plan copy`.
 */
function previousRelease(): string {
  const file = path.join(tempDir(), 'schema6.carecover');
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'projects', 'schema6-sample.carecover.gz'))));
  return file;
}

type Totals = Map<string, { demand: number; committed: number; additional: number }>;

/** Every zone total of every plan, keyed "plan/zone", straight from the tables. */
function zoneTotals(file: string, supplyTable: 'capacity' | 'supply'): Totals {
  const db = new Database(file, { readonly: true });
  try {
    const totals: Totals = new Map();
    const entry = (key: string) => totals.get(key) ?? totals.set(key, { demand: 0, committed: 0, additional: 0 }).get(key)!;
    for (const r of db.prepare('SELECT p.name AS plan, a.zone_id AS zone, sum(d.hours) AS hours FROM demand d JOIN assignments a ON a.area_code = d.area_code JOIN plans p ON p.id = a.plan_id GROUP BY p.name, a.zone_id').all() as { plan: string; zone: string; hours: number }[]) {
      entry(`${r.plan}/${r.zone}`).demand = r.hours;
    }
    const rows =
      supplyTable === 'capacity'
        ? db.prepare('SELECT p.name AS plan, c.zone_id AS zone, sum(c.contracted_hours) AS c, sum(c.additional_hours) AS a FROM capacity c JOIN plans p ON p.id = c.plan_id GROUP BY p.name, c.zone_id').all()
        : db
            .prepare('SELECT p.name AS plan, a.zone_id AS zone, sum(s.committed_hours) AS c, sum(s.additional_hours) AS a FROM supply s JOIN assignments a ON a.area_code = s.area_code JOIN plans p ON p.id = a.plan_id GROUP BY p.name, a.zone_id')
            .all();
    for (const r of rows as { plan: string; zone: string; c: number; a: number }[]) Object.assign(entry(`${r.plan}/${r.zone}`), { committed: r.c, additional: r.a });
    return totals;
  } finally {
    db.close();
  }
}

describe('a project written by the previous release', () => {
  it('opens, migrated to area-level supply, with every zone total of every plan unchanged', async () => {
    const file = previousRelease();
    const before = zoneTotals(file, 'capacity');
    expect(new Set([...before.keys()].map((k) => k.split('/')[0])).size).toBe(2);
    expect(before.size).toBe(28);

    const services = createServices({ host: 'web', userData: tempDir() });
    try {
      const info = await services.session.open(file);
      expect(info.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
      expect(fs.existsSync(`${file}.bak`)).toBe(true);
      const { metrics } = services.coverage.metrics();
      expect(metrics.zones).toHaveLength(14);
      expect(metrics.zones.every((z) => z.basis === 'estimated')).toBe(true);
    } finally {
      services.close();
    }

    const after = zoneTotals(file, 'supply');
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    for (const [key, was] of before) {
      const now = after.get(key)!;
      expect(now.demand, `${key} demand`).toBeCloseTo(was.demand, 6);
      expect(now.committed, `${key} committed`).toBeCloseTo(was.committed, 6);
      expect(now.additional, `${key} additional`).toBeCloseTo(was.additional, 6);
    }
  });
});
