import { describe, expect, it } from 'vitest';
import { parsePlanCsv, planToCsv } from '../../../shared/plan/plan-csv';

describe('planToCsv', () => {
  it('writes area_code,zone_id,zone_name, quoting commas and defusing a name a spreadsheet would run', () => {
    const csv = planToCsv([
      { areaCode: 'E01025885', zoneId: 'Z1', zoneName: 'Melton, North' },
      { areaCode: 'E01025886', zoneId: 'Z2', zoneName: '=HYPERLINK("http://x")' },
    ]);
    expect(csv).toBe('area_code,zone_id,zone_name\nE01025885,Z1,"Melton, North"\nE01025886,Z2,"\'=HYPERLINK(""http://x"")"\n');
  });
});

describe('parsePlanCsv', () => {
  it('finds its columns by name in any case and order, skipping blank rows', () => {
    const { rows, problems } = parsePlanCsv(['Zone_ID', 'notes', ' AREA_CODE '], [['Z1', 'x', 'A1'], ['', '', ''], [' Z2 ', '', ' A2 ']]);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, areaCode: 'A1', zoneId: 'Z1' },
      { line: 4, areaCode: 'A2', zoneId: 'Z2' },
    ]);
  });

  it('names the line and column of each problem, and a header without the columns', () => {
    const { rows, problems } = parsePlanCsv(['area_code', 'zone_id'], [['A1', 'Z1'], ['', 'Z1'], ['A2', ''], ['A1', 'Z2']]);
    expect(rows.map((r) => r.areaCode)).toEqual(['A1']);
    expect(problems).toEqual(['line 3, area_code: empty', 'line 4, zone_id: empty for area A2', 'line 5, area_code: A1 already given on line 2']);
    expect(parsePlanCsv(['area', 'zone'], [['A1', 'Z1']]).problems).toEqual(['line 1: the header must name the columns area_code and zone_id']);
  });
});
