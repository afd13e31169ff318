import type { DemandRow, Lot, PlanInputs, Provider, RateBand, Settings, SupplyRow, Zone } from '../../shared/domain/types';
import { DEFAULT_LOTS, DEFAULT_SETTINGS } from '../../shared/domain/types';
import type { AreaGeometry } from '../../shared/geo/types';
import type { Area } from '../../shared/domain/types';
import type { ProjectDb } from './db';
import { geometryBlob, geometryOfBlob } from './geometry-column';
import { readMeta } from './project-meta';

// Reading and writing the coverage model's tables. Every writer expects to run
// inside the caller's transaction, so an import or a template lands whole.

export function readAreas(db: ProjectDb): Area[] {
  // As one JSON text made by SQLite and parsed in one go: quicker than better-sqlite3 handing over 32,844 rows
  // value by value (and a third quicker again than it building each row's object key by key).
  const json = db
    .prepare(
      `SELECT json_group_array(json_object('code', code, 'name', name, 'district', district, 'population', population, 'ruc', ruc))
       FROM (SELECT code, name, district, population, ruc FROM areas ORDER BY code)`,
    )
    .pluck()
    .get() as string;
  return JSON.parse(json) as Area[];
}

/** The first of `codes` that is not an area of the project, if any: one indexed look-up each, not a read of every area. */
export function firstUnknownArea(db: ProjectDb, codes: Iterable<string>): string | undefined {
  const known = db.prepare('SELECT 1 FROM areas WHERE code = ?').pluck();
  for (const code of codes) if (known.get(code) === undefined) return code;
  return undefined;
}

export function readAreaGeometries(db: ProjectDb): Map<string, AreaGeometry> {
  const rows = db.prepare('SELECT code, geometry FROM areas').raw().all() as [string, Buffer][];
  return new Map(rows.map(([code, blob]) => [code, geometryOfBlob(blob, code)]));
}

export function readAreaNeighbours(db: ProjectDb): [string, string][] {
  return (db.prepare('SELECT a, b FROM area_neighbours').raw().all() as [string, string][]);
}

export function readZones(db: ProjectDb, planId: number): Zone[] {
  const rows = db.prepare('SELECT id, name, colour, band_override AS bandOverride, locked FROM zones WHERE plan_id = ? ORDER BY id').all(planId) as (Omit<Zone, 'locked'> & { locked: number })[];
  return rows.map((z) => ({ ...z, locked: z.locked === 1 }));
}

export function readAssignments(db: ProjectDb, planId: number): Map<string, string> {
  // Two JSON arrays from one pass over the rows (so in the same order): half the time of England's 32,844 rows one by one.
  const [codes, zoneIds] = db.prepare('SELECT json_group_array(area_code), json_group_array(zone_id) FROM assignments WHERE plan_id = ?').raw().get(planId) as [string, string];
  const code = JSON.parse(codes) as string[];
  const zone = JSON.parse(zoneIds) as string[];
  const assignments = new Map<string, string>();
  for (let i = 0; i < code.length; i++) assignments.set(code[i]!, zone[i]!);
  return assignments;
}

export function readDemand(db: ProjectDb): DemandRow[] {
  return db.prepare('SELECT area_code AS areaCode, service, hours, people FROM demand').all() as DemandRow[];
}

export function readProviders(db: ProjectDb): Provider[] {
  const rows = db.prepare('SELECT id, name, cqc_id AS cqcId, lat, lon, status, services, start_date AS startDate, end_date AS endDate FROM providers ORDER BY id').all() as (Omit<Provider, 'services'> & { services: string })[];
  return rows.map((r) => ({ ...r, services: JSON.parse(r.services) as Provider['services'] }));
}

export function readSupply(db: ProjectDb): SupplyRow[] {
  return db
    .prepare(
      `SELECT provider_id AS providerId, area_code AS areaCode, service, committed_hours AS committedHours, additional_hours AS additionalHours,
              delivered_hours AS deliveredHours, people, basis FROM supply`,
    )
    .all() as SupplyRow[];
}

export function readLots(db: ProjectDb): Lot[] {
  const rows = db.prepare('SELECT service, name, funder, council_share AS councilShare FROM lots').all() as Lot[];
  // A lot missing from the table keeps its default terms.
  return DEFAULT_LOTS.map((lot) => rows.find((r) => r.service === lot.service) ?? lot);
}

/** The project's "as at" date: which providers are on the framework. Defaults to its data date, else today. */
export function readAsAt(db: ProjectDb): string {
  const meta = readMeta(db);
  return meta.as_at ?? meta.data_as_of ?? new Date().toISOString().slice(0, 10);
}

export function readBands(db: ProjectDb): RateBand[] {
  return db
    .prepare('SELECT id, name, hourly_rate AS hourlyRate, floor, ceiling, min_rural_share AS minRuralShare, chc_hourly_rate AS chcHourlyRate, live_in_weekly_rate AS liveInWeeklyRate FROM rate_bands ORDER BY min_rural_share, id')
    .all() as RateBand[];
}

export function readSettings(db: ProjectDb): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: keyof Settings; value: number }[];
  const settings = { ...DEFAULT_SETTINGS };
  for (const { key, value } of rows) if (key in settings) settings[key] = value;
  return settings;
}

export function readPlanInputs(db: ProjectDb, planId: number): PlanInputs {
  return {
    areas: readAreas(db),
    zones: readZones(db, planId),
    assignments: readAssignments(db, planId),
    demand: readDemand(db),
    providers: readProviders(db),
    supply: readSupply(db),
    bands: readBands(db),
    lots: readLots(db),
    settings: readSettings(db),
    asAt: readAsAt(db),
  };
}

