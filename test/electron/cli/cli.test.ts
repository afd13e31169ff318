import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../electron/security';
import { repoRoot, tempDir } from '../../helpers/temp';
import { start } from '../../helpers/spawn';

const bin = path.join(repoRoot, 'bin', 'carecover.cjs');

function carecover(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CARECOVER_USER_DATA: tempDir(), ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('carecover CLI', () => {
  it('--help lists the commands', () => {
    const result = carecover(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+serve\s+/m);
    expect(result.stdout).toMatch(/^\s+version\s+/m);
  });

  it('ends quietly when the reader closes the pipe early (carecover report | head -1)', async () => {
    const file = path.join(tempDir(), 'county.carecover');
    carecover(['init', file]);
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [bin, 'report', '--project', file], { env: { ...process.env, CARECOVER_USER_DATA: tempDir() } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });

  it('report writes nothing to the project: an app open on it sees no change', () => {
    const file = path.join(tempDir(), 'county.carecover');
    carecover(['init', file]);
    const db = new Database(file);
    db.exec('DELETE FROM metrics_cache; DELETE FROM plan_map_cache');
    const version = () => db.pragma('data_version', { simple: true });
    const before = version();
    expect(carecover(['report', '--project', file]).code).toBe(0);
    expect(version()).toBe(before);
    expect(db.prepare('SELECT (SELECT count(*) FROM metrics_cache) + (SELECT count(*) FROM plan_map_cache)').pluck().get()).toBe(0);
    db.close();
  });

  it('version prints the version', () => {
    const result = carecover(['version']);
    expect(result).toMatchObject({ code: 0, stdout: 'CareCover 0.1.0\n' });
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['serve', '--port', 'abc'], /--port must be a whole number/],
    [['serve', '--colour'], /Unknown option '--colour'/],
    [['serve', '--port', '0', '--project', '/nonexistent/x.carecover'], /no project file at \/nonexistent\/x.carecover/],
  ])('%j is bad input: exit 2 with one line on stderr', (args, message) => {
    const result = carecover(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('serve --port 0 picks a free port, prints its URL and serves the app and the API', async () => {
    const server = start(process.execPath, [bin, 'serve', '--port', '0'], { CARECOVER_USER_DATA: tempDir() });
    try {
      const [url, port, token] = await server.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/);
      expect(Number(port)).toBeGreaterThan(0);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const base = `http://127.0.0.1:${port}/api/getProject`;
      expect((await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
      const ok = await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token! }, body: '{}' });
      expect(await ok.json()).toMatchObject({ ok: true, value: { name: 'Leicestershire sample' } });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe('carecover init, report and simulate-withdrawal', () => {
  it('init then report prints 10–16 zones, a flagged rural zone, and totals that add up', () => {
    const file = path.join(tempDir(), 'county.carecover');
    expect(carecover(['init', file])).toMatchObject({ code: 0 });
    const report = carecover(['report', '--project', file, '--format', 'json']);
    expect(report.code).toBe(0);
    const { zones, totals } = JSON.parse(report.stdout) as { zones: Record<string, number | string>[]; totals: Record<string, number> & { secureHours: number; atRiskHours: number; spotHours: number; committedHours: number } };
    expect(zones.length).toBeGreaterThanOrEqual(10);
    expect(zones.length).toBeLessThanOrEqual(16);
    expect(zones.some((z) => z.band === 'Rural' && /low-coverage|fragile/.test(String(z.flags)))).toBe(true);
    const sum = (key: string) => zones.reduce((s, z) => s + Number(z[key]), 0);
    expect(totals.demandHours).toBeCloseTo(sum('demand_hours'), 0);
    for (const [total, column] of [
      ['committedHours', 'capacity_hours'],
      ['committedHours', 'committed_hours'],
      ['secureHours', 'secure_hours'],
      ['atRiskHours', 'at_risk_hours'],
      ['spotHours', 'spot_hours'],
      ['deliveredHours', 'delivered_hours'],
      ['unsourcedHours', 'unsourced_hours'],
      ['people', 'people'],
    ] as const) {
      // Zone rows are rounded (people to whole numbers): their sum may differ from the total by rounding.
      expect(Math.abs(totals[total]! - sum(column)), column).toBeLessThan(zones.length * 0.5 + 1e-6);
    }
    expect(zones.every((z) => z.capacity_hours === z.committed_hours && ['estimated', 'recorded', 'mixed'].includes(String(z.basis)))).toBe(true);
    expect(totals.secureHours + totals.atRiskHours + totals.spotHours).toBeCloseTo(totals.committedHours, 6);
    expect(totals.annualCost).toBeCloseTo(sum('annual_cost'), -1);
    expect(totals.flaggedZones).toBe(zones.filter((z) => z.flags !== '').length);

    const csv = carecover(['report', '--project', file]);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'zone_id,zone_name,band,demand_hours,capacity_hours,committed_hours,secure_hours,at_risk_hours,spot_hours,delivered_hours,unsourced_hours,people,coverage,n1_coverage,providers,flags,basis,annual_cost,council_annual_cost',
    );
    expect(lines).toHaveLength(zones.length + 2);
    expect(lines.at(-1)).toMatch(/^TOTAL,/);
  });

  it('report --service gives one lot: live-in in weeks, CHC at no cost to the council; a bad lot exits 2', () => {
    const file = path.join(tempDir(), 'county.carecover');
    carecover(['init', file]);
    const lot = (service: string) => JSON.parse(carecover(['report', '--project', file, '--service', service, '--format', 'json']).stdout) as { unit: string; totals: { demandHours: number; annualCost: number; councilAnnualCost: number } };
    const all = lot('all');
    const home = lot('home-care');
    const chc = lot('chc');
    const liveIn = lot('live-in');
    expect(liveIn.unit).toBe('week');
    expect(home.totals.demandHours + chc.totals.demandHours).toBeCloseTo(all.totals.demandHours, 6); // "all" adds no live-in weeks
    expect(chc.totals.councilAnnualCost).toBe(0);
    expect(home.totals.annualCost + chc.totals.annualCost + liveIn.totals.annualCost).toBeCloseTo(all.totals.annualCost, 0);
    const out = path.join(tempDir(), 'live-in.csv');
    expect(carecover(['export', 'table', '--project', file, '--format', 'csv', '--service', 'live-in', '--out', out]).code).toBe(0);
    const header = fs.readFileSync(out, 'utf8').split('\r\n')[0]!;
    expect(header).toContain('Demand (weeks of care a week)');
    expect(header).toContain('Weekly rate (£)');
    const bad = carecover(['report', '--project', file, '--service', 'dentistry']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--service must be one of all, home-care, chc, live-in/);
  });

  it('simulate-withdrawal prints one row per zone and exits 2 for an unknown provider', () => {
    const file = path.join(tempDir(), 'county.carecover');
    carecover(['init', file]);
    const result = carecover(['simulate-withdrawal', '--project', file, '--provider', 'P32']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(15);
    expect(result.stderr).toMatch(/^If Belvoir Care at Home withdraws, it hands back [\d,]+ hours of care a week for \d+ people/);
    const json = JSON.parse(carecover(['simulate-withdrawal', '--project', file, '--provider', 'P32', '--cut', '50', '--format', 'json']).stdout);
    expect(json.cutPercent).toBe(50);
    for (const key of ['hoursToRehome', 'rehomedHours', 'unmetHours', 'peopleAffected', 'costChangePerYear']) expect(typeof json[key], key).toBe('number');
    expect(json.rehomedHours + json.unmetHours).toBeCloseTo(json.hoursToRehome, 6);
    expect(json.transfers.reduce((t: number, x: { hours: number }) => t + x.hours, 0)).toBeCloseTo(json.rehomedHours, 6);
    expect(json.before).toBeUndefined();
    const unknown = carecover(['simulate-withdrawal', '--project', file, '--provider', 'NOPE']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no provider "NOPE"/);
    expect(carecover(['simulate-withdrawal', '--project', file, '--provider', 'P1', '--cut', '150']).code).toBe(2);
  });

  it('init refuses to overwrite, and --empty makes an empty project', () => {
    const file = path.join(tempDir(), 'county.carecover');
    carecover(['init', file]);
    const again = carecover(['init', file]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
    const empty = path.join(tempDir(), 'empty.carecover');
    expect(carecover(['init', empty, '--empty']).code).toBe(0);
    const report = carecover(['report', '--project', empty]);
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/no zone plan yet/);
  });
});

describe('carecover plan', () => {
  it('lists, copies, exports, applies and compares plans', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.carecover');
    carecover(['init', file]);
    expect(carecover(['plan', 'list', '--project', file]).stdout).toBe('* Sample framework zones\n');
    expect(carecover(['plan', 'copy', '--project', file, '--from', 'current', '--name', 'Option B']).code).toBe(0);
    expect(carecover(['plan', 'list', '--project', file]).stdout).toBe('* Sample framework zones\n  Option B\n');
    const out = path.join(dir, 'plan.csv');
    expect(carecover(['plan', 'export', '--project', file, '--plan', 'Option B', '--out', out]).code).toBe(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('area_code,zone_id,zone_name');
    expect(lines).toHaveLength(397);
    // Move two areas of Melton Mowbray into the Vale of Belvoir.
    const melton = lines.filter((l) => l.includes(',Z13,')).slice(0, 2);
    const edited = lines.map((l) => (melton.includes(l) ? l.replace(',Z13,', ',Z14,') : l)).join('\n');
    fs.writeFileSync(out, edited);
    const applied = carecover(['plan', 'assign', '--project', file, '--plan', 'Option B', out]);
    expect(applied).toMatchObject({ code: 0 });
    expect(applied.stdout).toMatch(/2 areas changed zone/);
    const compare = carecover(['plan', 'compare', '--project', file, 'current', 'Option B', '--format', 'json']);
    expect(JSON.parse(compare.stdout).areasMoved).toHaveLength(2);
    expect(carecover(['plan', 'compare', '--project', file, 'current', 'Option B']).stdout).toMatch(/Areas that changed zone,,,2/);
  });

  it('plan assign with unknown areas or zones exits 2 and changes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'county.carecover');
    carecover(['init', file]);
    const before = carecover(['report', '--project', file]).stdout;
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, 'area_code,zone_id,zone_name\nE01025610,Z77,Nowhere\n');
    const result = carecover(['plan', 'assign', '--project', file, bad]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bad.csv was not applied, nothing changed: line 2, zone_id: there is no zone "Z77"/);
    expect(carecover(['report', '--project', file]).stdout).toBe(before);
  });
});
