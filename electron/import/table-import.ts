import { TABLE_FIELDS, guessMapping, type ColumnMapping, type TableKind } from '../../shared/import/kinds';
import { checkTable, type TableCheck, type TableContext } from '../../shared/import/table-rows';
import type { ProjectDb } from '../store/db';
import { readMapping } from '../store/imports';
import { groupBy } from '../../shared/group';
import { readAreas, readAssignments, readBands, readDemand, readProviders, readSupply, readZones, writeBands } from '../store/model-data';
import { resolvePlan } from '../store/plans';
import { writeContracts } from '../store/contracts';
import { listSnapshots, writeSnapshot } from '../store/snapshots';
import { updateAreaLookups, upsertDelivery, upsertDemand, upsertProviders } from '../store/imported-rows';
import { BNG, toWgs84 } from './crs';
import type { TableSource } from './table-file';

export interface TablePlan {
  mapping: ColumnMapping;
  check: TableCheck;
  planName: string | null;
  write(db: ProjectDb): void;
}

/** Checks a table against the project and returns what importing it will write. */
/** What a snapshot keeps of its source: the file's name and SHA-256, and the month of a file without a month column. */
export interface TableFileMeta {
  fileName: string;
  sha256: string;
  month?: string;
}

export function planTable(kind: TableKind, db: ProjectDb, source: TableSource, requested: ColumnMapping | undefined, planName: string | undefined, meta?: TableFileMeta): TablePlan {
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
  const zoneOf = plan ? readAssignments(db, plan.id) : new Map<string, string>();
  const zoneAreas = new Map(
    [...groupBy(zoneOf, ([, zone]) => zone)].map(([zone, pairs]) => [zone, pairs.map(([code]) => ({ code, population: population.get(code) ?? 0 }))]),
  );
  // Supply is read once for both kinds of "already held": contracts per zone, delivery per area.
  const supply = kind === 'capacity' || kind === 'delivery' ? readSupply(db) : [];
  const bng = toWgs84(BNG);
  const context: TableContext = {
    providers: new Set(readProviders(db).map((p) => p.id)),
    zones: new Set(plan ? readZones(db, plan.id).map((z) => z.id) : []),
    areas: new Set(population.keys()),
    zoneAreas,
    bands: new Map(readBands(db).map((b) => [b.id, b])),
    capacityKeys: new Set(supply.filter((r) => r.committedHours > 0 && zoneOf.has(r.areaCode)).map((r) => `${r.providerId}\u0000${zoneOf.get(r.areaCode)}`)),
    deliveryKeys: new Set(supply.filter((r) => r.deliveredHours > 0).map((r) => `${r.providerId}\u0000${r.areaCode}\u0000${r.service}`)),
    demandKeys: new Set(readDemand(db).map((r) => `${r.areaCode}\u0000${r.service}`)),
    fromBng: (e, n) => bng([e, n]) as [number, number],
    month: meta?.month ?? null,
    months: new Set(kind === 'returns' ? listSnapshots(db).map((s) => s.month) : []),
  };
  const check = checkTable(kind, source.headers, source.rows, mapping, context, source.decimalComma);
  return {
    mapping,
    check,
    planName: kind === 'capacity' || (kind === 'providers' && mapping.zone) || ((kind === 'demand' || kind === 'returns') && mapping.zone) ? (plan?.name ?? null) : null,
    write(target) {
      const { records } = check;
      if (records.kind === 'providers') {
        upsertProviders(target, records.records);
        // A zone and hours on the providers' rows: their contracts, in the same transaction.
        if (records.contracts.length) writeContracts(target, plan!.id, records.contracts);
      } else if (records.kind === 'capacity') {
        writeContracts(target, plan!.id, records.records);
      } else if (records.kind === 'delivery') {
        upsertDelivery(target, records.records);
      } else if (records.kind === 'lookup') {
        updateAreaLookups(target, records.records);
      } else if (records.kind === 'demand') {
        upsertDemand(target, records.records);
      } else if (records.kind === 'returns') {
        // Each month in the file replaces that month's snapshot whole: a return sent again is the newer one.
        for (const [month, rows] of groupBy(records.records, (r) => r.month)) {
          writeSnapshot(target, month, 'returns', meta ? { fileName: meta.fileName, sha256: meta.sha256 } : null, rows.map(({ month: _month, ...row }) => row));
        }
      } else {
        writeBands(target, records.records);
      }
    },
  };
}

