import type { Migration } from './types';

/**
 * The metrics of each plan, as the first screen asks for them, kept with the
 * project (electron/store/metrics-cache.ts) so that opening it needs neither
 * the plan's inputs nor the model: for England reading those inputs and
 * working every zone out were about 0.17 s of the services' part of the first
 * map, twice that while the page loads on the other core.
 *
 * Whatever the model reads drops what is kept, by trigger, whoever writes it
 * (this app, the CLI, an older release): the areas, the plan's zones and
 * assignments (that plan's rows only), demand, providers, supply, rate bands,
 * lots, settings and the two dates of project_meta that set the "as at" date.
 * A row is also keyed by the "as at" date it was worked out for (today, when
 * the project names none) and the release that worked it out, so neither a
 * new day nor a new model reads an old answer.
 * test/electron/store/metrics-cache.test.ts checks that every table is either
 * one of these or named as not read by the model.
 */
export const MODEL_INPUT_TABLES = ['areas', 'demand', 'providers', 'supply', 'rate_bands', 'lots', 'settings'] as const;

export const migration017: Migration = {
  version: 17,
  name: 'metrics-cache',
  up(db) {
    const everyPlan = MODEL_INPUT_TABLES.flatMap((table) =>
      (['INSERT', 'UPDATE', 'DELETE'] as const).map((event) => `CREATE TRIGGER metrics_cache_on_${table}_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN DELETE FROM metrics_cache; END;`),
    );
    const onePlan = ['zones', 'assignments'].flatMap((table) => [
      `CREATE TRIGGER metrics_cache_on_${table}_insert AFTER INSERT ON ${table} BEGIN DELETE FROM metrics_cache WHERE plan_id = NEW.plan_id; END;`,
      `CREATE TRIGGER metrics_cache_on_${table}_update AFTER UPDATE ON ${table} BEGIN DELETE FROM metrics_cache WHERE plan_id IN (OLD.plan_id, NEW.plan_id); END;`,
      `CREATE TRIGGER metrics_cache_on_${table}_delete AFTER DELETE ON ${table} BEGIN DELETE FROM metrics_cache WHERE plan_id = OLD.plan_id; END;`,
    ]);
    // Only the dates the model reads (readAsAt); an export's remembered choices, say, keep the metrics.
    const dates = "('as_at', 'data_as_of')";
    const meta = [
      `CREATE TRIGGER metrics_cache_on_project_meta_insert AFTER INSERT ON project_meta WHEN NEW.key IN ${dates} BEGIN DELETE FROM metrics_cache; END;`,
      `CREATE TRIGGER metrics_cache_on_project_meta_update AFTER UPDATE ON project_meta WHEN NEW.key IN ${dates} OR OLD.key IN ${dates} BEGIN DELETE FROM metrics_cache; END;`,
      `CREATE TRIGGER metrics_cache_on_project_meta_delete AFTER DELETE ON project_meta WHEN OLD.key IN ${dates} BEGIN DELETE FROM metrics_cache; END;`,
    ];
    db.exec(`
      CREATE TABLE metrics_cache (
        plan_id     INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        lot         TEXT NOT NULL,  -- the LotFilter asked for ('all' or a service)
        as_at       TEXT NOT NULL,  -- the "as at" date the metrics were worked out for
        app_version TEXT NOT NULL,  -- the release whose model worked them out
        metrics     TEXT NOT NULL,  -- JSON: PlanMetrics
        PRIMARY KEY (plan_id, lot)
      ) STRICT;
      ${[...everyPlan, ...onePlan, ...meta].join('\n')}
    `);
  },
};
