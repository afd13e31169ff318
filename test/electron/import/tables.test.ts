import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listImports, readMapping } from '../../../electron/store/imports';
import { readAreas, readAssignments, readBands, readDemand, readProviders, readSupply } from '../../../electron/store/model-data';
import type { ProjectDb } from '../../../electron/store/db';
import { currentPlanId } from '../../../electron/store/plans';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { tempDir } from '../../helpers/temp';
import { importFile, previewFile, project } from './import-helpers';

const sample = () => project('default');

/** A provider's committed and additional hours over a zone's areas in the current plan, and its rows there. */
function zoneSupply(db: ProjectDb, providerId: string, zoneId: string) {
  const zoneOf = readAssignments(db, currentPlanId(db)!);
  const rows = readSupply(db).filter((r) => r.providerId === providerId && zoneOf.get(r.areaCode) === zoneId);
  return { committed: rows.reduce((t, r) => t + r.committedHours, 0), additional: rows.reduce((t, r) => t + r.additionalHours, 0), rows };
}

describe('importing providers from the tables councils have', () => {
  it.each([
    ['providers-excel-windows.csv', {}, 'windows-1252, separated by commas'],
    ['providers-utf8-bom.csv', {}, 'utf-8 (BOM), separated by commas'],
    ['providers-utf16.txt', {}, 'utf-16le, separated by tabs'],
    ['providers-semicolon.csv', {}, 'utf-8, separated by semicolons'],
    ['providers.xlsx', {}, 'sheet "Providers"'],
  ])('%s: three providers with their names, places and services', async (name, options, detail) => {
    const { db } = sample();
    const before = readProviders(db).length;
    const { preview, result } = await importFile(db, 'providers', name, options);
    expect(preview.detail).toBe(detail);
    expect(preview.mapping).toMatchObject({ id: 'Provider ID', name: 'Provider name', lat: 'Latitude', lon: 'Longitude', status: 'Framework status', services: 'Services' });
    expect(result).toMatchObject({ accepted: 3, rejected: 0, added: 3, updated: 0 });
    const providers = readProviders(db);
    expect(providers).toHaveLength(before + 3);
    const bronte = providers.find((p) => p.id === 'P48')!;
    expect(bronte).toMatchObject({ name: 'Brontë Home Care', cqcId: '1-2345678901', status: 'new-bidder', services: ['home-care', 'chc'] });
    expect(bronte.lat).toBeCloseTo(52.7712, 6);
    expect(bronte.lon).toBeCloseTo(-0.8876, 6);
    expect(providers.find((p) => p.id === 'P49')!.name).toBe('Café Court Care Ltd');
  });

  it('places providers given by British National Grid easting and northing', async () => {
    const { db } = sample();
    await importFile(db, 'providers', 'providers-bng.csv');
    const p = readProviders(db).find((x) => x.id === 'P48')!;
    // 475195 E, 319292 N is -0.887 E, 52.766 N (checked with GDAL's cs2cs).
    expect(p.lon).toBeCloseTo(-0.887, 4);
    expect(p.lat).toBeCloseTo(52.766, 4);
  });

  it('updates providers already in the project', async () => {
    const { db } = sample();
    const file = path.join(tempDir(), 'update.csv');
    fs.writeFileSync(file, 'id,name,lat,lon\r\nP01,Renamed Care,52.7,-1.1\r\n');
    const { result } = await importFile(db, 'providers', file);
    expect(result).toMatchObject({ added: 0, updated: 1 });
    expect(readProviders(db).find((p) => p.id === 'P01')!.name).toBe('Renamed Care');
  });
});

