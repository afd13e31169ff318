import { spreadZoneContracts } from '../../../shared/coverage/spread';
import { DEFAULT_LOTS, DEFAULT_SETTINGS, type Provider, type ZoneContract } from '../../../shared/domain/types';
import { areaCentre } from '../../../shared/geo/area-centres';
import type { AreaGeometry } from '../../../shared/geo/types';
import type { Migration } from './types';

/**
 * Coverage model v2. Supply is held per provider, area and service (committed,
 * additional and delivered hours, and people), so a zone's figures follow its
 * areas under any plan. Lots (home care, CHC, live-in) get a funder; providers
 * get the dates they join or leave the framework; bands get CHC and live-in
 * rates; demand counts people; imports gain delivery records and lookups.
 *
 * Zone-level capacity becomes area-level supply, spread over each zone's areas
 * of the current plan in proportion to demand for the provider's services (within
 * reach of its branch where possible) and marked estimated. Supply is no longer
 * kept per plan: every zone total of the current plan, and of every plan with
 * the same zones and capacity (a copy), is unchanged. A plan whose areas were
 * repainted under the old model showed capacity that had stayed behind with the
 * zone id; its totals now follow its areas, which is the point of the change.
 */
export const migration007: Migration = {
  version: 7,
  name: 'area-supply',
  up(db) {
    db.exec(`
      CREATE TABLE lots (
        service       TEXT PRIMARY KEY CHECK (service IN ('home-care', 'chc', 'live-in')),
        name          TEXT NOT NULL,
        funder        TEXT NOT NULL CHECK (funder IN ('council', 'nhs', 'joint')),
        council_share REAL NOT NULL CHECK (council_share BETWEEN 0 AND 1)
      ) STRICT;

      ALTER TABLE providers ADD COLUMN start_date TEXT CHECK (start_date IS NULL OR start_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
      ALTER TABLE providers ADD COLUMN end_date TEXT CHECK (end_date IS NULL OR end_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]');
      ALTER TABLE rate_bands ADD COLUMN chc_hourly_rate REAL CHECK (chc_hourly_rate IS NULL OR chc_hourly_rate > 0);
      ALTER TABLE rate_bands ADD COLUMN live_in_weekly_rate REAL NOT NULL DEFAULT 1100 CHECK (live_in_weekly_rate > 0);
      ALTER TABLE demand RENAME COLUMN packages TO people;

      CREATE TABLE supply (
        provider_id      TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
        area_code        TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
        service          TEXT NOT NULL CHECK (service IN ('home-care', 'chc', 'live-in')),
        committed_hours  REAL NOT NULL DEFAULT 0 CHECK (committed_hours >= 0),
        additional_hours REAL NOT NULL DEFAULT 0 CHECK (additional_hours >= 0),
        delivered_hours  REAL NOT NULL DEFAULT 0 CHECK (delivered_hours >= 0),
        people           REAL NOT NULL DEFAULT 0 CHECK (people >= 0),
        basis            TEXT NOT NULL CHECK (basis IN ('estimated', 'recorded')),
        PRIMARY KEY (provider_id, area_code, service)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX supply_area ON supply(area_code);

      CREATE TABLE imports_v7 (
        id            INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('areas', 'zones', 'providers', 'capacity', 'demand', 'rates', 'delivery', 'lookup')),
        file_name     TEXT NOT NULL,
        sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
        imported_at   TEXT NOT NULL,
        rows_accepted INTEGER NOT NULL CHECK (rows_accepted >= 0),
        rows_rejected INTEGER NOT NULL CHECK (rows_rejected >= 0),
        notes         TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      INSERT INTO imports_v7 SELECT id, kind, file_name, sha256, imported_at, rows_accepted, rows_rejected, notes FROM imports;
      DROP TABLE imports;
      ALTER TABLE imports_v7 RENAME TO imports;
    `);
    const insertLot = db.prepare('INSERT INTO lots (service, name, funder, council_share) VALUES (?, ?, ?, ?)');
    for (const lot of DEFAULT_LOTS) insertLot.run(lot.service, lot.name, lot.funder, lot.councilShare);

    // Exiting providers get no end date here: nothing says when; a timeline import or edit sets it.
    const meta = new Map((db.prepare('SELECT key, value FROM project_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
    if (!meta.has('as_at') && meta.get('data_as_of')) db.prepare("INSERT INTO project_meta (key, value) VALUES ('as_at', ?)").run(meta.get('data_as_of'));

    const plans = db.prepare('SELECT id FROM plans ORDER BY id').all() as { id: number }[];
    const currentId = Number(meta.get('current_plan_id'));
    const planId = plans.some((p) => p.id === currentId) ? currentId : plans[0]?.id;
    if (planId !== undefined) {
      const contracts = db
        .prepare('SELECT provider_id AS providerId, zone_id AS zoneId, contracted_hours AS contractedHours, additional_hours AS additionalHours FROM capacity WHERE plan_id = ?')
        .all(planId) as ZoneContract[];
      const assignments = new Map(db.prepare('SELECT area_code, zone_id FROM assignments WHERE plan_id = ?').raw().all(planId) as [string, string][]);
      const centres = new Map(
        (db.prepare('SELECT code, geometry FROM areas').raw().all() as [string, string][]).flatMap(([code, geometry]): [string, [number, number]][] => {
          try {
            return [[code, areaCentre(JSON.parse(geometry) as AreaGeometry)]];
          } catch {
            return [];
          }
        }),
      );
      const providers = (db.prepare('SELECT id, name, lat, lon, status, services FROM providers').all() as { id: string; name: string; lat: number; lon: number; status: Provider['status']; services: string }[]).map(
        (p): Provider => ({ ...p, cqcId: null, services: JSON.parse(p.services) as Provider['services'], startDate: null, endDate: null }),
      );
      const limit = (db.prepare("SELECT value FROM settings WHERE key = 'distanceLimitKm'").get() as { value: number } | undefined)?.value ?? DEFAULT_SETTINGS.distanceLimitKm;
      const rows = spreadZoneContracts({
        contracts,
        assignments,
        demand: db.prepare('SELECT area_code AS areaCode, service, hours, people FROM demand').all() as never,
        providers,
        areaCentres: centres,
        distanceLimitKm: limit,
      });
      const insert = db.prepare(
        "INSERT INTO supply (provider_id, area_code, service, committed_hours, additional_hours, delivered_hours, people, basis) VALUES (?, ?, ?, ?, ?, 0, 0, 'estimated')",
      );
      for (const r of rows) insert.run(r.providerId, r.areaCode, r.service, r.committedHours, r.additionalHours);
    }

    // Undo history: capacity row images are gone with the table; the zone and assignment images stay.
    const edits = db.prepare('SELECT id, changes FROM edits').all() as { id: number; changes: string }[];
    const update = db.prepare('UPDATE edits SET changes = ? WHERE id = ?');
    for (const edit of edits) {
      const changes = JSON.parse(edit.changes) as { table: string }[];
      const kept = changes.filter((c) => c.table !== 'capacity');
      if (kept.length !== changes.length) update.run(JSON.stringify(kept), edit.id);
    }
    // A saved demand mapping named the people column "packages".
    const saved = db.prepare("SELECT mapping FROM import_mappings WHERE kind = 'demand'").get() as { mapping: string } | undefined;
    if (saved) {
      const { packages, ...rest } = JSON.parse(saved.mapping) as Record<string, string | null>;
      db.prepare("UPDATE import_mappings SET mapping = ? WHERE kind = 'demand'").run(JSON.stringify({ ...rest, people: rest.people ?? packages ?? null }));
    }
    db.exec('DROP TABLE capacity;');
  },
};
