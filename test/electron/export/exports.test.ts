import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { booleanValid } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExportRequestSchema, type ExportRequestInput } from '../../../shared/export/request';
import { signedArea } from '../../../shared/geo/borders';
import { createServices, type Services } from '../../../electron/services';
import { produceExport } from '../../../electron/export/service';
import { GPKG_APPLICATION_ID } from '../../../electron/store/geopackage';
import { repoRoot, tempDir } from '../../helpers/temp';

let services: Services;
const resultsDir = path.join(repoRoot, 'test-results');

const run = (input: Partial<ExportRequestInput> & Pick<ExportRequestInput, 'kind' | 'format'>) =>
  produceExport(services, ExportRequestSchema.parse({ date: '2026-11-22', ...input }));

async function pdfText(bytes: Buffer): Promise<{ pages: number; width: number; height: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const page = await doc.getPage(1);
  const [, , width, height] = page.view as number[];
  const content = await page.getTextContent();
  const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
  return { pages: doc.numPages, width: width!, height: height!, text };
}

beforeAll(() => {
  const dir = tempDir('carecover-export-');
  services = createServices({ host: 'web', userData: dir });
  services.session.create(path.join(dir, 'Leicestershire sample.carecover'), 'default');
  fs.mkdirSync(resultsDir, { recursive: true });
});

describe('map exports', () => {
  it('PDF: one A4 landscape page whose text has the title, the legend classes and the attribution', async () => {
    const file = await run({ kind: 'map', format: 'pdf', title: 'Home care coverage, autumn review' });
    fs.writeFileSync(path.join(resultsDir, 'export-a4-landscape.pdf'), file.bytes);
    const pdf = await pdfText(file.bytes);
    expect(pdf.pages).toBe(1);
    expect(pdf.width).toBeCloseTo(841.89, 0);
    expect(pdf.height).toBeCloseTo(595.28, 0);
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Home care coverage, autumn review');
    for (const label of ['Red: coverage below 90%', 'Amber: 90% to under 100%', 'Covered: 100% or more']) expect(text).toContain(label);
    expect(text).toContain('Contains OS data © Crown copyright');
    expect(text).toContain('SAMPLE DATA');
    expect(text).toMatch(/Data as of 2019-06-30/);
  });

  it('SVG: parses, one path per zone, plus legend, scale bar and north arrow; identical bytes twice', async () => {
    const first = await run({ kind: 'map', format: 'svg' });
    const second = await run({ kind: 'map', format: 'svg' });
    expect(first.bytes.equals(second.bytes)).toBe(true);
    fs.writeFileSync(path.join(resultsDir, 'export-a4-landscape.svg'), first.bytes);
    const svg = first.bytes.toString('utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg);
    const paths: { class?: string }[] = [];
    const groups: { class?: string }[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'path') (Array.isArray(value) ? value : [value]).forEach((p) => paths.push(p as { class?: string }));
        if (key === 'g') (Array.isArray(value) ? value : [value]).forEach((g) => groups.push(g as { class?: string }));
        walk(value);
      }
    };
    walk(doc);
    const zones = services.coverage.metrics().metrics.zones.length;
    expect(paths.filter((p) => p.class === 'zone')).toHaveLength(zones);
    for (const name of ['legend', 'scale-bar', 'north-arrow', 'key-figures']) expect(groups.some((g) => g.class === name), name).toBe(true);
  });

  it('PNG: the pixel size of the paper at the chosen resolution', async () => {
    for (const [dpi, paper, orientation, width, height] of [
      [300, 'a4', 'landscape', 3508, 2480],
      [150, 'a3', 'portrait', 1754, 2480],
    ] as const) {
      const file = await run({ kind: 'map', format: 'png', dpi, paper, orientation });
      expect(file.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([file.bytes.readUInt32BE(16), file.bytes.readUInt32BE(20)]).toEqual([width, height]);
      if (dpi === 300) fs.writeFileSync(path.join(resultsDir, 'export-a4-landscape-300dpi.png'), file.bytes);
    }
  });

  it('can show a withdrawal result as the map', async () => {
    const file = await run({ kind: 'map', format: 'svg', withdrawal: true, providerId: 'P32' });
    expect(file.bytes.toString('utf8')).toContain('After Belvoir Care at Home withdraws');
  });
});

