import { describe, expect, it } from 'vitest';
import { hasKeptMetrics, readKeptMetrics, storeKeptMetrics, type MetricsKey } from '../../../electron/store/metrics-cache';
import { MODEL_INPUT_TABLES } from '../../../electron/store/migrations/017-metrics-cache';
import type { PlanMetrics } from '../../../shared/coverage/metrics';
import { withProjectDb } from '../../helpers/project-db';

/**
 * Tables the coverage model does not read (readPlanInputs), so a change to
 * them keeps the metrics. A table added by a later migration must be named
 * here or given the triggers, or the test below fails.
 */
const NOT_READ_BY_THE_MODEL = [
  'area_cache',
  'area_neighbours',
  'area_topology_parts',
  'cost_inputs',
  'data_sources',
  'districts',
  'edits',
  'framework_term',
  'import_mappings',
  'imports',
  'metrics_cache',
  'places',
  'plan_map_cache',
  'plans',
  'pricing_scenarios',
  'snapshot_rows',
  'snapshots',
];

const metrics: PlanMetrics = { zones: [], totals: { demandHours: 1 } as unknown as PlanMetrics['totals'] };
const key: MetricsKey = { planId: 1, lot: 'all', asAt: '2026-04-01', appVersion: '1.0.0' };

describe('the metrics kept with a project', () => {
  it('are dropped by triggers on every insert, update and delete of every table the model reads', () => {
    withProjectDb((db) => {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
      const read = tables.filter((t) => !NOT_READ_BY_THE_MODEL.includes(t));
      expect(read.sort()).toEqual([...MODEL_INPUT_TABLES, 'assignments', 'project_meta', 'zones'].sort());
      for (const table of read) {
        const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%DELETE FROM metrics_cache%'").pluck().all(table) as string[];
        for (const event of ['INSERT', 'UPDATE', 'DELETE']) expect(triggers.some((sql) => sql.includes(`AFTER ${event} ON ${table}`)), `${event} on ${table}`).toBe(true);
      }
    });
  });

  it('are read back only for the plan, lot, "as at" date and release they were worked out for', () => {
    withProjectDb((db) => {
      db.exec("INSERT INTO plans (id, name, created_at) VALUES (1, 'One', 'now'), (2, 'Two', 'now')");
      expect(readKeptMetrics(db, key)).toBeNull();
      storeKeptMetrics(db, key, metrics);
      expect(readKeptMetrics(db, key)).toEqual(metrics);
      expect(hasKeptMetrics(db, key)).toBe(true);
      for (const other of [{ planId: 2 }, { lot: 'chc' as const }, { asAt: '2026-04-02' }, { appVersion: '1.0.1' }]) {
        expect(readKeptMetrics(db, { ...key, ...other }), JSON.stringify(other)).toBeNull();
        expect(hasKeptMetrics(db, { ...key, ...other })).toBe(false);
      }
    });
  });

  it('that are not JSON are taken as none kept, and replaced when kept again', () => {
    withProjectDb((db) => {
      db.exec("INSERT INTO plans (id, name, created_at) VALUES (1, 'One', 'now')");
      db.prepare("INSERT INTO metrics_cache VALUES (1, 'all', ?, ?, '{not json')").run(key.asAt, key.appVersion);
      expect(readKeptMetrics(db, key)).toBeNull();
      storeKeptMetrics(db, key, metrics);
      expect(readKeptMetrics(db, key)).toEqual(metrics);
    });
  });
});
