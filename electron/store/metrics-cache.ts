import type { PlanMetrics } from '../../shared/coverage/metrics';
import type { LotFilter } from '../../shared/coverage/supply';
import type { ProjectDb } from './db';
import { statement } from './statements';

/**
 * A plan's metrics kept with the project (metrics_cache, migration 17), so a
 * first screen reads them rather than the plan's inputs and the model. Triggers
 * on every table the model reads drop them; each is read back only for the
 * "as at" date and the release it was worked out for.
 */
export interface MetricsKey {
  planId: number;
  lot: LotFilter;
  asAt: string;
  appVersion: string;
}

const BY_KEY = 'FROM metrics_cache WHERE plan_id = ? AND lot = ? AND as_at = ? AND app_version = ?';
const keyValues = (key: MetricsKey) => [key.planId, key.lot, key.asAt, key.appVersion] as const;

/** The kept metrics for `key`, or null (none kept, kept for another day or release, or not JSON this release reads). */
export function readKeptMetrics(db: ProjectDb, key: MetricsKey): PlanMetrics | null {
  const json = statement(db, `SELECT metrics ${BY_KEY}`).pluck().get(...keyValues(key)) as string | undefined;
  if (json === undefined) return null;
  try {
    return JSON.parse(json) as PlanMetrics;
  } catch {
    return null; // a damaged row is worked out again, and replaced
  }
}

export function storeKeptMetrics(db: ProjectDb, key: MetricsKey, metrics: PlanMetrics): void {
  statement(db, 'INSERT OR REPLACE INTO metrics_cache (plan_id, lot, as_at, app_version, metrics) VALUES (?, ?, ?, ?, ?)').run(...keyValues(key), JSON.stringify(metrics));
}

/** Whether metrics are kept for `key`. */
export function hasKeptMetrics(db: ProjectDb, key: MetricsKey): boolean {
  return statement(db, `SELECT 1 ${BY_KEY}`).pluck().get(...keyValues(key)) !== undefined;
}