describe('a providers sheet as councils keep it', () => {
  it('takes the name as the id when there is no id column, says so, and reads the providers and their zone contracts in one import', async () => {
    const { db, file } = sample();
    const before = dataFingerprint(file);
    const preview = await previewFile(db, 'providers', 'providers-council-sheet.csv');
    expect(preview.blocked).toBeNull();
    expect(preview.problems).toContainEqual({ severity: 'warning', where: 'file', problem: expect.stringContaining('each provider\'s name (column "provider_name") is its id') });
    expect(preview.problems).toContainEqual({ severity: 'warning', where: 'file', problem: expect.stringMatching(/^the rows hold 2 providers and 3 zone contracts/) });
    expect(preview.mapping).toMatchObject({ id: null, name: 'provider_name', lat: 'lat', lon: 'lon', zone: 'zone', hours: 'weekly_hours_capacity' });
    expect(dataFingerprint(file)).toBe(before); // a preview writes nothing
    const { result } = await importFile(db, 'providers', 'providers-council-sheet.csv');
    expect(result).toMatchObject({ accepted: 3, rejected: 0 });
    const wreake = readProviders(db).find((p) => p.id === 'Wreake Valley Homecare')!;
    expect(wreake).toMatchObject({ name: 'Wreake Valley Homecare', status: 'on-framework' });
    expect(zoneSupply(db, 'Wreake Valley Homecare', 'Z13').committed).toBeCloseTo(120, 6);
    expect(zoneSupply(db, 'Wreake Valley Homecare', 'Z14').committed).toBeCloseTo(40, 6);
    expect(zoneSupply(db, 'Belvoir Carers Cooperative', 'Z14').committed).toBeCloseTo(85.5, 6);
  });

  it('refuses a contract to a zone the plan does not have, naming the row, and needs both zone and hours', async () => {
    const { db } = sample();
    const file = path.join(tempDir(), 'bad-zone.csv');
    fs.writeFileSync(file, 'provider_name,lat,lon,zone,weekly_hours_capacity\nA Care,52.7,-1.1,Z99,10\n');
    const preview = await previewFile(db, 'providers', file);
    expect(preview.problems).toContainEqual({ severity: 'error', where: 'row 2, column "zone"', problem: 'zone "Z99" is not in the plan' });
    const half = path.join(tempDir(), 'half.csv');
    fs.writeFileSync(half, 'provider_name,lat,lon,zone\nA Care,52.7,-1.1,Z01\n');
    expect((await previewFile(db, 'providers', half)).problems).toContainEqual({ severity: 'error', where: 'file', problem: "a provider's contract needs both a zone column and an hours column (no hours column is chosen)" });
  });
});

