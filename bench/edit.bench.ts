import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../shared/api/dispatch';
import type { PlanDelta } from '../shared/api/contract';
import { createServices, type Services } from '../electron/services';
import { readEnglandAreas, sharedDataDir, writeEnglandProject } from './england';
import { report } from './harness';

/**
 * Median time of one paint as the app makes it: the request validated against
 * the contract, the edit written and journalled for undo, the delta built
 * (outlines, metrics, checks, history) and the answer validated on the way
 * out: from the API call to the delta in hand. The map, metrics and checks
 * are loaded first, as they are on screen before anyone paints.
 */
async function paintMedian(services: Services, runs = 301): Promise<{ ms: number; touched: number }> {
  const { handlers } = services;
  for (const [method, request] of [['getMapData', {}], ['getPlanMetrics', { lot: 'all' }], ['getPlanChecks', {}]] as const) {
    const answer = await dispatch(handlers, method, request);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  }
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of services.coverage.areaNeighbours()) {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
    (neighbours.get(b) ?? neighbours.set(b, []).get(b)!).push(a);
  }
  const zoneOf = new Map(services.coverage.inputs().assignments);
  const codes = [...zoneOf.keys()];
  let seed = 11;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const times: number[] = [];
  let touched = 0;
  if (neighbours.size === 0) throw new Error('The project stores no area neighbours, so no paint can be chosen.');
  while (times.length < runs) {
    const code = codes[Math.floor(random() * codes.length)]!;
    const to = (neighbours.get(code) ?? []).map((n) => zoneOf.get(n)).find((z) => z !== undefined && z !== zoneOf.get(code));
    if (!to) continue;
    const start = process.hrtime.bigint();
    const answer = await dispatch(handlers, 'assignAreas', { zoneId: to, areaCodes: [code] });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (!answer.ok) throw new Error(`assignAreas: ${answer.error.message}`);
    touched += (answer.value as PlanDelta).zones.length;
    zoneOf.set(code, to);
  }
  return { ms: times.sort((a, b) => a - b)[Math.floor(runs / 2)]!, touched: touched / runs };
}

export async function run(): Promise<void> {
  console.log('\nOne paint, end to end: the API call (checked both ways) to the delta in hand, edit saved with its undo');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-bench-edit-'));
  try {
    const county = createServices({ host: 'web', userData: work });
    county.session.create(path.join(work, 'county.carecover'), 'default');
    const c = await paintMedian(county);
    county.close();
    report(`default project: paint one area (median of 301, ${c.touched.toFixed(0)} zones touched each)`, c.ms, 1, null);

    const data = sharedDataDir();
    if (!data) return console.log('  England: skipped, ../shared/data is missing (set CARECOVER_SHARED_DATA)');
    const file = path.join(work, 'england.carecover');
    ((): void => writeEnglandProject(file, readEnglandAreas(data)))();
    const england = createServices({ host: 'web', userData: work });
    await england.session.open(file);
    const e = await paintMedian(england);
    england.close();
    report('England (32,844 areas by district, no supply): paint one area (median of 301)', e.ms, 5, null);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
