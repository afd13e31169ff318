import type { Transition } from '../time/schemas';
import { hiddenText, suppressionPlan } from '../coverage/disclosure';
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
  /** Counts of people below this are published as "<N" (with secondary suppression); null turns small-number care off. */
  smallNumberThreshold: number | null;
}

const round = (x: number | null, places: number): number | null => (x === null ? null : Math.round(x * 10 ** places) / 10 ** places);

/** The zone table's figures that are worked from the people behind them: hidden with the row's count. */
const PEOPLE_DERIVED = ['demand_hours', 'people', 'delivered_hours', 'unsourced_hours', 'coverage', 'n1_coverage', 'shortfall_hours', 'annual_cost', 'council_annual_cost'];

/**
 * Hides the people-derived cells of the rows suppressionPlan picks, in place.
 * Each group's total is taken to be published (zones add up to the plan's total).
 */
export function suppressRows(rows: Record<string, Cell>[], people: readonly number[], groups: readonly (readonly number[])[], columns: readonly string[], options: TableOptions): void {
  const threshold = options.smallNumberThreshold;
  if (threshold === null) return;
  for (const [i, kind] of suppressionPlan(people, threshold, groups)) {
    const row = rows[i]!;
    for (const column of columns) if (column in row) row[column] = hiddenText(kind, threshold);
  }
}

export function zoneTable(metrics: PlanMetrics, options: TableOptions): Table {
  const unit = metrics.totals.unit === 'week' ? 'weeks of care a week' : 'hours a week';
  const rows: Record<string, Cell>[] = metrics.zones.map((z) => ({
    zone_id: z.zoneId,
    zone_name: z.name,
    lot: z.lot,
    class: z.coverageClass,
    flags: z.flags.join(' '),
    band: z.bandName,
    rate: z.rate,
    demand_hours: round(z.demandHours, 1),
    people: round(z.people, 0),
    committed_hours: round(z.committedHours, 1),
    secure_hours: round(z.secureHours, 1),
    at_risk_hours: round(z.atRiskHours, 1),
    spot_hours: round(z.spotHours, 1),
    delivered_hours: round(z.deliveredHours, 1),
    unsourced_hours: round(z.unsourcedHours, 1),
    coverage: round(z.coverage, 4),
    n1_coverage: round(z.n1Coverage, 4),
    providers: z.providerCount,
    shortfall_hours: round(z.shortfallHours, 1),
    basis: z.basis,
    annual_cost: round(z.annualCost, 0),
    council_annual_cost: round(z.councilAnnualCost, 0),
  }));
  suppressRows(rows, metrics.zones.map((z) => z.people), [metrics.zones.map((_, i) => i)], PEOPLE_DERIVED, options);
  return {
    name: 'Zones',
    columns: [
      { key: 'zone_id', label: 'Zone ID', kind: 'text' },
      { key: 'zone_name', label: 'Zone', kind: 'text' },
      { key: 'lot', label: 'Lot', kind: 'text' },
      { key: 'class', label: 'Coverage class', kind: 'text' },
      { key: 'flags', label: 'Flags', kind: 'text' },
      { key: 'band', label: 'Rate band', kind: 'text' },
      { key: 'rate', label: metrics.totals.unit === 'week' ? 'Weekly rate (£)' : 'Hourly rate (£)', kind: 'money' },
      { key: 'demand_hours', label: `Demand (${unit})`, kind: 'hours' },
      { key: 'people', label: 'People', kind: 'count' },
      { key: 'committed_hours', label: `Committed (${unit})`, kind: 'hours' },
      { key: 'secure_hours', label: `Secure (${unit})`, kind: 'hours' },
      { key: 'at_risk_hours', label: `At risk (${unit})`, kind: 'hours' },
      { key: 'spot_hours', label: `Spot (${unit})`, kind: 'hours' },
      { key: 'delivered_hours', label: `Delivered (${unit})`, kind: 'hours' },
      { key: 'unsourced_hours', label: `Unsourced (${unit})`, kind: 'hours' },
      { key: 'coverage', label: 'Coverage', kind: 'percent' },
      { key: 'n1_coverage', label: 'Coverage without largest provider', kind: 'percent' },
      { key: 'providers', label: 'Providers', kind: 'count' },
      { key: 'shortfall_hours', label: `Short (${unit})`, kind: 'hours' },
      { key: 'basis', label: 'Supply basis', kind: 'text' },
      { key: 'annual_cost', label: 'Annual cost (£)', kind: 'money' },
      { key: 'council_annual_cost', label: 'Council-funded annual cost (£)', kind: 'money' },
    ],
    rows,
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
      { key: 'supply', label: 'Supply', kind: 'text' },
      { key: 'closing_set', label: 'In the smallest set that closes the gap', kind: 'text' },
      { key: 'from_zone', label: 'From zones', kind: 'text' },
      { key: 'distance_km', label: 'Distance (km)', kind: 'km' },
      { key: 'spare_hours', label: 'Spare (hours a week)', kind: 'hours' },
      { key: 'gap_share', label: 'Share of gap closed', kind: 'percent' },
    ],
    rows: contingency.candidates.map((c, i) => ({
      rank: i + 1,
      provider_id: c.providerId,
      provider: c.providerName,
      status: c.status,
      supply: c.supplyClass,
      closing_set: c.inClosingSet ? 'yes' : 'no',
      from_zone: c.fromZones.map((z) => (z.zoneId === contingency.zoneId ? `${z.name} (this zone)` : z.name)).join('; '),
      distance_km: round(c.distanceKm, 2),
      spare_hours: round(c.spareHours, 1),
      gap_share: round(c.gapShare, 4),
    })),
  };
}