describe('importing capacity, demand and rates', () => {
  it("spreads zone contracts over the zone's areas of the current plan, keeping every hour", async () => {
    const { db } = sample();
    const already = ['P01/Z01', 'P02/Z01', 'P03/Z02'].filter((k) => zoneSupply(db, k.split('/')[0]!, k.split('/')[1]!).committed > 0).length;
    const delivered = zoneSupply(db, 'P01', 'Z01').rows.reduce((t, r) => t + r.deliveredHours, 0);
    const { result } = await importFile(db, 'capacity', 'capacity.csv');
    // Contracts the plan already held are updates, the others new.
    expect(result).toMatchObject({ updated: already, added: 3 - already });
    const p01 = zoneSupply(db, 'P01', 'Z01');
    expect(p01.committed).toBeCloseTo(1200, 6);
    expect(p01.additional).toBeCloseTo(50, 6);
    expect(p01.rows.length).toBeGreaterThan(1);
    // A contract replaces committed hours, never the care already delivered.
    expect(p01.rows.reduce((t, r) => t + r.deliveredHours, 0)).toBeCloseTo(delivered, 6);
    expect(zoneSupply(db, 'P02', 'Z01').committed).toBeCloseTo(310.5, 6);
    expect(zoneSupply(db, 'P03', 'Z02').committed).toBeCloseTo(75, 6);
  });

  it('lands delivery records as recorded supply, keeping contracted hours where there are some', async () => {
    const { db } = sample();
    const row = (p: string, a: string, s: string) => readSupply(db).find((r) => r.providerId === p && r.areaCode === a && r.service === s);
    const contracted = row('P30', 'E01025883', 'home-care')!.committedHours;
    expect(row('P35', 'E01025884', 'chc')).toBeUndefined();
    const { result } = await importFile(db, 'delivery', 'delivery.csv');
    expect(result).toMatchObject({ accepted: 3, rejected: 0 });
    expect(row('P30', 'E01025883', 'home-care')).toMatchObject({ deliveredHours: 1020, people: 9, basis: 'recorded', committedHours: contracted });
    // No contract in that area: committed to as far as delivered.
    expect(row('P35', 'E01025884', 'chc')).toMatchObject({ deliveredHours: 12, people: 1, committedHours: 12 });
    expect(row('P31', 'E01025883', 'home-care')).toMatchObject({ deliveredHours: 64.5, people: 6, basis: 'recorded' });
    expect(listImports(db)[0]).toMatchObject({ kind: 'delivery', rowsAccepted: 3 });
  });

  it('reads population and 2021 rural-urban classes from an ONS lookup, leaving out areas the project does not have', async () => {
    const { db } = sample();
    const { preview, result } = await importFile(db, 'lookup', 'lookup-ruc21.csv');
    expect(preview.mapping).toMatchObject({ area: 'LSOA11CD', population: 'pop', ruc: 'RUC21CD' });
    expect(result).toMatchObject({ accepted: 3, rejected: 0 });
    expect(preview.problems.map((p) => p.problem).join('\n')).toMatch(/1 row is for areas this project does not have \(for example E01000001\) and was left out/);
    expect(preview.problems.map((p) => p.problem).join('\n')).toMatch(/393 of the project's areas are not in the file and keep what they had/);
    const area = (code: string) => readAreas(db).find((a) => a.code === code)!;
    expect(area('E01025883')).toMatchObject({ population: 1700, ruc: 'RSN1' });
    expect(area('E01025884')).toMatchObject({ population: 1665, ruc: 'UN1' });
    expect(area('E01025885').ruc).toBe('RLF1');
  });

  it('rejects a rural-urban code of neither classification, naming the row', async () => {
    const { db, file } = sample();
    const before = dataFingerprint(file);
    const error = (await importFile(db, 'lookup', 'bad-lookup-ruc.csv').catch((e: unknown) => e)) as { lines: string[] };
    expect(error.lines).toContain('bad-lookup-ruc.csv: row 3, column "RUC11CD": "Z9" is not a rural-urban class code of 2011 (A1–E2) or 2021 (UN1, UF1, RSN1, RSF1, RLN1, RLF1)');
    expect(dataFingerprint(file)).toBe(before);
  });

  it('reads demand per area by service, and shares zone demand among its areas by population', async () => {
    const { db } = sample();
    const { result } = await importFile(db, 'demand', 'demand-by-area.csv');
    // The sample holds modelled demand for these areas, so at least their home-care rows are updates.
    expect(result!.added + result!.updated).toBe(3);
    expect(result!.updated).toBeGreaterThan(0);
    const demand = readDemand(db);
    expect(demand.find((d) => d.areaCode === 'E01025883' && d.service === 'chc')).toMatchObject({ hours: 40, people: 2 });
    expect(demand.find((d) => d.areaCode === 'E01025884' && d.service === 'home-care')).toMatchObject({ hours: 1015.5, people: 70 });
    const { preview } = await importFile(db, 'demand', 'demand-by-zone.csv');
    expect(preview.plan).not.toBeNull();
    const z01 = db.prepare("SELECT sum(d.hours) AS hours FROM demand d JOIN assignments a ON a.area_code = d.area_code WHERE a.zone_id = 'Z01' AND d.service = 'home-care' AND a.plan_id = ?").get(currentPlanId(db)) as { hours: number };
    expect(z01.hours).toBeCloseTo(1000, 6);
  });

  it('reads rates with pound signs and shares as percentages, adding and updating bands', async () => {
    const { db } = sample();
    const { result } = await importFile(db, 'rates', 'rates.csv');
    expect(result).toMatchObject({ added: 1, updated: 1 });
    const bands = readBands(db);
    expect(bands.find((b) => b.id === 'urban')).toMatchObject({ hourlyRate: 25.1, floor: 23, ceiling: 27, minRuralShare: 0 });
    expect(bands.find((b) => b.id === 'remote')).toMatchObject({ name: 'Remote rural', hourlyRate: 31.4, minRuralShare: 0.75 });
  });

  it('checks a band as a whole: a floor above the rate is named with its column', async () => {
    const { db } = sample();
    const file = path.join(tempDir(), 'rates.csv');
    fs.writeFileSync(file, 'Band,Hourly rate,Floor\r\nurban,£20.00,£22.00\r\n');
    const error = (await importFile(db, 'rates', file).catch((e: unknown) => e)) as { lines: string[] };
    expect(error.lines).toContain('rates.csv: row 2, column "Floor": Floor (£): the floor must not be above the hourly rate');
  });

  it('keeps the column mapping a user chose and offers it for the next file with those columns', async () => {
    const { db } = sample();
    const file = path.join(tempDir(), 'odd.csv');
    fs.writeFileSync(file, 'Supplier,Patch,Wk hrs\r\nP01,Z02,40\r\n');
    const guessed = await previewFile(db, 'capacity', file);
    expect(guessed.blocked).toMatch(/no column is chosen for "Provider id"/);
    const mapping = { provider: 'Supplier', zone: 'Patch', hours: 'Wk hrs' };
    await importFile(db, 'capacity', file, { mapping });
    expect(readMapping(db, 'capacity')).toMatchObject(mapping);
    const next = await previewFile(db, 'capacity', file);
    expect(next).toMatchObject({ mapping: { ...mapping, additionalHours: null }, blocked: null, accepted: 1 });
  });

  it.each([
    ['capacity', 'bad-capacity-no-hours.csv', ['file: no column is chosen for "Contracted hours a week" (required); the columns are "Provider", "Zone", "Notes"']],
    [
      'capacity',
      'bad-capacity-rows.csv',
      [
        'row 3, column "Hours": "twelve" is not a number',
        'row 4, column "Hours": -5 is negative',
        'row 5, column "Provider": provider "P99" is not in the project (import the providers first)',
        'row 6, column "Zone": zone "Z99" is not in the plan',
        'row 7: provider P01 in zone Z01 appears again (first on row 2)',
      ],
    ],
    ['demand', 'bad-demand-unknown-area.csv', ['row 3, column "LSOA11CD": area "E09999999" is not in the project']],
  ] as const)('%s from %s is rejected row by row, and the project is unchanged', async (kind, name, lines) => {
    const { db, file } = sample();
    const before = dataFingerprint(file);
    const error = (await importFile(db, kind, name).catch((e: unknown) => e)) as { lines: string[] };
    for (const line of lines) expect(error.lines).toContain(`${name}: ${line}`);
    expect(dataFingerprint(file)).toBe(before);
    expect(listImports(db)).toEqual([]);
  });

  it('refuses a file that changed after its preview', async () => {
    const { db } = sample();
    const file = path.join(tempDir(), 'cap.csv');
    fs.writeFileSync(file, 'Provider,Zone,Hours\r\nP01,Z01,10\r\n');
    const preview = await previewFile(db, 'capacity', file);
    fs.writeFileSync(file, 'Provider,Zone,Hours\r\nP01,Z01,9999\r\n');
    await expect(importFile(db, 'capacity', file, { expectSha256: preview.sha256 })).rejects.toThrow(/has changed since it was previewed/);
  });

  it('tells an old .xls and a missing file apart from a bad table', async () => {
    const { db } = sample();
    const xls = path.join(tempDir(), 'old.xls');
    fs.writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(previewFile(db, 'providers', xls)).rejects.toThrow(/old.xls: this is an old-style Excel .xls file/);
    await expect(previewFile(db, 'providers', '/nonexistent/providers.csv')).rejects.toThrow(/providers.csv: there is no such file/);
  });
});
