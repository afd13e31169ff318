import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { computePlanMetrics } from '../shared/coverage/metrics';
import type { PlanInputs } from '../shared/domain/types';
import { createProjectDb } from '../electron/store/db';
import { writeDefaultProject } from '../electron/services/default-project';
import { readPlanInputs } from '../electron/store/model-data';
import { currentPlanId } from '../electron/store/plans';
import { medianMs, report } from './harness';
import { syntheticEngland } from './synthetic';

/** The least any metrics pass must do: touch every demand and supply row once. */
function baselinePass(inputs: PlanInputs): number {
  let total = 0;
  for (const row of inputs.demand) total += row.hours;
  for (const row of inputs.supply) total += row.committedHours;
  return total;
}

export function defaultInputs(): PlanInputs {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-bench-'));
  const db = createProjectDb(path.join(dir, 'bench.carecover'));
  try {
    db.transaction(() => writeDefaultProject(db, 'Bench'))();
    return readPlanInputs(db, currentPlanId(db)!);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function run(): void {
  console.log('\nCoverage metrics (all zones, flags, bands, costs, totals); median of 21 runs');
  const county = defaultInputs();
  const countyBaseline = medianMs(() => baselinePass(county), 51);
  report(`default project (${county.areas.length} areas, ${county.zones.length} zones)`, medianMs(() => computePlanMetrics(county), 51), 5, countyBaseline, 'one pass over the rows');
  const england = syntheticEngland();
  const englandBaseline = medianMs(() => baselinePass(england));
  report(
    `England-scale synthetic (${england.areas.length} areas, ${england.zones.length} zones, ${england.providers.length} providers, ${england.supply.length.toLocaleString('en-GB')} provider-area supply rows)`,
    medianMs(() => computePlanMetrics(england)),
    50,
    englandBaseline,
    'one pass over the rows',
  );
}
