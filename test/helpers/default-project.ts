import path from 'node:path';
import type { PlanInputs } from '../../shared/domain/types';
import type { AreaReach } from '../../shared/coverage/withdrawal';
import { areaCentres } from '../../shared/geo/area-centres';
import { buildZoneGeography, type ZoneGeography } from '../../shared/geo/zone-geography';
import { createProjectDb } from '../../electron/store/db';
import { writeDefaultProject } from '../../electron/services/default-project';
import { readAreaGeometries, readAreaNeighbours, readPlanInputs } from '../../electron/store/model-data';
import { currentPlanId } from '../../electron/store/plans';
import { tempDir } from './temp';
import { neighbourLists } from '../../shared/geo/area-neighbours';

/** The embedded default project, written to a fresh project file and read back as model inputs. */
export function defaultProjectInputs(): { inputs: PlanInputs; geography: ZoneGeography; reach: AreaReach; file: string } {
  const file = path.join(tempDir(), 'default.carecover');
  const db = createProjectDb(file);
  try {
    db.transaction(() => writeDefaultProject(db, 'Default'))();
    const inputs = readPlanInputs(db, currentPlanId(db)!);
    const geometries = readAreaGeometries(db);
    const pairs = readAreaNeighbours(db);
    const geography = buildZoneGeography({ areaGeometries: geometries, areaNeighbours: pairs, assignments: inputs.assignments, providers: inputs.providers });
    return { inputs, geography, reach: { neighbours: neighbourLists(pairs), centres: areaCentres(geometries) }, file };
  } finally {
    db.close();
  }
}
