import path from 'node:path';
import type { PlanInputs, SupplyRow } from '../shared/domain/types';
import { EdgeTopology } from '../shared/geo/borders';
import { areaCentres } from '../shared/geo/area-centres';
import { buildInstance, type Instance } from '../shared/optimise/instance';
import { bridgeIslands } from '../shared/optimise/islands';
import { brokenZones } from '../shared/optimise/contiguity';
import { propose } from '../shared/optimise/search';
import { seededRandom } from '../shared/optimise/random';
import { createProjectDb } from '../electron/store/db';
import { writeDefaultProject } from '../electron/services/default-project';
import { readAreaNeighbours, readPlanInputs } from '../electron/store/model-data';
import { currentPlanId } from '../electron/store/plans';
import { readEnglandAreas, sharedDataDir } from './england';
import { syntheticEngland } from './synthetic';
import { runExact } from './optimise-exact';
import os from 'node:os';
import fs from 'node:fs';

/** The embedded sample project's current plan as an optimiser instance (396 areas, 14 zones). */
export function sampleInstance(): { instance: Instance; districtOf: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-bench-'));
  const db = createProjectDb(path.join(dir, 'sample.carecover'));
  try {
    db.transaction(() => writeDefaultProject(db, 'Sample'))();
    const inputs = readPlanInputs(db, currentPlanId(db)!);
    return { instance: buildInstance(inputs, readAreaNeighbours(db)), districtOf: inputs.areas.map((a) => a.district) };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * England at LSOA grain: the real 32,844 areas and their borders when
 * ../shared/data is there (districts as the starting zones, merged to 300 by
 * the seed plan), else a 204 × 161 grid of as many areas in 300 blocks. The
 * supply is synthetic, England-sized as in bench/synthetic.ts: 3,000
 * providers, each working about 33 areas around its base.
 */
function englandInstance(): { instance: Instance; source: string } {
  const base = syntheticEngland();
  const dataDir = sharedDataDir();
  let codes: string[];
  let pairs: [string, string][];
  let zoneOf: string[];
  let source: string;
  if (dataDir) {
    const england = readEnglandAreas(dataDir);
    const geometries = new Map(england.areas.map((a) => [a.code, a.geometry]));
    codes = england.areas.map((a) => a.code);
    pairs = new EdgeTopology(geometries).neighbours();
    pairs.push(...bridgeIslands(codes, pairs, () => areaCentres(geometries)));
    zoneOf = england.areas.map((a) => a.district);
    source = `the real LSOAs and borders from ${dataDir}, starting from the ${england.districts.length} districts`;
  } else {
    const [rows, cols] = [204, 161];
    codes = Array.from({ length: rows * cols }, (_, i) => `G${i}`);
    pairs = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (c + 1 < cols) pairs.push([`G${r * cols + c}`, `G${r * cols + c + 1}`]);
        if (r + 1 < rows) pairs.push([`G${r * cols + c}`, `G${(r + 1) * cols + c}`]);
      }
    }
    zoneOf = codes.map((_, i) => `B${Math.floor(Math.floor(i / cols) / 14) * 20 + Math.floor((i % cols) / 8.05)}`);
    source = 'a 204 × 161 grid (../shared/data is missing: see its README), starting from 300 blocks';
  }
  const random = seededRandom(7);
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of pairs) {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
    (neighbours.get(b) ?? neighbours.set(b, []).get(b)!).push(a);
  }
  const areas = codes.map((code, i) => ({ ...base.areas[i % base.areas.length]!, code }));
  const zoneIds = [...new Set(zoneOf)];
  // Each provider works the ~33 areas nearest its base, walking borders outwards.
  const supply: SupplyRow[] = [];
  base.providers.forEach((p) => {
    const seen = new Set([codes[Math.floor(random() * codes.length)]!]);
    const queue = [...seen];
    while (queue.length && seen.size < 33) for (const b of neighbours.get(queue.shift()!) ?? []) if (seen.size < 33 && !seen.has(b)) seen.add(b), queue.push(b);
    for (const code of seen) {
      const committed = random() * 15;
      supply.push({ providerId: p.id, areaCode: code, service: 'home-care', committedHours: committed, additionalHours: 0, deliveredHours: committed * 0.9, people: 1, basis: 'estimated' });
    }
  });
  const inputs: PlanInputs = {
    ...base,
    areas,
    zones: zoneIds.map((id) => ({ id, name: id, colour: '#888888', bandOverride: null })),
    assignments: new Map(codes.map((c, i) => [c, zoneOf[i]!])),
    demand: codes.flatMap((code, i) => base.demand.slice((i % base.areas.length) * 3, (i % base.areas.length) * 3 + 3).map((d) => ({ ...d, areaCode: code }))),
    supply,
  };
  return { instance: buildInstance(inputs, pairs), source };
}

function line(name: string, seconds: number, target: number, result: ReturnType<typeof propose>, extra = ''): void {
  const verdict = seconds <= target ? `target < ${target} s: met` : `target < ${target} s: MISSED`;
  console.log(
    `${name.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  objective ${result.before.objective.toFixed(3)} → ${result.after.objective.toFixed(3)}` +
      `  short ${Math.round(result.before.shortfallHours)} → ${Math.round(result.after.shortfallHours)} h  fragile ${result.before.fragileZones} → ${result.after.fragileZones}` +
      `  moved ${result.after.areasMoved}  (${verdict})${extra}`,
  );
}

function timed(instance: Instance, options: Parameters<typeof propose>[1]): { seconds: number; result: ReturnType<typeof propose> } {
  const start = process.hrtime.bigint();
  const result = propose(instance, options);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (brokenZones(instance, result.zoneOf, result.seed.zoneCount).length) throw new Error('A proposal broke a zone into pieces.');
  return { seconds, result };
}

export async function run(): Promise<void> {
  if (process.env.CARECOVER_BENCH_EXACT_ONLY) {
    const { instance, districtOf } = sampleInstance();
    return runExact(instance, districtOf);
  }
  console.log('\nZone proposal (simulated annealing with merge-and-split), default weights, seed 1, normal effort');
  const { instance: sample, districtOf } = sampleInstance();
  const s = timed(sample, { seed: 1 });
  line(`Sample: ${sample.areaCodes.length} areas, ${sample.zoneIds.length} zones`, s.seconds, 2, s.result, `  ${s.result.iterations.toLocaleString('en-GB')} moves tried`);

  const { instance, source } = englandInstance();
  console.log(`England scale: ${instance.areaCodes.length.toLocaleString('en-GB')} areas from ${source}; synthetic supply`);
  const e = timed(instance, { seed: 1, zones: 300 });
  line(`England: ${instance.areaCodes.length.toLocaleString('en-GB')} areas, 300 zones`, e.seconds, 60, e.result, `  ${e.result.iterations.toLocaleString('en-GB')} moves tried, ${e.result.starts} starts`);

  await runExact(sample, districtOf);
}
