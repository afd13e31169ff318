import { TABLE_FIELDS, guessMapping, type ColumnMapping, type TableKind } from '../../shared/import/kinds';
import { checkTable, type TableCheck, type TableContext } from '../../shared/import/table-rows';
import type { ProjectDb } from '../store/db';
import { readMapping } from '../store/imports';
import { readAreas, readAssignments, readBands, readCapacity, readDemand, readProviders, readZones, writeBands } from '../store/model-data';
import { resolvePlan } from '../store/plans';
import { BNG, toWgs84 } from './crs';
import type { TableSource } from './table-file';

export interface TablePlan {
  mapping: ColumnMapping;
  check: TableCheck;
  planName: string | null;
  write(db: ProjectDb): void;
}

/** Checks a table against the project and returns what importing it will write. */
export function planTable(kind: TableKind, db: ProjectDb, source: TableSource, requested: ColumnMapping | undefined, planName: string | undefined): TablePlan {
  const mapping = requested ? { ...Object.fromEntries(TABLE_FIELDS[kind].map((f) => [f.key, null])), ...requested } : guessMapping(kind, source.headers, readMapping(db, kind));
  const plan = (() => {
    try {
      return resolvePlan(db, planName);
    } catch (error) {
      if (planName !== undefined) throw error;
      return null; // no plan yet: zone references will all be reported as unknown
    }
  })();
  const areas = readAreas(db);
  const population = new Map(areas.map((a) => [a.code, a.population]));
  const zoneAreas = new Map<string, { code: string; population: number }[]>();
  if (plan) {
    for (const [area, zone] of readAssignments(db, plan.id)) {
      const list = zoneAreas.get(zone) ?? [];
      list.push({ code: area, population: population.get(area) ?? 0 });
      zoneAreas.set(zone, list);
    }
  }
  const bng = toWgs84(BNG);
  const context: TableContext = {
    providers: new Set(readProviders(db).map((p) => p.id)),
    zones: new Set(plan ? readZones(db, plan.id).map((z) => z.id) : []),
    areas: new Set(population.keys()),
    zoneAreas,
    bands: new Map(readBands(db).map((b) => [b.id, b])),
    capacityKeys: new Set(plan ? readCapacity(db, plan.id).map((r) => `${r.providerId}\u0000${r.zoneId}`) : []),
    demandKeys: new Set(readDemand(db).map((r) => `${r.areaCode}\u0000${r.service}`)),
    fromBng: (e, n) => bng([e, n]) as [number, number],
  };
  const check = checkTable(kind, source.headers, source.rows, mapping, context, source.decimalComma);
  return {
    mapping,
    check,
    planName: kind === 'capacity' || (kind === 'demand' && mapping.zone) ? (plan?.name ?? null) : null,
    write(target) {
      const { records } = check;
      if (records.kind === 'providers') {
        const upsert = target.prepare(
          `INSERT INTO providers (id, name, cqc_id, lat, lon, status, services) VALUES (?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET name = excluded.name, cqc_id = excluded.cqc_id, lat = excluded.lat, lon = excluded.lon, status = excluded.status, services = excluded.services, is_fictional = 0`,
        );
        for (const p of records.records) upsert.run(p.id, p.name, p.cqcId, p.lat, p.lon, p.status, JSON.stringify(p.services));
      } else if (records.kind === 'capacity') {
        const upsert = target.prepare(
          `INSERT INTO capacity (plan_id, provider_id, zone_id, contracted_hours, additional_hours) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(plan_id, provider_id, zone_id) DO UPDATE SET contracted_hours = excluded.contracted_hours, additional_hours = excluded.additional_hours`,
        );
        for (const r of records.records) upsert.run(plan!.id, r.providerId, r.zoneId, r.contractedHours, r.additionalHours);
      } else if (records.kind === 'demand') {
        const upsert = target.prepare(
          `INSERT INTO demand (area_code, service, hours, packages) VALUES (?, ?, ?, ?)
           ON CONFLICT(area_code, service) DO UPDATE SET hours = excluded.hours, packages = excluded.packages`,
        );
        for (const r of records.records) upsert.run(r.areaCode, r.service, r.hours, r.packages);
      } else {
        writeBands(target, records.records);
      }
    },
  };
}
