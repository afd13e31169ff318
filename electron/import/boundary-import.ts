import { EdgeTopologyBuilder } from '../../shared/geo/borders';
import type { Area } from '../../shared/domain/types';
import { assignByOverlap } from '../../shared/import/overlay';
import type { ImportProblem } from '../../shared/import/problems';
import type { ImportRequest } from '../../shared/import/request';
import { ZONE_COLOURS } from '../../shared/style/zone-colours';
import type { ProjectDb } from '../store/db';
import { storeTopology } from '../store/area-cache';
import { insertAreaNeighbours, insertAssignments, insertZones, readAreaGeometries, readBands } from '../store/model-data';
import { areaUpsert, clearAreaNeighbours, insertDistricts, readOtherAreaGeometries } from '../store/imported-rows';
import { insertPlan, listPlans, setCurrentPlan } from '../store/plans';
import type { AreaRecord, CheckedFeature } from './boundary-check';
import type { Progress } from './progress';

/** What importing checked areas or zones will do to the project, and the function that does it. */
export interface BoundaryPlan {
  added: number;
  updated: number;
  planName: string | null;
  notes: ImportProblem[];
  write(db: ProjectDb): void;
}

/** An area's row as an import writes it: what the file says, else what the project already had. */
function areaRow(r: AreaRecord, before: Area | undefined): Area {
  return {
    code: r.id,
    name: r.name,
    district: r.fields.district ?? before?.district ?? '',
    population: r.fields.population ?? before?.population ?? 0,
    ruc: r.fields.ruc ?? before?.ruc ?? '',
  };
}

/**
 * Writes checked areas as they come (inside the import's transaction) and
 * matches their borders at the same time, so no feature is kept once it has
 * been written. `finish` adds the project's other areas and stores borders,
 * neighbours and districts.
 */
export class AreaWriter {
  private readonly upsert: (area: Area, geometry: Float64Array) => void;
  private readonly borders: EdgeTopologyBuilder;
  private readonly codes = new Set<string>();
  private readonly districts = new Set<string>();

  /** `expectedPositions`: about how many positions the file holds (each border's are in two areas, so half as many vertices). */
  constructor(
    private readonly target: ProjectDb,
    private readonly existing: ReadonlyMap<string, Area>,
    expectedPositions = 0,
  ) {
    this.upsert = areaUpsert(target);
    this.borders = new EdgeTopologyBuilder(undefined, Math.max(1 << 15, Math.ceil(expectedPositions / 2)));
  }

  add(r: AreaRecord): void {
    const row = areaRow(r, this.existing.get(r.id));
    this.upsert(row, r.geometry);
    this.borders.addPacked(r.id, r.geometry);
    this.codes.add(r.id);
    if (row.district) this.districts.add(row.district);
  }

  finish(progress: Progress): void {
    insertDistricts(this.target, this.districts);
    // Borders are found over every area: a new area may border old ones.
    progress.report('Finding shared borders', null);
    for (const [code, geometry] of readOtherAreaGeometries(this.target, this.codes)) this.borders.add(code, geometry);
    const topology = this.borders.build();
    clearAreaNeighbours(this.target);
    insertAreaNeighbours(this.target, topology.neighbours());
    // Kept with the project: the map draws from it without matching borders again.
    storeTopology(this.target, topology);
  }
}

/** What importing checked zones will do: a new plan, with each area in the zone covering most of it. */
export function planZones(db: ProjectDb, features: CheckedFeature[], request: ImportRequest, fileStem: string, progress: Progress): BoundaryPlan {
  const areas = readAreaGeometries(db);
  progress.report('Placing areas in zones', null);
  const overlay = assignByOverlap(areas, features.map((f) => ({ id: f.id, geometry: f.geometry })));
  const notes: ImportProblem[] = [
    ...overlay.ambiguous.map((a) => ({ severity: 'warning' as const, where: `area ${a.area}`, problem: `no zone covers more than half of it; put in zone ${a.zone}, which covers ${Math.round(a.share * 100)}%` })),
    ...overlay.outside.map((code) => ({ severity: 'warning' as const, where: `area ${code}`, problem: 'lies outside every zone; left without a zone' })),
  ];
  const empty = features.filter((f) => ![...overlay.assignments.values()].includes(f.id));
  for (const f of empty) notes.push({ severity: 'warning', where: `zone ${f.id}`, problem: 'covers no area by more than any other zone; it is created with no areas' });
  // A rate band property on the zones (band, rate_band, band_id): each zone is priced in it whatever its rural share.
  const bands = readBands(db);
  const bandKey = Object.keys(features[0]?.properties ?? {}).find((k) => /^(rate_?)?band(_?id)?$/i.test(k.trim()));
  const bandOf = new Map<string, string>();
  if (bandKey) {
    for (const f of features) {
      const value = String(f.properties[bandKey] ?? '').trim();
      if (!value) continue;
      const band = bands.find((b) => b.id.toLowerCase() === value.toLowerCase() || b.name.toLowerCase() === value.toLowerCase());
      if (band) bandOf.set(f.id, band.id);
      else notes.push({ severity: 'warning', where: `zone ${f.id}`, problem: `its ${bandKey} "${value}" is not one of the project's rate bands (${bands.map((b) => b.name).join(', ')}); it is priced from its rural share` });
    }
    if (bandOf.size) notes.push({ severity: 'warning', where: 'file', problem: `${bandOf.size} zone${bandOf.size === 1 ? ' is' : 's are'} put in the rate band the "${bandKey}" property names, whatever ${bandOf.size === 1 ? 'its' : 'their'} rural share` });
  }
  const taken = new Set(listPlans(db).map((p) => p.name.toLowerCase()));
  const wanted = request.plan ?? fileStem;
  let planName = wanted;
  for (let n = 2; taken.has(planName.toLowerCase()); n++) planName = `${wanted} (${n})`;
  return {
    added: features.length,
    updated: 0,
    planName,
    notes,
    write(target) {
      const planId = insertPlan(target, planName);
      insertZones(target, planId, features.map((f, i) => ({ id: f.id, name: f.name, colour: ZONE_COLOURS[i % ZONE_COLOURS.length]!, bandOverride: bandOf.get(f.id) ?? null })));
      insertAssignments(target, planId, overlay.assignments);
      setCurrentPlan(target, planId);
    },
  };
}
