import { describe, expect, it } from 'vitest';
import { readAssignments, readAreas } from '../../../electron/store/model-data';
import { currentPlanId } from '../../../electron/store/plans';
import { listSnapshots, readSnapshotRows } from '../../../electron/store/snapshots';
import { listImports } from '../../../electron/store/imports';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { importFile, previewFile, project } from './import-helpers';

const sample = () => project('default');
const month = (db: Parameters<typeof readSnapshotRows>[0], m: string) => readSnapshotRows(db).find((s) => s.month === m)!.rows;

describe('importing monthly returns', () => {
  it.each([
    ['returns-2026-11.csv', 'utf-8, separated by commas'],
    ['returns.xlsx', 'sheet "November"'],
  ])('%s, a month without a month column: providers\' hours and the waiting list land as that month\'s snapshot', async (name, detail) => {
    const { db } = sample();
    const { preview, result } = await importFile(db, 'returns', name, { month: '2026-11' });
    expect(preview.detail).toBe(detail);
    expect(preview.mapping).toMatchObject({ provider: 'Provider', area: 'LSOA11CD', committed: 'Committed hours', delivered: 'Delivered hours', unsourced: 'Unsourced hours', waiting: 'People waiting', handbacks: 'Packages handed back' });
    // November 2026 is one of the sample's months: its snapshot is replaced by the return.
    expect(result).toMatchObject({ accepted: 5, rejected: 0, updated: 5 });
    const november = listSnapshots(db).find((s) => s.month === '2026-11')!;
    expect(november).toMatchObject({ source: 'returns', fileName: name, rows: 5 });
    expect(november.sha256).toMatch(/^[0-9a-f]{64}$/);
    const rows = month(db, '2026-11');
    expect(rows.find((r) => r.providerId === 'P30')).toMatchObject({ areaCode: 'E01025883', service: 'home-care', committed: 1100, delivered: 1020, handbacks: 2 });
    expect(rows.find((r) => r.providerId === '' && r.service === 'chc')).toMatchObject({ areaCode: 'E01025884', unsourced: 4.5, waiting: 1 });
    // The other seventeen months are untouched, and the import is logged.
    expect(listSnapshots(db).filter((s) => s.source === 'sample')).toHaveLength(17);
    expect(listImports(db)[0]).toMatchObject({ kind: 'returns', rowsAccepted: 5 });
  });

  it('reads a long file with a month column, and shares zone rows among the zone\'s areas by population', async () => {
    const { db } = sample();
    const { result } = await importFile(db, 'returns', 'returns-by-zone.csv');
    expect(result).toMatchObject({ accepted: 4, rejected: 0 });
    const zoneAreas = [...readAssignments(db, currentPlanId(db)!)].filter(([, z]) => z === 'Z01').map(([code]) => code);
    const population = new Map(readAreas(db).map((a) => [a.code, a.population]));
    const people = zoneAreas.reduce((n, c) => n + population.get(c)!, 0);
    for (const [m, delivered, unsourced, handbacks] of [['2026-11', 380, 60, 0], ['2026-12', 350, 90, 3]] as const) {
      const rows = month(db, m);
      expect(new Set(rows.map((r) => r.areaCode))).toEqual(new Set(zoneAreas));
      expect(rows.filter((r) => r.providerId === 'P01').reduce((n, r) => n + r.delivered, 0)).toBeCloseTo(delivered, 6);
      expect(rows.reduce((n, r) => n + r.unsourced, 0)).toBeCloseTo(unsourced, 6);
      expect(rows.reduce((n, r) => n + r.handbacks, 0)).toBeCloseTo(handbacks, 6);
      const first = rows.find((r) => r.providerId === 'P01' && r.areaCode === zoneAreas[0])!;
      expect(first.delivered).toBeCloseTo((delivered * population.get(zoneAreas[0]!)!) / people, 6);
    }
  });

  it('names every bad row and writes nothing', async () => {
    const { db, file } = sample();
    const before = dataFingerprint(file);
    await expect(importFile(db, 'returns', 'bad-returns-rows.csv')).rejects.toThrow(/bad-returns-rows.csv was not imported: 6 problems in the file; fix them or import the 1 good row/);
    const preview = await previewFile(db, 'returns', 'bad-returns-rows.csv');
    expect(preview.problems.map((p) => `${p.where}: ${p.problem}`)).toEqual([
      'row 3, column "Month": "Nov 2026" is not a month (write 2026-04, 04/2026 or a date in the month)',
      'row 4, column "Provider": provider "P99" is not in the project (import the providers first)',
      'row 5, column "LSOA11CD": area "E09999999" is not in the project',
      'row 6, column "Delivered hours": -5 is negative',
      'row 7: provider P30 in area E01025883 (home-care) for 2026-11 appears again (first on row 2)',
      'row 8, column "Service": "Respite" is not a service type (home care, CHC, live-in)',
    ]);
    expect(preview).toMatchObject({ accepted: 1, rejected: 6 });
    expect(dataFingerprint(file)).toBe(before);
  });

  it.each([
    ['bad-returns-no-area.csv', { month: '2026-11' }, /monthly returns need an area code column or a zone id column/],
    ['returns-2026-11.csv', {}, /monthly returns need a month: choose a month column, or give the month of the file/],
  ])('%s %j is refused before any row', async (name, options, message) => {
    const { db, file } = sample();
    const before = dataFingerprint(file);
    const preview = await previewFile(db, 'returns', name, options);
    expect(preview.blocked).toMatch(message);
    await expect(importFile(db, 'returns', name, options)).rejects.toThrow(message);
    expect(dataFingerprint(file)).toBe(before);
  });

  it('takes the good rows and leaves out the bad when asked', async () => {
    const { db } = sample();
    const { result } = await importFile(db, 'returns', 'bad-returns-rows.csv', { skipBad: true });
    expect(result).toMatchObject({ accepted: 1, rejected: 6 });
    expect(month(db, '2026-11')).toHaveLength(1);
  });
});
