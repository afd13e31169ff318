import path from 'node:path';
import type { PlanInputs } from '../../shared/domain/types';
import { buildZoneGeography, type ZoneGeography } from '../../shared/geo/zone-geography';
import { createProjectDb } from '../../electron/store/db';
import { writeDefaultProject } from '../../electron/services/default-project';
import { readAreaGeometries, readAreaNeighbours, readPlanInputs } from '../../electron/store/model-data';
import { currentPlanId } from '../../electron/store/plans';
import { tempDir } from './temp';

/** The embedded default project, written to a fresh project file and read back as model inputs. */
export function defaultProjectInputs(): { inputs: PlanInputs; geography: ZoneGeography; file: string } {
  const file = path.join(tempDir(), 'default.carecover');
  const db = createProjectDb(file);
  try {
    db.transaction(() => writeDefaultProject(db, 'Default'))();
    const inputs = readPlanInputs(db, currentPlanId(db)!);
    const geography = buildZoneGeography({
      areaGeometries: readAreaGeometries(db),
      areaNeighbours: readAreaNeighbours(db),
      assignments: inputs.assignments,
      providers: inputs.providers,
    });
    return { inputs, geography, file };
  } finally {
    db.close();
  }
}
