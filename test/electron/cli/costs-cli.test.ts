import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../../helpers/temp';
import { carecover, initProjectForBlock } from '../../helpers/cli';

const resultsDir = path.join(repoRoot, 'test-results');
const inCI = process.env.CI === 'true';
const havePoppler = spawnSync('pdftotext', ['-v']).status === 0;

interface CostsJson {
  years: { year: number; demandHours: number; frameworkCost: number; spotCost: number; totalCost: number; envelope: number; headroom: number }[];
  bands: { band: string; lot: string; contractedRate: number; modelledRate: number; components: { id: string; amount: number }[] }[];
  termTotal: number;
}

describe('carecover costs', () => {
  // One project for every test here (tempDir() is emptied after each test).
  const { file } = initProjectForBlock('costs');

  it('prints the years, the bands and the term total as JSON', () => {
    const result = carecover(['costs', '--project', file, '--format', 'json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as CostsJson;
    expect(json.years).toHaveLength(8);
    expect(Object.keys(json.years[0]!).sort()).toEqual(['demandHours', 'envelope', 'frameworkCost', 'headroom', 'spotCost', 'totalCost', 'year']);
    for (const y of json.years) {
      expect(y.totalCost).toBeCloseTo(y.frameworkCost + y.spotCost, 4);
      expect(y.headroom).toBeCloseTo(y.envelope - y.totalCost, 4);
    }
    expect(json.termTotal).toBeCloseTo(json.years.reduce((t, y) => t + y.totalCost, 0), 2);
    expect(json.bands.map((b) => `${b.band}/${b.lot}`)).toEqual(['Urban/home-care', 'Urban/chc', 'Urban/live-in', 'Rural/home-care', 'Rural/chc', 'Rural/live-in']);
    for (const b of json.bands) expect(b.components.reduce((t, c) => t + c.amount, 0)).toBeCloseTo(b.modelledRate, 9);
  });

  it('re-prices with the NLW, CPI, spot rate and growth given on the command line', () => {
    const base = JSON.parse(carecover(['costs', '--project', file, '--format', 'json']).stdout) as CostsJson;
    const risen = JSON.parse(carecover(['costs', '--project', file, '--format', 'json', '--nlw', '12.71', '--cpi', '3', '--spot-rate', '28', '--growth', '2']).stdout) as CostsJson;
    expect(risen.years[0]!.frameworkCost).toBeGreaterThan(base.years[0]!.frameworkCost);
    expect(risen.years[0]!.spotCost).toBeGreaterThan(base.years[0]!.spotCost);
    expect(risen.years[7]!.demandHours / risen.years[0]!.demandHours).toBeCloseTo(1.02 ** 7, 6);
    const csv = carecover(['costs', '--project', file, '--format', 'csv', '--nlw', '12.71']).stdout.trim().split('\n');
    expect(csv[0]).toBe('year,demand_hours,framework_cost,spot_cost,total_cost,envelope,headroom');
    expect(csv).toHaveLength(10);
    expect(csv.at(-1)).toMatch(/^TOTAL,/);
    const text = carecover(['costs', '--project', file]).stdout;
    expect(text).toMatch(/2026\/27/);
    expect(text).toMatch(/pays \d+% below the modelled cost of care/);
  });

  it.each([
    [['--nlw', 'lots'], /--nlw must be a number/],
    [['--cpi', ''], /--cpi must be a number/],
    [['--nlw-from', '1 April 2026'], /nlwFrom: must be a date written YYYY-MM-DD/],
    [['--scenario', 'Nope'], /There is no pricing scenario "Nope"/],
    [['--format', 'xml'], /--format/],
  ])('%j is bad input: exit 2 with one line', (args, message) => {
    const result = carecover(['costs', '--project', file, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it.skipIf(!havePoppler && !inCI)('export map --costs adds the costs page: its title, the years and the envelope are text in the PDF', () => {
    const out = path.join(tempDir(), 'committee.pdf');
    const result = carecover(['export', 'map', '--project', file, '--format', 'pdf', '--title', 'Home care framework', '--costs', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.copyFileSync(out, path.join(resultsDir, 'export-with-costs.pdf'));
    const pages = spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout;
    expect(pages).toMatch(/Pages:\s+2/);
    const text = spawnSync('pdftotext', ['-f', '2', '-l', '2', '-layout', out, '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/Home care framework: costs/);
    for (const year of ['2026/27', '2029/30', '2033/34']) expect(text).toContain(year);
    expect(text).toMatch(/Envelope/);
    expect(text).toMatch(/£29\.50m/); // the default project's envelope a year
    expect(text).toMatch(/Over the term the cost is/);
    // The first page is still the map.
    expect(spawnSync('pdftotext', ['-f', '1', '-l', '1', out, '-'], { encoding: 'utf8' }).stdout).toMatch(/Home care framework/);
    // Looked at as a picture: test-results/export-costs-page.png.
    const png = spawnSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '100', '-png', '-singlefile', out, path.join(resultsDir, 'export-costs-page')]);
    expect(png.status).toBe(0);
    expect(fs.statSync(path.join(resultsDir, 'export-costs-page.png')).size).toBeGreaterThan(20_000);
    // The costs page belongs to a PDF: other formats refuse it.
    const svg = carecover(['export', 'map', '--project', file, '--format', 'svg', '--costs', '--out', path.join(tempDir(), 'x.svg')]);
    expect(svg.code).toBe(2);
    expect(svg.stderr).toMatch(/costs page is a second page of the map as PDF/);
  });
});
