/** Plans exchanged as area→zone CSV, as redistricting tools do: area_code,zone_id,zone_name. */
import { csvField } from '../export/tables';

export function planToCsv(rows: { areaCode: string; zoneId: string; zoneName: string }[]): string {
  return ['area_code,zone_id,zone_name', ...rows.map((r) => [r.areaCode, r.zoneId, r.zoneName].map(csvField).join(','))].join('\n') + '\n';
}

export interface PlanCsvRow {
  line: number;
  areaCode: string;
  zoneId: string;
}

/** Reads a plan CSV already split into cells (the header, then one row a line); problems name the line and the column. */
export function parsePlanCsv(headerCells: readonly string[], body: readonly (readonly string[])[]): { rows: PlanCsvRow[]; problems: string[] } {
  const header = headerCells.map((h) => h.trim().toLowerCase());
  const areaColumn = header.indexOf('area_code');
  const zoneColumn = header.indexOf('zone_id');
  if (areaColumn < 0 || zoneColumn < 0) return { rows: [], problems: ['line 1: the header must name the columns area_code and zone_id'] };
  const rows: PlanCsvRow[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const areaCode = (cells[areaColumn] ?? '').trim();
    const zoneId = (cells[zoneColumn] ?? '').trim();
    if (!areaCode) return problems.push(`line ${line}, area_code: empty`);
    if (!zoneId) return problems.push(`line ${line}, zone_id: empty for area ${areaCode}`);
    if (seen.has(areaCode)) return problems.push(`line ${line}, area_code: ${areaCode} already given on line ${seen.get(areaCode)}`);
    seen.set(areaCode, line);
    rows.push({ line, areaCode, zoneId });
  });
  return { rows, problems };
}