describe('table exports', () => {
  it('CSV: UTF-8 with a BOM, CRLF, and the numbers round-trip', async () => {
    const file = await run({ kind: 'table', format: 'csv', suppressSmallNumbers: false });
    const text = file.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const zones = services.coverage.metrics().metrics.zones;
    expect(lines).toHaveLength(zones.length + 1);
    const first = lines[1]!.split(',');
    const zone = zones[0]!;
    expect(Number(first[header.indexOf('Demand (hours a week)')])).toBeCloseTo(zone.demandHours, 1);
    expect(Number(first[header.indexOf('Coverage')])).toBeCloseTo(zone.coverage!, 4);
    expect(Number(first[header.indexOf('Annual cost (£)')])).toBeCloseTo(zone.annualCost, 0);
    expect(header).toContain('Annual cost (£)');
  });

  it('XLSX: headers, number formats, a notes sheet with attributions and thresholds; numbers round-trip', async () => {
    const file = await run({ kind: 'table', format: 'xlsx', suppressSmallNumbers: false });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Zones')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Coverage');
    const zones = services.coverage.metrics().metrics.zones;
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(col('Demand (hours a week)')).value).toBeCloseTo(zones[0]!.demandHours, 1);
    expect(sheet.getRow(2).getCell(col('Coverage')).numFmt).toBe('0.0%');
    const notes = workbook.getWorksheet('Notes')!;
    const noteText = notes.getColumn(1).values.join('\n');
    expect(noteText).toMatch(/Red: coverage below 90%/);
    expect(noteText).toMatch(/Contains OS data/);
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const evil = '=HYPERLINK("http://example.com","click")';
    services.session.write((db) => db.prepare("UPDATE zones SET name = ? WHERE id = 'Z01'").run(evil));
    try {
      const csv = (await run({ kind: 'table', format: 'csv' })).bytes.toString('utf8');
      expect(csv).toContain(`"'=HYPERLINK(""http://example.com"",""click"")"`);
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await run({ kind: 'table', format: 'xlsx' })).bytes as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Zones')!;
      const cells: ExcelJS.Cell[] = [];
      sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
      const cell = cells.find((c) => String(c.value).includes('HYPERLINK'))!;
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(String(cell.value).startsWith("'=")).toBe(true);
    } finally {
      services.session.write((db) => db.prepare("UPDATE zones SET name = 'Loughborough' WHERE id = 'Z01'").run());
    }
  });

  it('small-number care: zones with few people are published as "<N", with one more hidden as "*"', async () => {
    // The two zones with fewest people (Vale of Belvoir and East Leicestershire Villages, about 38 and 39):
    // a threshold above both hides both (no secondary needed); one between them hides the fewest, and the next with it.
    const zones = [...services.coverage.metrics().metrics.zones].sort((a, b) => a.people - b.people);
    const [fewest, next, third] = zones as [(typeof zones)[0], (typeof zones)[0], (typeof zones)[0]];
    const between = (a: number, b: number) => Math.floor(a) + 1 <= b ? Math.floor(a) + 1 : NaN;
    const both = between(next.people, third.people);
    const csv = (await run({ kind: 'table', format: 'csv', smallNumberThreshold: both })).bytes.toString('utf8');
    const line = (text: string, name: string) => text.split('\r\n').find((l) => l.includes(name))!;
    expect(line(csv, fewest.name)).toContain(`<${both}`);
    expect(line(csv, next.name)).toContain(`<${both}`);
    expect(csv).not.toContain(',*');
    const one = between(fewest.people, next.people);
    const single = (await run({ kind: 'table', format: 'csv', smallNumberThreshold: one })).bytes.toString('utf8');
    expect(line(single, fewest.name)).toContain(`<${one}`);
    expect(line(single, next.name)).toContain(',*');
    const areas = JSON.parse((await run({ kind: 'areas', format: 'geojson' })).bytes.toString('utf8')) as { features: { properties: Record<string, unknown> }[] };
    const hidden = areas.features.filter((f) => f.properties.people === '<5');
    const people = new Map<string, number>();
    for (const d of services.coverage.inputs().demand) if (d.service !== 'live-in') people.set(d.areaCode, (people.get(d.areaCode) ?? 0) + d.people);
    const small = [...people.values()].filter((n) => n > 0 && n < 5).length;
    expect(small).toBeGreaterThan(50); // many LSOAs hold fewer than 5 people in care
    expect(hidden).toHaveLength(small);
    expect(hidden.every((f) => f.properties.demand_hours === '<5')).toBe(true);
    expect(areas.features.some((f) => f.properties.people === '*')).toBe(true);
  });

  it('contingency and withdrawal tables', async () => {
    const contingency = (await run({ kind: 'table', format: 'csv', table: 'contingency', zoneId: 'Z14' })).bytes.toString('utf8');
    expect(contingency.split('\r\n')[0]).toContain('Share of gap closed');
    const withdrawal = (await run({ kind: 'table', format: 'csv', table: 'withdrawal', providerId: 'P32' })).bytes.toString('utf8');
    expect(withdrawal.split('\r\n').length).toBeGreaterThan(10);
  });
});

