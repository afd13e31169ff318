import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from './england';

/** Rounds of the two children, one of each in turn; their medians are compared. */
const ROUNDS = 3;

/** What a child prints: its time and peak memory, and for the import what it took in and its steps' times. */
interface ChildFigures {
  ms: number;
  maxRssMb: number;
  [key: string]: unknown;
}

/** The run of median time (of an odd number). */
function byMedianTime(runs: ChildFigures[]): ChildFigures {
  return [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2).padStart(7);

/**
 * Importing every English LSOA (the 326 district files of ../shared/data,
 * merged into one ~88 MB GeoJSON) into an empty project, against a plain
 * JSON.parse of the same bytes. Each runs in a child process of its own so
 * that its peak memory (VmHWM on Linux, see import-child.ts) is its own.
 */
export async function run(): Promise<void> {
  console.log('\nImport');
  const dataDir = sharedDataDir();
  if (!dataDir) {
    console.log('  skipped: ../shared/data/boundaries/england/lsoa11_by_lad is missing (set CARECOVER_SHARED_DATA to point elsewhere)');
    return;
  }
  const dir = path.resolve(__dirname, 'import');
  fs.mkdirSync(dir, { recursive: true });
  const merged = path.join(dir, 'england-lsoa11.geojson');
  const sourceDir = path.join(dataDir, 'boundaries', 'england', 'lsoa11_by_lad');
  const files = fs.readdirSync(sourceDir).filter((f) => f.endsWith('.geojson')).sort();
  const out = fs.openSync(merged, 'w');
  fs.writeSync(out, '{"type":"FeatureCollection","features":[\n');
  // The features' text exactly as published, so the merged file has the same bytes a council would download.
  files.forEach((file, i) => {
    const text = fs.readFileSync(path.join(sourceDir, file), 'utf8');
    const start = text.indexOf('[', text.indexOf('"features"')) + 1;
    const end = text.lastIndexOf(']');
    fs.writeSync(out, (i === 0 ? '' : ',\n') + text.slice(start, end).trim());
  });
  fs.writeSync(out, '\n]}\n');
  fs.closeSync(out);
  const mb = fs.statSync(merged).size / 1e6;
  console.log(`  ${files.length} district files merged into one GeoJSON of ${mb.toFixed(1)} MB`);

  const child = (mode: string, ...args: string[]) => {
    // A bundle of its own (bench/import-child.ts), so neither child carries the other benchmarks' libraries in its peak memory.
    const result = spawnSync(process.execPath, [path.join(__dirname, 'import-child.cjs'), mode, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (result.status !== 0) throw new Error(`bench child ${mode} failed: ${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as ChildFigures;
  };
  // JSON.parse of 88 MB varies by half from one run to the next on the same machine (0.54–0.95 s on one, as V8's major collections
  // fall within the parse or not), far more than the import: alternate rounds of the two, and compare their medians.
  const project = path.join(dir, 'england-import.carecover');
  const parses: ChildFigures[] = [];
  const imports: ChildFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    parses.push(child('parse', merged));
    imports.push(child('import', merged, project));
  }
  const parse = byMedianTime(parses);
  const imported = byMedianTime(imports);
  const line = (name: string, runs: ChildFigures[], median: ChildFigures, extra = '') =>
    console.log(`  ${name.padEnd(56)} ${seconds(median.ms)} s   peak ${Math.max(...runs.map((r) => r.maxRssMb)).toFixed(0).padStart(5)} MB   (${seconds(Math.min(...runs.map((r) => r.ms))).trim()}–${seconds(Math.max(...runs.map((r) => r.ms))).trim()} s)${extra}`);
  console.log(`  median of ${ROUNDS} alternate runs of each; peak memory the highest of them`);
  line('JSON.parse of the same bytes (baseline)', parses, parse);
  const timeRatio = imported.ms / parse.ms;
  // Peak memory in MiB: the file in MiB too.
  const peak = Math.max(...imports.map((r) => r.maxRssMb));
  const memoryRatio = peak / (fs.statSync(merged).size / 2 ** 20);
  line(`import areas (${imported.accepted} areas, ${imported.repaired} repaired)`, imports, imported, `   ${(peak / Math.max(...parses.map((r) => r.maxRssMb))).toFixed(1)}× the baseline's memory`);
  console.log(`  time: ${timeRatio.toFixed(1)}× JSON.parse (target ≤ 2×: ${timeRatio <= 2 ? 'met' : 'MISSED'}; each round ${imports.map((r, i) => (r.ms / parses[i]!.ms).toFixed(1)).join(', ')}); peak memory: ${memoryRatio.toFixed(1)}× the file (target ≤ 3×: ${memoryRatio <= 3 ? 'met' : 'MISSED'})`);
  for (const [step, ms] of Object.entries(imported.steps as Record<string, number>)) console.log(`    ${step.padEnd(54)} ${seconds(ms)} s`);
  fs.rmSync(project, { force: true });
  fs.rmSync(`${project}-wal`, { force: true });
  fs.rmSync(`${project}-shm`, { force: true });
}
