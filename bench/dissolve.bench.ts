import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { featureCollection, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { PlanModel } from '../shared/coverage/metrics';
import { EdgeTopology } from '../shared/geo/borders';
import type { AreaGeometry } from '../shared/geo/types';
import { areaGeometries, loadDefaultProject } from '../electron/services/default-project';
import { defaultInputs } from './coverage.bench';
import { medianMs, report } from './harness';
import { readEnglandAreas, sharedDataDir } from './england';
import { syntheticEngland } from './synthetic';
import { groupBy } from '../shared/group';

type Mapshaper = { applyCommands(commands: string, input: Record<string, unknown>): Promise<Record<string, string | Buffer>> };

/**
 * mapshaper is installed for the benchmark only, outside the project's lock
 * file (one of its optional native helpers is not on every registry mirror,
 * which would break npm ci): into dist/bench-tools, on first use.
 */
function loadMapshaper(): Mapshaper {
  const tools = path.resolve(__dirname, '..', 'bench-tools');
  if (!fs.existsSync(path.join(tools, 'node_modules', 'mapshaper'))) {
    console.log('  (installing mapshaper 0.7 for the comparison into dist/bench-tools)');
    const result = spawnSync('npm', ['install', '--prefix', tools, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', 'mapshaper@0.7.70'], { stdio: 'ignore', shell: process.platform === 'win32' });
    if (result.status !== 0) throw new Error('could not install mapshaper for the benchmark');
  }
  return createRequire(path.join(tools, 'index.js'))('mapshaper') as Mapshaper;
}
let mapshaperModule: Mapshaper | null = null;
const mapshaper = { applyCommands: (c: string, i: Record<string, unknown>) => (mapshaperModule ??= loadMapshaper()).applyCommands(c, i) };

function timeOnce(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeOnceAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Pairwise turf.union, group by group, as a plain approach would; failures are
 * counted, not hidden. With a time budget it stops after the group that passes
 * it and says how many groups it did, so a full England run stays bounded.
 */
function turfDissolve(geometries: Map<string, AreaGeometry>, groupOf: (code: string) => string, budgetMs = Infinity): { failures: number; groups: number; done: number; areasDone: number; areas: number } {
  const byGroup = new Map<string, Feature<Polygon | MultiPolygon>[]>();
  for (const [code, geometry] of geometries) {
    const list = byGroup.get(groupOf(code)) ?? [];
    list.push({ type: 'Feature', properties: {}, geometry: geometry as Polygon | MultiPolygon });
    byGroup.set(groupOf(code), list);
  }
  let failures = 0;
  let done = 0;
  let areasDone = 0;
  const start = Date.now();
  for (const features of byGroup.values()) {
    if (Date.now() - start > budgetMs) break;
    try {
      let acc: Feature<Polygon | MultiPolygon> | null = features[0]!;
      for (const next of features.slice(1)) acc = acc ? union(featureCollection([acc, next])) : next;
    } catch {
      failures += 1;
    }
    done += 1;
    areasDone += features.length;
  }
  return { failures, groups: byGroup.size, done, areasDone, areas: geometries.size };
}

async function mapshaperDissolve(geometries: Map<string, AreaGeometry>, groupOf: (code: string) => string): Promise<void> {
  const input = { type: 'FeatureCollection', features: [...geometries].map(([code, geometry]) => ({ type: 'Feature', properties: { group: groupOf(code) }, geometry })) };
  await mapshaper.applyCommands('-i in.json -dissolve group -o out.json', { 'in.json': input });
}

/**
 * GDAL's dissolve through GEOS, as a GIS officer would run it:
 * `ogr2ogr -dialect sqlite -sql "SELECT grp, ST_Union(geometry) … GROUP BY grp"`.
 * The input file is written first, untimed; reading it is part of GDAL's time,
 * as reading the JSON is part of mapshaper's. Null when gdal-bin is missing
 * (apt-get install gdal-bin); stopped after `budgetMs`, then reported as a floor.
 */
function gdalDissolve(geometries: Map<string, AreaGeometry>, groupOf: (code: string) => string, budgetMs: number): { ms: number; finished: boolean } | null {
  if (spawnSync('ogr2ogr', ['--version'], { stdio: 'ignore' }).status !== 0) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-bench-gdal-'));
  try {
    const input = path.join(dir, 'areas.geojson');
    const features = [...geometries].map(([code, geometry]) => JSON.stringify({ type: 'Feature', properties: { grp: groupOf(code) }, geometry }));
    fs.writeFileSync(input, `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
    const sql = 'SELECT grp, ST_Union(geometry) AS geometry FROM areas GROUP BY grp';
    const start = process.hrtime.bigint();
    const result = spawnSync('ogr2ogr', ['-f', 'GeoJSON', path.join(dir, 'zones.geojson'), input, '-dialect', 'sqlite', '-sql', sql], { stdio: ['ignore', 'ignore', 'pipe'], timeout: budgetMs });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { ms, finished: false };
    if (result.status !== 0) throw new Error(`ogr2ogr failed: ${result.stderr?.toString().slice(0, 500)}`);
    return { ms, finished: true };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A line saying how many times faster ours is than a peer, against the issue's ≥ 10× target. */
function reportSpeedup(peer: string, peerMs: number, oursMs: number, floor = false): void {
  const times = peerMs / oursMs;
  console.log(`  ours is ${floor ? 'at least ' : ''}${times.toFixed(1)}× faster than ${peer} (target ≥ 10×: ${times >= 10 ? 'met' : 'MISSED'})`);
}

const NO_GDAL = '  GDAL (ogr2ogr with GEOS): skipped, not installed (apt-get install gdal-bin)';

/** Median time to move one random area to a neighbouring zone and bring its two zones' outlines and all metrics up to date. */
function reassignMedian(topology: EdgeTopology, zoneOf: Map<string, string>, neighbours: Map<string, string[]>, recompute: (code: string, to: string) => void): number {
  let seed = 7;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const codes = [...zoneOf.keys()];
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const code = codes[Math.floor(random() * codes.length)]!;
    const from = zoneOf.get(code)!;
    const to = (neighbours.get(code) ?? []).map((n) => zoneOf.get(n)!).find((z) => z !== from) ?? from;
    times.push(
      timeOnce(() => {
        zoneOf.set(code, to);
        topology.dissolve((c) => zoneOf.get(c), new Set([from, to]));
        recompute(code, to);
      }),
    );
  }
  return times.sort((a, b) => a - b)[50]!;
}

export async function run(): Promise<void> {
  console.log('\nDissolving areas into zones (topology-aware), against mapshaper -dissolve and pairwise turf.union');
  const project = loadDefaultProject();
  const geometries = areaGeometries(project);
  const zoneOf = new Map(project.plan.assignments);
  mapshaperModule ??= loadMapshaper(); // installed (first run) and loaded before anything is timed
  const ours = medianMs(() => new EdgeTopology(geometries).dissolve((c) => zoneOf.get(c)), 11, 2);
  const shaper = await timeOnceAsync(() => mapshaperDissolve(geometries, (c) => zoneOf.get(c)!));
  const turfResult = { failures: 0, groups: 0, done: 0, areasDone: 0, areas: 0 };
  const turfMs = timeOnce(() => Object.assign(turfResult, turfDissolve(geometries, (c) => zoneOf.get(c)!)));
  report('default project: full dissolve, 396 areas → 14 zones', ours, null, null);
  report('  mapshaper -dissolve, same areas', shaper, null, ours, 'ours');
  report(`  pairwise turf.union (${turfResult.failures} of ${turfResult.groups} zones failed)`, turfMs, null, ours, 'ours');
  const gdal = gdalDissolve(geometries, (c) => zoneOf.get(c)!, 120_000);
  if (gdal) report('  GDAL ogr2ogr -dialect sqlite ST_Union … GROUP BY (GEOS), same areas', gdal.ms, null, ours, 'ours');
  else console.log(NO_GDAL);
  reportSpeedup('mapshaper', shaper, ours);
  if (gdal) reportSpeedup('GDAL/GEOS', gdal.ms, ours);
  const inputs = defaultInputs();
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of project.neighbours) {
    (neighbours.get(a) ?? neighbours.set(a, []).get(a)!).push(b);
    (neighbours.get(b) ?? neighbours.set(b, []).get(b)!).push(a);
  }
  const topology = new EdgeTopology(geometries);
  const moving = new Map(zoneOf);
  // The model is kept between edits, as the app keeps it: a move rebuilds only the two zones it touched.
  const defaultModel = new PlanModel({ ...inputs, assignments: new Map(moving) });
  report(
    'default project: reassign one area, update outlines and metrics (median of 100)',
    reassignMedian(topology, moving, neighbours, (code, to) => {
      defaultModel.move(code, to);
      defaultModel.metrics();
    }),
    16,
    null,
  );

  const data = sharedDataDir();
  if (!data) return console.log('  England: skipped, ../shared/data is missing (set CARECOVER_SHARED_DATA)');
  const england = readEnglandAreas(data);
  const englandGeometries = new Map(england.areas.map((a) => [a.code, a.geometry]));
  const district = new Map(england.areas.map((a) => [a.code, a.district]));
  let englandTopology: EdgeTopology | null = null;
  const oursEngland = timeOnce(() => {
    englandTopology = new EdgeTopology(englandGeometries);
    englandTopology.dissolve((c) => district.get(c));
  });
  report(`England: full dissolve, ${england.areas.length} LSOAs → ${england.districts.length} districts (../shared/data)`, oursEngland, null, null);
  const shaperEngland = await timeOnceAsync(() => mapshaperDissolve(englandGeometries, (c) => district.get(c)!));
  report('  mapshaper -dissolve, same areas', shaperEngland, null, oursEngland, 'ours');
  reportSpeedup('mapshaper', shaperEngland, oursEngland);
  const gdalEngland = gdalDissolve(englandGeometries, (c) => district.get(c)!, 900_000);
  if (!gdalEngland) console.log(NO_GDAL);
  else {
    const label = gdalEngland.finished ? '  GDAL ogr2ogr ST_Union … GROUP BY (GEOS), same areas' : '  GDAL ogr2ogr ST_Union … GROUP BY (GEOS), stopped at 15 min (a floor)';
    report(label, gdalEngland.ms, null, oursEngland, 'ours');
    reportSpeedup('GDAL/GEOS', gdalEngland.ms, oursEngland, !gdalEngland.finished);
  }
  const englandTurf = { failures: 0, groups: 0, done: 0, areasDone: 0, areas: 0 };
  const englandTurfMs = timeOnce(() => Object.assign(englandTurf, turfDissolve(englandGeometries, (c) => district.get(c)!, 120_000)));
  if (englandTurf.done === englandTurf.groups) {
    report(`  pairwise turf.union (${englandTurf.failures} of ${englandTurf.groups} districts failed)`, englandTurfMs, null, oursEngland, 'ours');
  } else {
    // Bounded at two minutes: scale the time by the share of areas done (union cost grows with size, so this is a floor).
    const estimate = (englandTurfMs * englandTurf.areas) / englandTurf.areasDone;
    report(`  pairwise turf.union, ${englandTurf.done} of ${englandTurf.groups} districts in 2 min (${englandTurf.failures} failed), scaled up (a floor)`, estimate, null, oursEngland, 'ours');
  }
  // England-scale metrics: the synthetic plan's demand and area-level supply (about 100,000 provider-area
  // rows) laid on the real areas, zoned by district.
  // rows) laid on the real areas, zoned by district. As in life, each provider works in a run of
  // areas of one district (its patch), not scattered over the country.
  const synthetic = syntheticEngland(england.areas.length);
  const realCode = new Map(synthetic.areas.map((a, i) => [a.code, england.areas[i]!.code]));
  const patches = [...groupBy(england.areas, (a) => a.district).values()].map((areas) => areas.map((a) => a.code));
  const rowOfProvider = new Map<string, number>();
  const englandInputs = {
    ...synthetic,
    areas: england.areas,
    zones: england.districts.map((id) => ({ id, name: id, colour: '#888', bandOverride: null })),
    demand: synthetic.demand.map((d) => ({ ...d, areaCode: realCode.get(d.areaCode)! })),
    supply: synthetic.supply.map((r) => {
      const k = rowOfProvider.get(r.providerId) ?? 0;
      rowOfProvider.set(r.providerId, k + 1);
      const patch = patches[Number(r.providerId.slice(1)) % patches.length]!;
      return { ...r, areaCode: patch[(Number(r.providerId.slice(1)) * 7 + k) % patch.length]! };
    }),
  };
  const englandZoneOf = new Map(district);
  const englandModel = new PlanModel({ ...englandInputs, assignments: new Map(englandZoneOf) });
  const englandNeighbours = new Map<string, string[]>();
  for (const [a, b] of englandTopology!.neighbours()) {
    (englandNeighbours.get(a) ?? englandNeighbours.set(a, []).get(a)!).push(b);
    (englandNeighbours.get(b) ?? englandNeighbours.set(b, []).get(b)!).push(a);
  }
  report(
    `England: reassign one area, update outlines and metrics with ${englandInputs.supply.length.toLocaleString('en-GB')} supply rows (median of 100)`,
    reassignMedian(englandTopology!, englandZoneOf, englandNeighbours, (code, to) => {
      englandModel.move(code, to);
      englandModel.metrics();
    }),
    16,
    null,
  );
}
