import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from './england';

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
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as { ms: number; maxRssMb: number; [key: string]: unknown };
  };
  const parse = child('parse', merged);
  const project = path.join(dir, 'england-import.carecover');
  const imported = child('import', merged, project);
  const line = (name: string, ms: number, rss: number, extra = '') => console.log(`  ${name.padEnd(56)} ${(ms / 1000).toFixed(2).padStart(7)} s   peak ${rss.toFixed(0).padStart(5)} MB${extra}`);
  line('JSON.parse of the same bytes (baseline)', parse.ms, parse.maxRssMb);
  const timeRatio = imported.ms / parse.ms;
  // Peak memory in MiB: the file in MiB too.
  const memoryRatio = imported.maxRssMb / (fs.statSync(merged).size / 2 ** 20);
  line(`import areas (${imported.accepted} areas, ${imported.repaired} repaired)`, imported.ms, imported.maxRssMb, `   ${(imported.maxRssMb / parse.maxRssMb).toFixed(1)}× the baseline's memory`);
  console.log(`  time: ${timeRatio.toFixed(1)}× JSON.parse (target ≤ 2×: ${timeRatio <= 2 ? 'met' : 'MISSED'}); peak memory: ${memoryRatio.toFixed(1)}× the file (target ≤ 3×: ${memoryRatio <= 3 ? 'met' : 'MISSED'})`);
  for (const [step, ms] of Object.entries(imported.steps as Record<string, number>)) console.log(`    ${step.padEnd(54)} ${(ms / 1000).toFixed(2).padStart(7)} s`);
  fs.rmSync(project, { force: true });
  fs.rmSync(`${project}-wal`, { force: true });
  fs.rmSync(`${project}-shm`, { force: true });
}
