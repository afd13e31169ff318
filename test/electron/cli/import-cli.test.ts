import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectDb } from '../../../electron/store/db';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { repoRoot, tempDir } from '../../helpers/temp';

const bin = path.join(repoRoot, 'bin', 'carecover.cjs');
const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'import', name);

function carecover(args: string[]) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CARECOVER_USER_DATA: tempDir() } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

function emptyProject(): string {
  const file = path.join(tempDir(), 'council.carecover');
  expect(carecover(['init', file, '--empty']).code).toBe(0);
  return file;
}

describe('carecover import and info', () => {
  it('builds a project from nothing: areas, zones, providers, rates, demand, capacity, delivery records and a lookup; info counts them', () => {
    const project = emptyProject();
    const steps: [string, string, ...string[]][] = [
      ['areas', 'melton-6-bng-shapefile.zip'],
      ['zones', 'melton-zones-drawn.geojson', '--plan', 'Drawn'],
      ['providers', 'providers-excel-windows.csv'],
      ['rates', 'rates.csv'],
    ];
    for (const [kind, file, ...rest] of steps) {
      const result = carecover(['import', kind, fixture(file), '--project', project, ...rest]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`Imported ${file.replace('.', '\\.')}`));
    }
    const demand = path.join(tempDir(), 'demand.csv');
    fs.writeFileSync(demand, 'LSOA11CD,Hours,People\r\nE01025883,100,9\r\nE01025885,60,5\r\n');
    expect(carecover(['import', 'demand', demand, '--project', project]).code).toBe(0);
    // Zone contracts are spread over the zone's areas with demand.
    const capacity = path.join(tempDir(), 'cap.csv');
    fs.writeFileSync(capacity, 'Provider,Zone,Hours\r\nP48,S,"1,200"\r\nP49,N,80\r\n');
    expect(carecover(['import', 'capacity', capacity, '--project', project]).code).toBe(0);
    const delivery = path.join(tempDir(), 'delivery.csv');
    fs.writeFileSync(delivery, 'Provider,LSOA,Service,Hours,People\r\nP49,E01025885,home care,50,4\r\n');
    expect(carecover(['import', 'delivery', delivery, '--project', project]).code).toBe(0);
    const lookup = carecover(['import', 'lookup', fixture('lookup-ruc21.csv'), '--project', project]);
    expect(lookup.code).toBe(0);
    expect(lookup.stdout + lookup.stderr).toMatch(/left out/);
    const info = carecover(['info', '--project', project, '--format', 'json']);
    expect(info.code).toBe(0);
    const counts = JSON.parse(info.stdout) as Record<string, number>;
    // An empty project starts with the default urban and rural bands; rates.csv updates one and adds "remote".
    expect(counts).toMatchObject({ areas: 6, zones: 2, plans: 1, providers: 3, demandRows: 2, deliveryRows: 1, lookupImports: 1, rateBands: 3, imports: 8 });
    expect(counts.capacityRows).toBeGreaterThanOrEqual(2);
    // The project now answers coverage questions like any other, with the supply where it was put.
    const report = carecover(['report', '--project', project, '--format', 'json']);
    expect(report.code).toBe(0);
    const totals = (JSON.parse(report.stdout) as { totals: Record<string, number> }).totals;
    // P48 (Brontë Home Care) is a new bidder with no start date: its 1,200 hours are not yet on the framework.
    expect(totals.committedHours).toBeCloseTo(80, 6);
    expect(totals.deliveredHours).toBeCloseTo(50, 6);
    expect(totals.demandHours).toBeCloseTo(160, 6);
  });

  it('rejects a bad file with exit 2, one problem a line on stderr, and the project file byte for byte unchanged', () => {
    const project = emptyProject();
    expect(carecover(['import', 'areas', fixture('melton-6.geojson'), '--project', project]).code).toBe(0);
    const before = sha(project);
    const result = carecover(['import', 'areas', fixture('bad-duplicate-ids.geojson'), '--project', project]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toEqual([
      'bad-duplicate-ids.geojson: feature 3 (E01025883): has the same id as feature 1',
      'bad-duplicate-ids.geojson: 1 problem in the file; fix it or import the 2 good features and leave out the rest',
      'Nothing was written to the project.',
    ]);
    expect(sha(project)).toBe(before);
  });

  it('--dry-run checks and reports without writing; --crs and --repair do what they say', () => {
    const project = emptyProject();
    const before = sha(project);
    const dry = carecover(['import', 'areas', fixture('melton-6-bng-nocrs.geojson'), '--project', project, '--crs', 'EPSG:27700', '--dry-run']);
    expect(dry).toMatchObject({ code: 0, stdout: 'Dry run: melton-6-bng-nocrs.geojson would import 6 areas (6 new, 0 updated). Nothing was written.\n' });
    expect(sha(project)).toBe(before);
    const noCrs = carecover(['import', 'areas', fixture('melton-6-bng-nocrs.geojson'), '--project', project]);
    expect(noCrs.code).toBe(2);
    expect(noCrs.stderr).toMatch(/look like British National Grid; import again with the coordinate system EPSG:27700/);
    const swapped = carecover(['import', 'areas', fixture('melton-6-latlon.geojson'), '--project', project, '--repair']);
    expect(swapped.code).toBe(0);
    expect(swapped.stdout).toMatch(/repaired: latitude and longitude were swapped: swapped them back/);
    expect(carecover(['import', 'areas', fixture('melton-6.geojson'), '--project', project, '--crs', 'BNG']).stderr).toMatch(/--crs: must look like EPSG:27700/);
    expect(carecover(['import', 'pictures', fixture('melton-6.geojson'), '--project', project]).stderr).toMatch(/one of areas, zones, providers/);
  });

  it('leaves the project exactly as it was when the import process is killed mid-write', async () => {
    const project = emptyProject();
    expect(carecover(['import', 'areas', fixture('melton-6.geojson'), '--project', project]).code).toBe(0);
    const before = dataFingerprint(project);
    // A grid of 25,600 small many-sided areas: big enough that writing takes a while.
    const features = [];
    for (let i = 0; i < 160; i++) {
      for (let j = 0; j < 160; j++) {
        const ring = [];
        for (let k = 0; k < 48; k++) {
          const side = Math.floor(k / 12);
          const t = (k % 12) / 12;
          const [x, y] = [[t, 0], [1, t], [1 - t, 1], [0, 1 - t]][side]!;
          ring.push([-1.5 + (i + x!) * 0.002, 52.5 + (j + y!) * 0.002]);
        }
        ring.push(ring[0]);
        features.push({ type: 'Feature', properties: { code: `G${i}-${j}`, name: `Cell ${i} ${j}` }, geometry: { type: 'Polygon', coordinates: [ring] } });
      }
    }
    const big = path.join(tempDir(), 'grid.geojson');
    fs.writeFileSync(big, JSON.stringify({ type: 'FeatureCollection', features }));
    const child = spawn(process.execPath, [bin, 'import', 'areas', big, '--project', project, '--id-field', 'code'], { env: { ...process.env, CARECOVER_USER_DATA: tempDir() }, stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Writing has begun once the transaction spills pages into the write-ahead log.
    const wal = `${project}-wal`;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline && !(fs.existsSync(wal) && fs.statSync(wal).size > 4 * 1024 * 1024)) await new Promise((r) => setTimeout(r, 5));
    expect(fs.statSync(wal).size).toBeGreaterThan(4 * 1024 * 1024);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const db = await openProjectDb(project);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    expect(dataFingerprint(project)).toBe(before);
  }, 180_000);
});
