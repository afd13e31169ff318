/** Plans exchanged as area→zone CSV, as redistricting tools do: area_code,zone_id,zone_name. */

export function planToCsv(rows: { areaCode: string; zoneId: string; zoneName: string }[]): string {
  const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : /^[=+\-@]/.test(text) ? `'${text}` : text);
  return ['area_code,zone_id,zone_name', ...rows.map((r) => [r.areaCode, r.zoneId, r.zoneName].map(field).join(','))].join('\n') + '\n';
}

export interface PlanCsvRow {
  line: number;
  areaCode: string;
  zoneId: string;
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Reads a plan CSV; problems name the line and the column. */
export function parsePlanCsv(text: string): { rows: PlanCsvRow[]; problems: string[] } {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '').map((h) => h.trim().toLowerCase());
  const areaColumn = header.indexOf('area_code');
  const zoneColumn = header.indexOf('zone_id');
  if (areaColumn < 0 || zoneColumn < 0) return { rows: [], problems: ['line 1: the header must name the columns area_code and zone_id'] };
  const rows: PlanCsvRow[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (!raw.trim()) return;
    const cells = splitCsvLine(raw);
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