export function withdrawalTable(result: WithdrawalResult, options: TableOptions): Table {
  const rows: Record<string, Cell>[] = result.zones.map((z) => ({
    zone_id: z.zoneId,
    zone_name: z.name,
    coverage_before: round(z.before.coverage, 4),
    coverage_after: round(z.after.coverage, 4),
    class_after: z.after.coverageClass,
    lost_hours: round(z.lostHours, 1),
    hours_to_rehome: round(z.hoursToRehome, 1),
    people_affected: round(z.peopleAffected, 0),
    rehomed_hours: round(z.rehomedHours, 1),
    unmet_hours: round(z.unmetHours, 1),
    newly_flagged: z.newlyFlagged ? 'yes' : 'no',
    from: [...new Set(z.transfers.map((t) => t.providerName))]
      .map((name) => `${name} (${Math.round(z.transfers.filter((t) => t.providerName === name).reduce((s, t) => s + t.hours, 0))} h)`)
      .join('; '),
  }));
  suppressRows(rows, result.zones.map((z) => z.peopleAffected), [result.zones.map((_, i) => i)], ['hours_to_rehome', 'people_affected', 'rehomed_hours', 'unmet_hours', 'from'], options);
  return {
    name: `Withdrawal ${result.providerId}`,
    columns: [
      { key: 'zone_id', label: 'Zone ID', kind: 'text' },
      { key: 'zone_name', label: 'Zone', kind: 'text' },
      { key: 'coverage_before', label: 'Coverage before', kind: 'percent' },
      { key: 'coverage_after', label: 'Coverage after', kind: 'percent' },
      { key: 'class_after', label: 'Class after', kind: 'text' },
      { key: 'lost_hours', label: 'Committed hours lost', kind: 'hours' },
      { key: 'hours_to_rehome', label: 'Hours to re-home', kind: 'hours' },
      { key: 'people_affected', label: 'People affected', kind: 'count' },
      { key: 'rehomed_hours', label: 'Hours re-homed', kind: 'hours' },
      { key: 'unmet_hours', label: 'Hours unmet', kind: 'hours' },
      { key: 'newly_flagged', label: 'Newly flagged', kind: 'text' },
      { key: 'from', label: 'Taken on by', kind: 'text' },
    ],
    rows,
  };
}

/** The transition off an exiting provider, zone by zone and lot by lot, with small counts suppressed like the withdrawal table. */
export function transitionTable(t: Transition, options: TableOptions): Table {
  const rows: Record<string, Cell>[] = t.rows.map((r) => ({
    zone_id: r.zoneId,
    zone_name: r.zoneName,
    lot: r.lot,
    unit: r.unit === 'week' ? 'weeks a week' : 'hours a week',
    with_provider: round(r.withProvider, 1),
    people: round(r.people, 0),
    moved: round(r.moved, 1),
    extension_or_spot: round(r.extensionOrSpot, 1),
    by: t.by ?? '',
    until: t.nextReopening ?? '',
    taken_on_by: r.takers.map((k) => `${k.providerName} (${Math.round(k.hours * 10) / 10})`).join('; '),
  }));
  suppressRows(rows, t.rows.map((r) => r.people), [t.rows.map((_, i) => i)], ['with_provider', 'people', 'moved', 'extension_or_spot', 'taken_on_by'], options);
  return {
    name: `Transition ${t.providerId}`,
    columns: [
      { key: 'zone_id', label: 'Zone ID', kind: 'text' },
      { key: 'zone_name', label: 'Zone', kind: 'text' },
      { key: 'lot', label: 'Lot', kind: 'text' },
      { key: 'unit', label: 'Unit', kind: 'text' },
      { key: 'with_provider', label: `With ${t.providerName}`, kind: 'hours' },
      { key: 'people', label: 'People', kind: 'count' },
      { key: 'moved', label: 'Can move', kind: 'hours' },
      { key: 'extension_or_spot', label: 'Extension or spot', kind: 'hours' },
      { key: 'by', label: 'Move by', kind: 'text' },
      { key: 'until', label: 'Next re-opening', kind: 'text' },
      { key: 'taken_on_by', label: 'Taken on by', kind: 'text' },
    ],
    rows,
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
