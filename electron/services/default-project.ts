import fs from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Area, DemandRow, Lot, Provider, RateBand, Settings, ServiceType, SupplyBasis, SupplyRow, Zone } from '../../shared/domain/types';
import type { AreaGeometry } from '../../shared/geo/types';
import { APP_VERSION } from '../../shared/version';
import type { ProjectDb } from '../store/db';
import {
  insertAreaNeighbours,
  insertAreas,
  insertAssignments,
  insertDemand,
  insertDistricts,
  insertPlaces,
  insertProviders,
  insertZones,
  upsertSupply,
  writeBands,
  writeLots,
  writeSettings,
} from '../store/model-data';
import { insertPlan, setCurrentPlan } from '../store/plans';
import { addDataSource, writeMeta } from '../store/project-meta';
import { writeSnapshot } from '../store/snapshots';
import type { SnapshotRow } from '../../shared/time/trends';

/** The shape of data/default-project.json (written by data/build-default-project.mjs). */
export interface DefaultProjectFile {
  format: 'carecover-default-project';
  formatVersion: 3;
  name: string;
  isSample: boolean;
  dataAsOf: string;
  /** The project's "as at" date: which providers are on the framework. */
  asAt: string;
  sources: { name: string; attribution: string; licence: string | null; asOf: string | null }[];
  districts: { code: string; name: string }[];
  areas: Area[];
  topology: Topology<{ areas: GeometryCollection }>;
  neighbours: [string, string][];
  plan: {
    name: string;
    zones: Omit<Zone, 'bandOverride'>[];
    assignments: [string, string][];
  };
  /** provider id, area code, service, committed, additional and delivered hours a week, people, basis */
  supply: [string, string, ServiceType, number, number, number, number, SupplyBasis][];
  lots: Lot[];
  providers: (Omit<Provider, 'cqcId'> & { town: string })[];
  places: { name: string; lat: number; lon: number }[];
  /** area code, service, hours a week, people */
  demand: [string, ServiceType, number, number][];
  rateBands: RateBand[];
  settings: Settings;
  /** Modelled monthly returns, stored compactly (see data/build-default-project.mjs). */
  returns: SampleReturns;
}

export interface SampleReturns {
  months: string[];
  /** Demand in each month against the model's (October 2026 is 1). */
  demandGrowth: number[];
  /** Per provider and month: the share of its committed hours it holds, and of its offered hours that it has committed. */
  committedFactor: Record<string, number[]>;
  additionalFactor: Record<string, number[]>;
  /** Per month, each supply row's delivered hours (in the order of `supply`). */
  delivered: number[][];
  /** [month index, supply row index, packages handed back]. */
  handbacks: [number, number, number][];
}

/**
 * The sample's months as snapshot rows: each supply row's committed and
 * delivered hours that month, its hand-backs, and each area's demand (grown by
 * the month's factor) not in place as unsourced, with the people behind it.
 */
export function sampleSnapshots(project: DefaultProjectFile): { month: string; rows: SnapshotRow[] }[] {
  const r = project.returns;
  return r.months.map((month, m) => {
    const handedBack = new Map(r.handbacks.filter(([hm]) => hm === m).map(([, i, n]) => [i, n]));
    const placed = new Map<string, number>();
    const rows: SnapshotRow[] = project.supply.map(([providerId, areaCode, service, committed, additional], i) => {
      const delivered = r.delivered[m]![i]!;
      placed.set(`${areaCode}|${service}`, (placed.get(`${areaCode}|${service}`) ?? 0) + delivered);
      const held = committed * (r.committedFactor[providerId]?.[m] ?? 1) + additional * (r.additionalFactor[providerId]?.[m] ?? 0);
      return { providerId, areaCode, service, committed: held, delivered, unsourced: 0, waiting: 0, handbacks: handedBack.get(i) ?? 0 };
    });
    for (const [areaCode, service, hours, people] of project.demand) {
      const need = hours * r.demandGrowth[m]!;
      const unsourced = Math.max(0, need - (placed.get(`${areaCode}|${service}`) ?? 0));
      if (unsourced > 0) rows.push({ providerId: '', areaCode, service, committed: 0, delivered: 0, unsourced, waiting: hours > 0 ? (people * unsourced) / hours : 0, handbacks: 0 });
    }
    return { month, rows };
  });
}

/** data/ sits two folders above this module in the source tree and above dist/node in a build; a packaged app keeps it in its resources. */
export function defaultProjectPath(): string {
  const candidates = [
    process.env.CARECOVER_DATA_DIR,
    path.resolve(__dirname, '..', '..', 'data'),
    (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath && path.join((process as NodeJS.Process & { resourcesPath: string }).resourcesPath, 'data'),
  ].filter((dir): dir is string => Boolean(dir));
  for (const dir of candidates) {
    const file = path.join(dir, 'default-project.json');
    if (fs.existsSync(file)) return file;
  }
  throw new Error(`The embedded default project is missing (looked in ${candidates.join(', ')}).`);
}

export function loadDefaultProject(): DefaultProjectFile {
  const project = JSON.parse(fs.readFileSync(defaultProjectPath(), 'utf8')) as DefaultProjectFile;
  if (project.format !== 'carecover-default-project' || project.formatVersion !== 3) throw new Error('data/default-project.json is not a default project this version can read.');
  return project;
}

/** Decodes the shared-arc topology back into one GeoJSON geometry per area. */
export function areaGeometries(project: DefaultProjectFile): Map<string, AreaGeometry> {
  const collection = feature(project.topology, project.topology.objects.areas);
  return new Map(collection.features.map((f) => [String(f.id), f.geometry as AreaGeometry]));
}

/** Fills a new project with the Leicestershire sample (runs inside the creating transaction). */
export function writeDefaultProject(db: ProjectDb, name: string, project: DefaultProjectFile = loadDefaultProject()): void {
  writeMeta(db, {
    name,
    created_at: new Date().toISOString(),
    app_version: APP_VERSION,
    is_sample: project.isSample ? '1' : '0',
    data_as_of: project.dataAsOf,
    as_at: project.asAt,
  });
  for (const source of project.sources) addDataSource(db, source);
  insertDistricts(db, project.districts);
  const geometries = areaGeometries(project);
  insertAreas(
    db,
    project.areas.map((a) => {
      const geometry = geometries.get(a.code);
      if (!geometry) throw new Error(`default project: area ${a.code} has no geometry`);
      return { ...a, geometry };
    }),
  );
  insertAreaNeighbours(db, project.neighbours);
  insertPlaces(db, project.places);
  writeBands(db, project.rateBands);
  writeSettings(db, project.settings);
  writeLots(db, project.lots);
  insertProviders(db, project.providers.map(({ town: _town, ...p }) => ({ ...p, cqcId: null, isFictional: project.isSample })));
  insertDemand(db, project.demand.map(([areaCode, service, hours, people]): DemandRow => ({ areaCode, service, hours, people })));
  const planId = insertPlan(db, project.plan.name);
  insertZones(db, planId, project.plan.zones.map((z) => ({ ...z, bandOverride: null })));
  insertAssignments(db, planId, project.plan.assignments);
  upsertSupply(
    db,
    project.supply.map(
      ([providerId, areaCode, service, committedHours, additionalHours, deliveredHours, people, basis]): SupplyRow => ({ providerId, areaCode, service, committedHours, additionalHours, deliveredHours, people, basis }),
    ),
  );
  setCurrentPlan(db, planId);
  for (const { month, rows } of sampleSnapshots(project)) writeSnapshot(db, month, 'sample', null, rows);
}
