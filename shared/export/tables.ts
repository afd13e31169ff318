import type { Contingency, PlanMetrics, WithdrawalResult } from '../coverage/schemas';

/** How a column's numbers are written: spreadsheets get the number and a format, CSV the plain number. */
export type ColumnKind = 'text' | 'hours' | 'count' | 'percent' | 'money' | 'km';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
}

export type Cell = string | number | null;

export interface Table {
  name: string;
  columns: Column[];
  rows: Record<string, Cell>[];
}

export interface TableOptions {
  /** Demand and package counts below this are written as "<N"; null turns small-number care off. */
  smallNumberThreshold: number | null;
}

const round = (x: number | null, places: number) => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

/** A count that might identify people: below the threshold it is published only as "<N". */
export function careful(value: number, options: TableOptions, places = 1): Cell {
  if (options.smallNumberThreshold !== null && value > 0 && value < options.smallNumberThreshold) return `<${options.smallNumberThreshold}`;
  return round(value, places);
}

export function zoneTable(metrics: PlanMetrics, options: TableOptions): Table {
  return {
    name: 'Zones',
    columns: [
      { key: 'zone_id', label: 'Zone ID', kind: 'text' },
      { key: 'zone_name', label: 'Zone', kind: 'text' },
      { key: 'class', label: 'Coverage class', kind: 'text' },
      { key: 'flags', label: 'Flags', kind: 'text' },
      { key: 'band', label: 'Rate band', kind: 'text' },
      { key: 'hourly_rate', label: 'Hourly rate (£)', kind: 'money' },
      { key: 'demand_hours', label: 'Demand (hours a week)', kind: 'hours' },
      { key: 'packages', label: 'Care packages', kind: 'count' },
      { key: 'capacity_hours', label: 'Contracted (hours a week)', kind: 'hours' },
      { key: 'coverage', label: 'Coverage', kind: 'percent' },
      { key: 'n1_coverage', label: 'Coverage without largest provider', kind: 'percent' },
      { key: 'providers', label: 'Providers', kind: 'count' },
      { key: 'shortfall_hours', label: 'Short (hours a week)', kind: 'hours' },
      { key: 'annual_cost', label: 'Annual cost (£)', kind: 'money' },
    ],
    rows: metrics.zones.map((z) => ({
      zone_id: z.zoneId,
      zone_name: z.name,
      class: z.coverageClass,
      flags: z.flags.join(' '),
      band: z.bandName,
      hourly_rate: z.hourlyRate,
      demand_hours: careful(z.demandHours, options),
      packages: careful(z.packages, options, 0),
      capacity_hours: round(z.contractedHours, 1),
      coverage: round(z.coverage, 4),
      n1_coverage: round(z.n1Coverage, 4),
      providers: z.providerCount,
      shortfall_hours: careful(z.shortfallHours, options),
      annual_cost: round(z.annualCost, 0),
    })),
  };
}

export function contingencyTable(contingency: Contingency): Table {
  return {
    name: `Contingency ${contingency.zoneId}`,
    columns: [
      { key: 'rank', label: 'Rank', kind: 'count' },
      { key: 'provider_id', label: 'Provider ID', kind: 'text' },
      { key: 'provider', label: 'Provider', kind: 'text' },
      { key: 'status', label: 'Framework status', kind: 'text' },
      { key: 'from_zone', label: 'From zone', kind: 'text' },
      { key: 'distance_km', label: 'Distance (km)', kind: 'km' },
      { key: 'spare_hours', label: 'Spare (hours a week)', kind: 'hours' },
      { key: 'gap_share', label: 'Share of gap closed', kind: 'percent' },
    ],
    rows: contingency.candidates.map((c, i) => ({
      rank: i + 1,
      provider_id: c.providerId,
      provider: c.providerName,
      status: c.status,
      from_zone: c.inZone ? `${c.fromZoneName} (this zone)` : c.fromZoneName,
      distance_km: round(c.distanceKm, 2),
      spare_hours: round(c.spareHours, 1),
      gap_share: round(c.gapShare, 4),
    })),
  };
}

export function withdrawalTable(result: WithdrawalResult, options: TableOptions): Table {
  return {
    name: `Withdrawal ${result.providerId}`,
    columns: [
      { key: 'zone_id', label: 'Zone ID', kind: 'text' },
      { key: 'zone_name', label: 'Zone', kind: 'text' },
      { key: 'coverage_before', label: 'Coverage before', kind: 'percent' },
      { key: 'coverage_after', label: 'Coverage after', kind: 'percent' },
      { key: 'class_after', label: 'Class after', kind: 'text' },
      { key: 'lost_hours', label: 'Hours lost', kind: 'hours' },
      { key: 'reallocated_hours', label: 'Hours reallocated', kind: 'hours' },
      { key: 'unmet_hours', label: 'Hours unmet', kind: 'hours' },
      { key: 'newly_flagged', label: 'Newly flagged', kind: 'text' },
      { key: 'from', label: 'Taken on by', kind: 'text' },
    ],
    rows: result.zones.map((z) => ({
      zone_id: z.zoneId,
      zone_name: z.name,
      coverage_before: round(z.before.coverage, 4),
      coverage_after: round(z.after.coverage, 4),
      class_after: z.after.coverageClass,
      lost_hours: round(z.lostHours, 1),
      reallocated_hours: round(z.receivedHours, 1),
      unmet_hours: careful(z.unmetHours, options),
      newly_flagged: z.newlyFlagged ? 'yes' : 'no',
      from: z.transfers.map((t) => `${t.providerName} (${Math.round(t.hours)} h)`).join('; '),
    })),
  };
}

/**
 * Text that a spreadsheet would read as a formula (=, +, -, @, or a leading tab
 * or carriage return) gets a leading apostrophe, so "=HYPERLINK(…)" stays text.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: quoted when it must be, and text that a spreadsheet would run as a formula defused. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell) : neutralise(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV as Excel opens it: UTF-8 with a byte-order mark (so "£" survives), CRLF line ends. */
export function toCsv(table: Table): string {
  const lines = [table.columns.map((c) => csvField(c.label)).join(','), ...table.rows.map((row) => table.columns.map((c) => csvField(row[c.key] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
