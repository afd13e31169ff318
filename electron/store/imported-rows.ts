import type { Area, DemandRow, Provider } from '../../shared/domain/types';
import type { AreaGeometry } from '../../shared/geo/types';
import type { DeliveryRecord, LookupRecord } from '../../shared/import/table-rows';
import type { ProjectDb } from './db';
import { geometryBlob, geometryOfBlob } from './geometry-column';

/**
 * What an import writes, each call inside the import's one transaction. An
 * import replaces what it names and leaves the rest: these are upserts, not
 * the inserts a new project is built with (model-data.ts).
 */

/** Providers from a council's sheet: real providers, so never marked fictional. */
export function upsertProviders(db: ProjectDb, providers: readonly Provider[]): void {
  const upsert = db.prepare(
    `INSERT INTO providers (id, name, cqc_id, lat, lon, status, services, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, cqc_id = excluded.cqc_id, lat = excluded.lat, lon = excluded.lon, status = excluded.status,
       services = excluded.services, start_date = excluded.start_date, end_date = excluded.end_date, is_fictional = 0`,
  );
  for (const p of providers) upsert.run(p.id, p.name, p.cqcId, p.lat, p.lon, p.status, JSON.stringify(p.services), p.startDate, p.endDate);
}

/**
 * Care in place lands as recorded. Committed hours are the contract's and stay; care in an
 * area where the provider holds no contract is committed to as far as it is delivered.
 */
export function upsertDelivery(db: ProjectDb, records: readonly DeliveryRecord[]): void {
  const upsert = db.prepare(
    `INSERT INTO supply (provider_id, area_code, service, committed_hours, additional_hours, delivered_hours, people, basis) VALUES (?, ?, ?, ?, 0, ?, ?, 'recorded')
     ON CONFLICT(provider_id, area_code, service) DO UPDATE SET delivered_hours = excluded.delivered_hours, people = excluded.people, basis = 'recorded'`,
  );
  for (const r of records) upsert.run(r.providerId, r.areaCode, r.service, r.deliveredHours, r.deliveredHours, r.people);
}

/** Population and rural-urban class per area; a column the file did not have (null) is left as it was. */
export function updateAreaLookups(db: ProjectDb, records: readonly LookupRecord[]): void {
  const population = db.prepare('UPDATE areas SET population = ? WHERE code = ?');
  const ruc = db.prepare('UPDATE areas SET ruc = ? WHERE code = ?');
  for (const r of records) {
    if (r.population !== null) population.run(Math.round(r.population), r.areaCode);
    if (r.ruc !== null) ruc.run(r.ruc, r.areaCode);
  }
}

export function upsertDemand(db: ProjectDb, rows: readonly DemandRow[]): void {
  const upsert = db.prepare(
    `INSERT INTO demand (area_code, service, hours, people) VALUES (?, ?, ?, ?)
     ON CONFLICT(area_code, service) DO UPDATE SET hours = excluded.hours, people = excluded.people`,
  );
  for (const r of rows) upsert.run(r.areaCode, r.service, r.hours, r.people);
}

/** Adds or replaces one area at a time (an import writes each as it is read). */
export function areaUpsert(db: ProjectDb): (area: Area, geometry: AreaGeometry | Float64Array) => void {
  const upsert = db.prepare(
    `INSERT INTO areas (code, name, district, population, ruc, geometry) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(code) DO UPDATE SET name = excluded.name, district = excluded.district, population = excluded.population, ruc = excluded.ruc, geometry = excluded.geometry`,
  );
  return (a, geometry) => upsert.run(a.code, a.name, a.district, a.population, a.ruc, geometryBlob(geometry));
}

/** Districts the areas name, recorded by code when they are new. */
export function insertDistricts(db: ProjectDb, codes: Iterable<string>): void {
  const district = db.prepare('INSERT OR IGNORE INTO districts (code, name) VALUES (?, ?)');
  for (const code of codes) district.run(code, code);
}

/** The stored geometries of every area not in `known` (whose parsed geometry the caller already holds). */
export function readOtherAreaGeometries(db: ProjectDb, known: { has(code: string): boolean }): Map<string, AreaGeometry> {
  // Codes first (from the areas' summary index): the known areas' boundaries are never read back.
  const codes = (db.prepare('SELECT code FROM areas').pluck().all() as string[]).filter((code) => !known.has(code));
  const geometry = db.prepare('SELECT geometry FROM areas WHERE code = ?').pluck();
  return new Map(codes.map((code) => [code, geometryOfBlob(geometry.get(code) as Buffer, code)]));
}

/** Forgets every border between areas: they are found again over all areas after an import. */
export function clearAreaNeighbours(db: ProjectDb): void {
  db.prepare('DELETE FROM area_neighbours').run();
}
