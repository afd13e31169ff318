import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { repoRoot } from '../../helpers/temp';
import { carecover, initProjectForBlock } from '../../helpers/cli';

describe('carecover snapshot, trend, timeline, transition and the update report', () => {
  const { file, dir } = initProjectForBlock('time');

  it('prints a trend row per month and zone, and one zone alone', () => {
    const all = carecover(['trend', '--project', file]).stdout.trim().split('\n');
    expect(all[0]).toBe('month,zone_id,coverage,unsourced_hours,people_waiting,handbacks');
    expect(all).toHaveLength(1 + 18 * 15);
    const z12 = carecover(['trend', '--project', file, '--zone', 'Z12', '--format', 'json']);
    const json = JSON.parse(z12.stdout) as { rows: { month: string; zone_id: string; coverage: number }[] };
    expect(json.rows).toHaveLength(18);
    expect(json.rows.every((r) => r.zone_id === 'Z12')).toBe(true);
    expect(carecover(['trend', '--project', file, '--zone', 'Z99'])).toMatchObject({ code: 2 });
  });

  it('imports a month, lists the months, and refuses a bad month', () => {
    const imported = carecover(['snapshot', 'import', path.join(repoRoot, 'test', 'fixtures', 'import', 'returns-2026-11.csv'), '--month', '2026-11', '--project', file]);
    expect(imported.code, imported.stderr).toBe(0);
    const list = JSON.parse(carecover(['snapshot', 'list', '--project', file, '--format', 'json']).stdout) as { month: string; source: string; fileName: string | null }[];
    expect(list.find((s) => s.month === '2026-11')).toMatchObject({ source: 'returns', fileName: 'returns-2026-11.csv' });
    expect(carecover(['snapshot', 'import', path.join(repoRoot, 'test', 'fixtures', 'import', 'returns-2026-11.csv'), '--month', '2026-13', '--project', file])).toMatchObject({ code: 2 });
    expect(carecover(['snapshot', 'save', '--project', file])).toMatchObject({ code: 2 });
  });

  it('prints the timeline and a transition whose rows add up', () => {
    const timeline = JSON.parse(carecover(['timeline', '--project', file, '--format', 'json']).stdout) as { reopenings: string[]; events: { kind: string; providerId: string | null }[] };
    expect(timeline.reopenings).toEqual(['2027-04-01', '2031-04-01']);
    expect(timeline.events.some((e) => e.kind === 'join' && e.providerId === 'P41')).toBe(true);
    const t = JSON.parse(carecover(['transition', '--project', file, '--provider', 'P43', '--format', 'json']).stdout) as { totals: { withProvider: number; moved: number; extensionOrSpot: number }[] };
    for (const x of t.totals) expect(x.moved + x.extensionOrSpot).toBeCloseTo(x.withProvider, 6);
    const csv = carecover(['transition', '--project', file, '--provider', 'P43']);
    expect(csv.stdout.split('\n')[0]).toBe('zone_id,zone_name,lot,unit,with_provider,people,moved,extension_or_spot,by,until,taken_on_by');
    expect(csv.stderr).toMatch(/^Gateway Care Ltd holds/);
  });

  it('exports the update report as a workbook and refuses months it does not hold', async () => {
    const out = path.join(dir, 'update.xlsx');
    const result = carecover(['export', 'update-report', '--project', file, '--from', '2026-10', '--to', '2027-06', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Headline', 'Trend', 'Zones', 'Events', 'Transition', 'Re-opening brief', 'Notes']);
    expect(workbook.getWorksheet('Trend')!.rowCount).toBe(1 + 9);
    const missing = carecover(['export', 'update-report', '--project', file, '--from', '2024-01', '--to', '2027-06', '--out', path.join(dir, 'x.pdf')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/holds no returns for 2024-01/);
    expect(carecover(['export', 'update-report', '--project', file, '--out', path.join(dir, 'y.pdf')]).stderr).toMatch(/needs the months it runs from and to/);
  });
});
