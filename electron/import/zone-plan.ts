import { assignByOverlap } from '../../shared/import/overlay';
import type { ImportProblem } from '../../shared/import/problems';
import type { ImportRequest } from '../../shared/import/request';
import { ZONE_COLOURS } from '../../shared/style/zone-colours';
import type { ProjectDb } from '../store/db';
import { insertAssignments, insertZones, readAreaGeometries, readBands } from '../store/model-data';
import { insertPlan, listPlans, setCurrentPlan } from '../store/plans';
import type { CheckedFeature } from './boundary-check';
import type { Progress } from './progress';

// Loaded only when zones are imported (importer.ts): the overlay's geometry
// library (@turf/turf) is ≈ 10 MB resident, which an areas import, a table
// import and the thread that serves the map have no use for.

/** What importing checked areas or zones will do to the project, and the function that does it. */
export interface BoundaryPlan {
  added: number;
  updated: number;
  planName: string | null;
  notes: ImportProblem[];
  write(db: ProjectDb): void;
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