export function writeSettings(db: ProjectDb, settings: Settings): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(settings)) upsert.run(key, value);
}

export function writeBands(db: ProjectDb, bands: readonly RateBand[]): void {
  const upsert = db.prepare(
    `INSERT INTO rate_bands (id, name, hourly_rate, floor, ceiling, min_rural_share, chc_hourly_rate, live_in_weekly_rate)
     VALUES (@id, @name, @hourlyRate, @floor, @ceiling, @minRuralShare, @chcHourlyRate, @liveInWeeklyRate)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, hourly_rate = excluded.hourly_rate, floor = excluded.floor, ceiling = excluded.ceiling,
       min_rural_share = excluded.min_rural_share, chc_hourly_rate = excluded.chc_hourly_rate, live_in_weekly_rate = excluded.live_in_weekly_rate`,
  );
  for (const band of bands) upsert.run(band);
}

export function insertAreas(db: ProjectDb, areas: readonly (Area & { geometry: AreaGeometry })[]): void {
  const insert = db.prepare('INSERT INTO areas (code, name, district, population, ruc, geometry) VALUES (?, ?, ?, ?, ?, ?)');
  for (const a of areas) insert.run(a.code, a.name, a.district, a.population, a.ruc, geometryBlob(a.geometry));
}

export function insertAreaNeighbours(db: ProjectDb, pairs: readonly (readonly [string, string])[]): void {
  const insert = areaNeighbourInsert(db);
  for (const [x, y] of pairs) insert(x, y);
}

/** Stores neighbour pairs one at a time (either way round), as an import finds them. */
export function areaNeighbourInsert(db: ProjectDb): (x: string, y: string) => void {
  const insert = db.prepare('INSERT OR IGNORE INTO area_neighbours (a, b) VALUES (?, ?)');
  return (x, y) => void insert.run(x < y ? x : y, x < y ? y : x);
}

export function insertZones(db: ProjectDb, planId: number, zones: readonly Zone[]): void {
  const insert = db.prepare('INSERT INTO zones (plan_id, id, name, colour, band_override) VALUES (?, ?, ?, ?, ?)');
  for (const z of zones) insert.run(planId, z.id, z.name, z.colour, z.bandOverride);
}

export function insertAssignments(db: ProjectDb, planId: number, assignments: Iterable<readonly [string, string]>): void {
  const insert = db.prepare('INSERT INTO assignments (plan_id, area_code, zone_id) VALUES (?, ?, ?)');
  for (const [area, zone] of assignments) insert.run(planId, area, zone);
}

export function insertDemand(db: ProjectDb, rows: readonly DemandRow[]): void {
  const insert = db.prepare('INSERT INTO demand (area_code, service, hours, people) VALUES (?, ?, ?, ?)');
  for (const r of rows) insert.run(r.areaCode, r.service, r.hours, r.people);
}

export function insertProviders(db: ProjectDb, providers: readonly (Provider & { isFictional?: boolean })[]): void {
  const insert = db.prepare('INSERT INTO providers (id, name, cqc_id, lat, lon, status, services, is_fictional, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const p of providers) insert.run(p.id, p.name, p.cqcId, p.lat, p.lon, p.status, JSON.stringify(p.services), p.isFictional ? 1 : 0, p.startDate, p.endDate);
}

/** Adds supply rows, or replaces the rows of the same provider, area and service. */
export function upsertSupply(db: ProjectDb, rows: readonly SupplyRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO supply (provider_id, area_code, service, committed_hours, additional_hours, delivered_hours, people, basis)
     VALUES (@providerId, @areaCode, @service, @committedHours, @additionalHours, @deliveredHours, @people, @basis)
     ON CONFLICT(provider_id, area_code, service) DO UPDATE SET committed_hours = excluded.committed_hours, additional_hours = excluded.additional_hours,
       delivered_hours = excluded.delivered_hours, people = excluded.people, basis = excluded.basis`,
  );
  for (const r of rows) upsert.run(r);
}

export function writeLots(db: ProjectDb, lots: readonly Lot[]): void {
  const upsert = db.prepare(
    `INSERT INTO lots (service, name, funder, council_share) VALUES (@service, @name, @funder, @councilShare)
     ON CONFLICT(service) DO UPDATE SET name = excluded.name, funder = excluded.funder, council_share = excluded.council_share`,
  );
  for (const lot of lots) upsert.run(lot);
}

export function insertDistricts(db: ProjectDb, districts: readonly { code: string; name: string }[]): void {
  const insert = db.prepare('INSERT INTO districts (code, name) VALUES (?, ?)');
  for (const d of districts) insert.run(d.code, d.name);
}

export interface Place {
  name: string;
  lat: number;
  lon: number;
}

export function readPlaces(db: ProjectDb): Place[] {
  return db.prepare('SELECT name, lat, lon FROM places ORDER BY name').all() as Place[];
}

export function insertPlaces(db: ProjectDb, places: readonly Place[]): void {
  const insert = db.prepare('INSERT INTO places (name, lat, lon) VALUES (?, ?, ?)');
  for (const p of places) insert.run(p.name, p.lat, p.lon);
}

export function readDistricts(db: ProjectDb): { code: string; name: string }[] {
  return db.prepare('SELECT code, name FROM districts ORDER BY name').all() as { code: string; name: string }[];
}