describe('GIS exports', () => {
  it('GeoJSON zones and areas pass a validity check, follow the right-hand rule and carry the metrics', async () => {
    for (const kind of ['zones', 'areas'] as const) {
      const text = (await run({ kind, format: 'geojson' })).bytes.toString('utf8');
      const collection = checkGeoJson(text) as unknown as { features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[][][] | number[][][][] } }[] };
      expect(JSON.parse(text).crs).toBeUndefined();
      for (const feature of collection.features) {
        // Zones are our own dissolve and must be strictly valid; areas are published boundaries as they are
        // (a few real LSOAs have self-touching rings, which turf's strict checker rejects).
        if (kind === 'zones') expect(booleanValid(feature.geometry as never)).toBe(true);
        const polygons = (feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates) as number[][][][];
        for (const rings of polygons) rings.forEach((ring, i) => expect(signedArea(ring) > 0).toBe(i === 0));
      }
      if (kind === 'zones') {
        expect(collection.features).toHaveLength(14);
        expect(collection.features[0]!.properties).toHaveProperty('coverage');
      } else expect(collection.features).toHaveLength(396);
    }
  });

  it('GeoPackage passes the core table checks when read back with SQLite', async () => {
    const file = path.join(tempDir(), 'zones.gpkg');
    fs.writeFileSync(file, (await run({ kind: 'zones', format: 'gpkg' })).bytes);
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('application_id', { simple: true })).toBe(GPKG_APPLICATION_ID);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const srs = (db.prepare('SELECT srs_id FROM gpkg_spatial_ref_sys ORDER BY srs_id').all() as { srs_id: number }[]).map((r) => r.srs_id);
      expect(srs).toEqual([-1, 0, 4326]);
      expect(db.prepare('SELECT table_name, data_type, srs_id FROM gpkg_contents').all()).toEqual([{ table_name: 'zones', data_type: 'features', srs_id: 4326 }]);
      expect(db.prepare('SELECT table_name, column_name, geometry_type_name, srs_id, z, m FROM gpkg_geometry_columns').all()).toEqual([
        { table_name: 'zones', column_name: 'geom', geometry_type_name: 'MULTIPOLYGON', srs_id: 4326, z: 0, m: 0 },
      ]);
      const rows = db.prepare('SELECT geom, zone_id, coverage FROM zones').all() as { geom: Buffer; zone_id: string; coverage: number }[];
      expect(rows).toHaveLength(14);
      for (const row of rows) {
        expect(row.geom.subarray(0, 2).toString('latin1')).toBe('GP');
        expect(row.geom.readInt32LE(4)).toBe(4326);
        expect(row.geom.readUInt8(40)).toBe(1); // little-endian WKB
        expect(row.geom.readUInt32LE(41)).toBe(6); // MultiPolygon
      }
    } finally {
      db.close();
    }
    const ogrinfo = spawnSync('ogrinfo', ['-ro', '-so', file], { encoding: 'utf8' });
    if (ogrinfo.error) console.log('GeoPackage: GDAL ogrinfo is not installed; its check was skipped.');
    else expect(ogrinfo.stdout).toMatch(/zones \(Multi Polygon\)/);
  });
});
