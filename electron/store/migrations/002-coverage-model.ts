import type { Migration } from './types';

/**
 * The coverage model: areas and their borders, plans of zones, demand,
 * providers and their hours, rate bands and the model's settings.
 * Zone geometry is never stored: it is the union of the zone's areas.
 */
export const migration002: Migration = {
  version: 2,
  name: 'coverage-model',
  up(db) {
    db.exec(`
      CREATE TABLE districts (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL
      ) STRICT;

      CREATE TABLE areas (
        code       TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        district   TEXT NOT NULL,
        population INTEGER NOT NULL CHECK (population >= 0),
        ruc        TEXT NOT NULL,
        geometry   TEXT NOT NULL -- GeoJSON Polygon or MultiPolygon, WGS84
      ) STRICT;

      -- Areas that share a border, each pair once (a < b).
      CREATE TABLE area_neighbours (
        a TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
        b TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
        PRIMARY KEY (a, b),
        CHECK (a < b)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE rate_bands (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        hourly_rate     REAL NOT NULL CHECK (hourly_rate > 0),
        floor           REAL,
        ceiling         REAL,
        min_rural_share REAL NOT NULL CHECK (min_rural_share BETWEEN 0 AND 1),
        CHECK (floor IS NULL OR floor <= hourly_rate),
        CHECK (ceiling IS NULL OR ceiling >= hourly_rate)
      ) STRICT;

      CREATE TABLE plans (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE zones (
        plan_id       INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        id            TEXT NOT NULL,
        name          TEXT NOT NULL,
        colour        TEXT NOT NULL,
        band_override TEXT REFERENCES rate_bands(id) ON DELETE SET NULL,
        PRIMARY KEY (plan_id, id)
      ) STRICT;

      CREATE TABLE assignments (
        plan_id   INTEGER NOT NULL,
        area_code TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
        zone_id   TEXT NOT NULL,
        PRIMARY KEY (plan_id, area_code),
        FOREIGN KEY (plan_id, zone_id) REFERENCES zones(plan_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX assignments_zone ON assignments(plan_id, zone_id);

      CREATE TABLE demand (
        area_code TEXT NOT NULL REFERENCES areas(code) ON DELETE CASCADE,
        service   TEXT NOT NULL CHECK (service IN ('home-care', 'chc', 'live-in')),
        hours     REAL NOT NULL CHECK (hours >= 0),
        packages  REAL NOT NULL CHECK (packages >= 0),
        PRIMARY KEY (area_code, service)
      ) STRICT;

      CREATE TABLE providers (
        id           TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        cqc_id       TEXT,
        lat          REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon          REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
        status       TEXT NOT NULL CHECK (status IN ('on-framework', 'exiting-framework', 'non-framework', 'new-bidder')),
        services     TEXT NOT NULL, -- JSON array of service types
        is_fictional INTEGER NOT NULL DEFAULT 0 CHECK (is_fictional IN (0, 1))
      ) STRICT;

      -- Hours a week a provider holds in a zone of a plan.
      CREATE TABLE capacity (
        plan_id          INTEGER NOT NULL,
        provider_id      TEXT NOT NULL REFERENCES providers(id) ON DELETE CASCADE,
        zone_id          TEXT NOT NULL,
        contracted_hours REAL NOT NULL CHECK (contracted_hours >= 0),
        additional_hours REAL NOT NULL DEFAULT 0 CHECK (additional_hours >= 0),
        PRIMARY KEY (plan_id, provider_id, zone_id),
        FOREIGN KEY (plan_id, zone_id) REFERENCES zones(plan_id, id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value REAL NOT NULL
      ) STRICT;
    `);
  },
};
