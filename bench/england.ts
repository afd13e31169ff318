import fs from 'node:fs';
import path from 'node:path';
import type { Area, Zone } from '../shared/domain/types';
import type { AreaGeometry } from '../shared/geo/types';
import { EdgeTopology } from '../shared/geo/borders';
import { storeTopology } from '../electron/store/area-cache';
import { createProjectDb } from '../electron/store/db';
import { insertAreaNeighbours, insertAreas, insertAssignments, insertDistricts, insertZones, writeBands, writeSettings } from '../electron/store/model-data';
import { insertPlan, setCurrentPlan } from '../electron/store/plans';
import { writeMeta } from '../electron/store/project-meta';
import { DEFAULT_SETTINGS } from '../shared/domain/types';

/** ../shared/data beside the checkout, or CARECOVER_SHARED_DATA; null when neither exists. */
export function sharedDataDir(): string | null {
  const dir = process.env.CARECOVER_SHARED_DATA ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'data');
  return fs.existsSync(path.join(dir, 'boundaries', 'england', 'lsoa11_by_lad')) ? dir : null;
}

export interface EnglandAreas {
  areas: (Area & { geometry: AreaGeometry })[];
  districts: string[];
  bytes: number;
}

/** All 32,844 English LSOAs from the 326 district files, each area's district its file name. */
export function readEnglandAreas(dataDir: string): EnglandAreas {
  const dir = path.join(dataDir, 'boundaries', 'england', 'lsoa11_by_lad');
  const areas: EnglandAreas['areas'] = [];
  const districts: string[] = [];
  let bytes = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.geojson')).sort()) {
    const district = path.basename(file, '.geojson');
    districts.push(district);
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    bytes += Buffer.byteLength(text);
    for (const f of JSON.parse(text).features as { properties: Record<string, string>; geometry: AreaGeometry }[]) {
      areas.push({ code: f.properties.LSOA11CD!, name: f.properties.LSOA11NM!, district, population: 1500, ruc: 'C1', geometry: f.geometry });
    }
  }
  return { areas, districts, bytes };
}

/** A project of every English LSOA, zoned by district, for the map benchmark. */
export function writeEnglandProject(file: string, england: EnglandAreas): void {
  const db = createProjectDb(file, { overwrite: true });
  try {
    db.transaction(() => {
      writeMeta(db, { name: 'England (benchmark)', created_at: new Date().toISOString(), is_sample: '1' });
      insertDistricts(db, england.districts.map((code) => ({ code, name: code })));
      insertAreas(db, england.areas);
      // As an import of these areas would: the topology is stored with them (shown separately by the import bench).
      const topology = new EdgeTopology(new Map(england.areas.map((a) => [a.code, a.geometry])));
      storeTopology(db, topology);
      insertAreaNeighbours(db, topology.neighbours());
      writeBands(db, [{ id: 'urban', name: 'Urban', hourlyRate: 24, floor: null, ceiling: null, minRuralShare: 0, chcHourlyRate: null, liveInWeeklyRate: 1100 }]);
      writeSettings(db, { ...DEFAULT_SETTINGS, budgetPerYear: 1e9 });
      const planId = insertPlan(db, 'Districts');
      const zones: Zone[] = england.districts.map((code, i) => ({ id: code, name: code, colour: `hsl(${(i * 37) % 360} 50% 60%)`, bandOverride: null }));
      insertZones(db, planId, zones);
      insertAssignments(db, planId, england.areas.map((a) => [a.code, a.district] as const));
      setCurrentPlan(db, planId);
    })();
  } finally {
    db.close();
  }
}
