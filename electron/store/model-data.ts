import type { CapacityRow, DemandRow, PlanInputs, Provider, RateBand, Settings, Zone } from '../../shared/domain/types';
import { DEFAULT_SETTINGS } from '../../shared/domain/types';
import type { AreaGeometry } from '../../shared/geo/types';
import type { Area } from '../../shared/domain/types';
import type { ProjectDb } from './db';

// Reading and writing the coverage model's tables. Every writer expects to run
// inside the caller's transaction, so an import or a template lands whole.

export function readAreas(db: ProjectDb): Area[] {
  return db.prepare('SELECT code, name, district, population, ruc FROM areas ORDER BY code').all() as Area[];
}

export function readAreaGeometries(db: ProjectDb): Map<string, AreaGeometry> {
  const rows = db.prepare('SELECT code, geometry FROM areas').all() as { code: string; geometry: string }[];
  return new Map(rows.map((r) => [r.code, JSON.parse(r.geometry) as AreaGeometry]));
}

export function readAreaNeighbours(db: ProjectDb): [string, string][] {
  return (db.prepare('SELECT a, b FROM area_neighbours').raw().all() as [string, string][]);
}

export function readZones(db: ProjectDb, planId: number): Zone[] {
  return db.prepare('SELECT id, name, colour, band_override AS bandOverride FROM zones WHERE plan_id = ? ORDER BY id').all(planId) as Zone[];
}

export function readAssignments(db: ProjectDb, planId: number): Map<string, string> {
  return new Map(db.prepare('SELECT area_code, zone_id FROM assignments WHERE plan_id = ?').raw().all(planId) as [string, string][]);
}

export function readDemand(db: ProjectDb): DemandRow[] {
  return db.prepare('SELECT area_code AS areaCode, service, hours, packages FROM demand').all() as DemandRow[];
}

export function readProviders(db: ProjectDb): Provider[] {
  const rows = db.prepare('SELECT id, name, cqc_id AS cqcId, lat, lon, status, services FROM providers ORDER BY id').all() as (Omit<Provider, 'services'> & { services: string })[];
  return rows.map((r) => ({ ...r, services: JSON.parse(r.services) as Provider['services'] }));
}

export function readCapacity(db: ProjectDb, planId: number): CapacityRow[] {
  return db
    .prepare('SELECT provider_id AS providerId, zone_id AS zoneId, contracted_hours AS contractedHours, additional_hours AS additionalHours FROM capacity WHERE plan_id = ?')
    .all(planId) as CapacityRow[];
}

export function readBands(db: ProjectDb): RateBand[] {
  return db
    .prepare('SELECT id, name, hourly_rate AS hourlyRate, floor, ceiling, min_rural_share AS minRuralShare FROM rate_bands ORDER BY min_rural_share, id')
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
    capacity: readCapacity(db, planId),
    bands: readBands(db),
    settings: readSettings(db),
  };
}

export function writeSettings(db: ProjectDb, settings: Settings): void {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(settings)) upsert.run(key, value);
}

export function writeBands(db: ProjectDb, bands: readonly RateBand[]): void {
  const upsert = db.prepare(
    `INSERT INTO rate_bands (id, name, hourly_rate, floor, ceiling, min_rural_share) VALUES (@id, @name, @hourlyRate, @floor, @ceiling, @minRuralShare)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, hourly_rate = excluded.hourly_rate, floor = excluded.floor, ceiling = excluded.ceiling, min_rural_share = excluded.min_rural_share`,
  );
  for (const band of bands) upsert.run(band);
}

export function insertAreas(db: ProjectDb, areas: readonly (Area & { geometry: AreaGeometry })[]): void {
  const insert = db.prepare('INSERT INTO areas (code, name, district, population, ruc, geometry) VALUES (?, ?, ?, ?, ?, ?)');
  for (const a of areas) insert.run(a.code, a.name, a.district, a.population, a.ruc, JSON.stringify(a.geometry));
}

export function insertAreaNeighbours(db: ProjectDb, pairs: readonly (readonly [string, string])[]): void {
  const insert = db.prepare('INSERT OR IGNORE INTO area_neighbours (a, b) VALUES (?, ?)');
  for (const [x, y] of pairs) insert.run(x < y ? x : y, x < y ? y : x);
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
  const insert = db.prepare('INSERT INTO demand (area_code, service, hours, packages) VALUES (?, ?, ?, ?)');
  for (const r of rows) insert.run(r.areaCode, r.service, r.hours, r.packages);
}

export function insertProviders(db: ProjectDb, providers: readonly (Provider & { isFictional?: boolean })[]): void {
  const insert = db.prepare('INSERT INTO providers (id, name, cqc_id, lat, lon, status, services, is_fictional) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const p of providers) insert.run(p.id, p.name, p.cqcId, p.lat, p.lon, p.status, JSON.stringify(p.services), p.isFictional ? 1 : 0);
}

export function insertCapacity(db: ProjectDb, planId: number, rows: readonly CapacityRow[]): void {
  const insert = db.prepare('INSERT INTO capacity (plan_id, provider_id, zone_id, contracted_hours, additional_hours) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(planId, r.providerId, r.zoneId, r.contractedHours, r.additionalHours);
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
