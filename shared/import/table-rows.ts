import { RateBandSchema } from '../domain/schemas';
import { isKnownRuc, type DemandRow, type Provider, type RateBand, type ServiceType, type ZoneContract } from '../domain/types';
import { parseDate, parseNumber, parseService, parseServices, parseShare, parseStatus } from './cells';
import { TABLE_FIELDS, type ColumnMapping, type TableKind } from './kinds';
import type { ImportProblem } from './problems';
import type { SnapshotRow } from '../time/trends';
import { isMonth } from '../time/months';

/** What the project already holds, for checking references and telling new rows from updates. */
export interface TableContext {
  providers: ReadonlySet<string>;
  /** Zones of the plan capacity and zone demand go to. */
  zones: ReadonlySet<string>;
  areas: ReadonlySet<string>;
  /** Areas of each zone of that plan with their population, to share zone demand out. */
  zoneAreas: ReadonlyMap<string, readonly { code: string; population: number }[]>;
  bands: ReadonlyMap<string, RateBand>;
  /** Keys of rows already held: "provider\u0000zone" for the plan's capacity, "area\u0000service" for demand. */
  capacityKeys: ReadonlySet<string>;
  demandKeys: ReadonlySet<string>;
  /** "provider\u0000area\u0000service" of supply rows that already carry delivered hours. */
  deliveryKeys: ReadonlySet<string>;
  /** Converts British National Grid easting/northing to [lon, lat]. */
  fromBng(easting: number, northing: number): [number, number];
  /** Monthly returns: the month of rows without one (from the request), and the months already held. */
  month?: string | null;
  months?: ReadonlySet<string>;
}

export type TableRecords =
  | { kind: 'providers'; records: Provider[]; contracts: ZoneContract[] }
  | { kind: 'capacity'; records: ZoneContract[] }
  | { kind: 'delivery'; records: DeliveryRecord[] }
  | { kind: 'demand'; records: DemandRow[] }
  | { kind: 'lookup'; records: LookupRecord[] }
  | { kind: 'rates'; records: RateBand[] }
  | { kind: 'returns'; records: ReturnRecord[] };

/** A row of a monthly return, at the grain of areas (a zone's row is shared out among its areas by population). */
export interface ReturnRecord extends SnapshotRow {
  month: string;
}

/** Care in place: delivered hours a week of a provider to people living in an area. */
export interface DeliveryRecord {
  providerId: string;
  areaCode: string;
  service: ServiceType;
  deliveredHours: number;
  people: number;
}

/** A row of an ONS lookup: an area's population and/or rural-urban class (null where the file has no such column). */
export interface LookupRecord {
  areaCode: string;
  population: number | null;
  ruc: string | null;
}

export interface TableCheck {
  records: TableRecords;
  /** Data rows read, accepted and rejected. */
  total: number;
  accepted: number;
  rejected: number;
  /** Accepted keys the project already has (the rest are new). */
  updated: number;
  problems: ImportProblem[];
}

/** A data row as the user sees it in Excel: the header is row 1. */
const sheetRow = (index: number) => index + 2;

/**
 * Turns the rows of a table into records of one kind. A row with any problem
 * is rejected whole; problems name the spreadsheet row, the column and the value.
 */
export function checkTable(kind: TableKind, headers: readonly string[], rows: readonly string[][], chosen: ColumnMapping, context: TableContext, decimalComma = false): TableCheck {
  const problems: ImportProblem[] = [];
  const fileProblem = (problem: string) => problems.push({ severity: 'error', where: 'file', problem });
  // A providers sheet with no id column: each provider's name is its id (and one column may serve as both).
  const mapping: ColumnMapping = kind === 'providers' ? { ...chosen, id: chosen.id ?? chosen.name ?? null, name: chosen.name ?? chosen.id ?? null } : chosen;
  if (kind === 'providers' && !chosen.id && chosen.name) problems.push({ severity: 'warning', where: 'file', problem: `no column is chosen for the provider id, so each provider's name (column "${chosen.name}") is its id; choose an id column if the sheet has one` });
  const contracts = kind === 'providers' && Boolean(mapping.zone || mapping.hours);
  if (contracts && !(mapping.zone && mapping.hours)) fileProblem(`a provider's contract needs both a zone column and an hours column (${mapping.zone ? 'no hours column is chosen' : 'no zone column is chosen'})`);
  for (const field of TABLE_FIELDS[kind]) {
    const column = mapping[field.key];
    if (field.required && !column) fileProblem(`no column is chosen for "${field.label}" (required); the columns are ${headers.map((h) => `"${h}"`).join(', ')}`);
    if (column && !headers.includes(column)) fileProblem(`the column "${column}" chosen for "${field.label}" is not in the file`);
  }
  if (kind === 'providers' && !(mapping.lat && mapping.lon) && !(mapping.easting && mapping.northing)) {
    fileProblem('the providers need a location: choose latitude and longitude columns, or easting and northing (British National Grid)');
  }
  if (kind === 'demand' && !mapping.area && !mapping.zone) fileProblem('demand needs an area code column or a zone id column');
  if (kind === 'lookup' && !mapping.population && !mapping.ruc) fileProblem('a lookup needs a population column or a rural-urban class column (for example "pop" or "RUC11CD")');
  if (kind === 'returns') {
    if (!mapping.area && !mapping.zone) fileProblem('monthly returns need an area code column or a zone id column');
    if (!mapping.month && !context.month) fileProblem('monthly returns need a month: choose a month column, or give the month of the file (--month 2026-04)');
    if (!['committed', 'delivered', 'unsourced', 'waiting', 'handbacks'].some((k) => mapping[k])) fileProblem('monthly returns need at least one of committed, delivered or unsourced hours, people waiting or hand-backs');
  }
  if (rows.length === 0) fileProblem('the table has a header but no rows');
  const empty: TableCheck = { records: (kind === 'providers' ? { kind, records: [], contracts: [] } : { kind, records: [] }) as TableRecords, total: rows.length, accepted: 0, rejected: rows.length, updated: 0, problems };
  if (problems.some((p) => p.severity === 'error')) return empty;

  const columnIndex = new Map(headers.map((h, i) => [h, i]));
  const keys = new Map<string, number>();
  let accepted = 0;
  let updated = 0;
  const out: unknown[] = [];
  const outside: string[] = [];
  const zoneContracts: ZoneContract[] = [];
  const providerRows = new Map<string, number>();

  rows.forEach((row, index) => {
    const rowProblems: ImportProblem[] = [];
    const cell = (key: string): string => {
      const column = mapping[key];
      return column ? (row[columnIndex.get(column)!] ?? '').trim() : '';
    };
    const complain = (key: string | null, problem: string) => {
      const column = key ? mapping[key] : null;
      rowProblems.push({ severity: 'error', where: `row ${sheetRow(index)}${column ? `, column "${column}"` : ''}`, problem });
    };
    const text = (key: string, required: boolean): string => {
      const value = cell(key);
      if (required && value === '') complain(key, 'is empty');
      return value;
    };
    const number = (key: string, required: boolean, options: { share?: boolean; signed?: boolean } = {}): number | null => {
      const raw = cell(key);
      const value = options.share ? parseShare(raw, decimalComma) : parseNumber(raw, decimalComma);
      if (value === null) {
        if (required) complain(key, 'is empty');
        return null;
      }
      if (Number.isNaN(value)) complain(key, `"${raw}" is not a number`);
      else if (value < 0 && !options.signed) complain(key, `${raw} is negative`);
      return Number.isNaN(value) || (value < 0 && !options.signed) ? null : value;
    };
    const unique = (key: string, label: string) => {
      const first = keys.get(key);
      if (first !== undefined) complain(null, `${label} appears again (first on row ${sheetRow(first)})`);
      else keys.set(key, index);
    };

    if (row.every((c) => c.trim() === '')) return; // blank lines at the end of a sheet are not rows
    let records: unknown[] = [];
    let isUpdate = false;
    if (kind === 'providers') {
      const id = text('id', true);
      const name = text('name', true);
      let lat = number('lat', false, { signed: true });
      let lon = number('lon', false, { signed: true });
      if (lat === null || lon === null) {
        const easting = number('easting', false);
        const northing = number('northing', false);
        if (easting !== null && northing !== null) [lon, lat] = context.fromBng(easting, northing);
        else if (!rowProblems.length) complain(null, 'has no location (latitude and longitude, or easting and northing)');
      } else if (lat < 49 || lat > 61 || lon < -9 || lon > 2.5) {
        complain('lat', `${lat}, ${lon} is not in the United Kingdom${lon >= 49 && lon <= 61 ? ' (latitude and longitude look swapped)' : ''}`);
      }
      const statusText = cell('status');
      const status = statusText === '' ? 'on-framework' : parseStatus(statusText);
      if (!status) complain('status', `"${statusText}" is not a framework status (on framework, exiting, non-framework, new bidder)`);
      const servicesText = cell('services');
      const services: ServiceType[] | null = servicesText === '' ? ['home-care'] : parseServices(servicesText);
      if (!services) complain('services', `"${servicesText}" is not a list of services (home care, CHC, live-in)`);
      const date = (key: string) => {
        const value = parseDate(cell(key));
        if (value === undefined) complain(key, `"${cell(key)}" is not a date (write 2026-04-01 or 01/04/2026)`);
        return value ?? null;
      };
      const startDate = date('startDate');
      const endDate = date('endDate');
      if (startDate && endDate && endDate < startDate) complain('endDate', `the end date ${endDate} is before the start date ${startDate}`);
      if (contracts) {
        // One row per provider and zone: the provider is read from its first row.
        const zoneId = text('zone', true);
        const contractedHours = number('hours', true);
        const additionalHours = number('additionalHours', false) ?? 0;
        if (zoneId && !context.zones.has(zoneId)) complain('zone', `zone "${zoneId}" is not in the plan`);
        unique(`${id}\u0000${zoneId}`, `provider ${id} in zone ${zoneId}`);
        if (!rowProblems.length) zoneContracts.push({ providerId: id, zoneId, contractedHours: contractedHours ?? 0, additionalHours });
      } else if (id) unique(id, `provider ${id}`);
      isUpdate = context.providers.has(id);
      const seen = providerRows.has(id);
      if (!seen && !rowProblems.length) providerRows.set(id, index);
      records = seen ? [] : [{ id, name, cqcId: cell('cqcId') || null, lat: lat ?? 0, lon: lon ?? 0, status: status ?? 'on-framework', services: services ?? [], startDate, endDate }];
    } else if (kind === 'capacity') {
      const providerId = text('provider', true);
      const zoneId = text('zone', true);
      const contractedHours = number('hours', true);
      const additionalHours = number('additionalHours', false) ?? 0;
      if (providerId && !context.providers.has(providerId)) complain('provider', `provider "${providerId}" is not in the project (import the providers first)`);
      if (zoneId && !context.zones.has(zoneId)) complain('zone', `zone "${zoneId}" is not in the plan`);
      unique(`${providerId}\u0000${zoneId}`, `provider ${providerId} in zone ${zoneId}`);
      records = [{ providerId, zoneId, contractedHours: contractedHours ?? 0, additionalHours }];
      isUpdate = context.capacityKeys.has(`${providerId}\u0000${zoneId}`);
    } else if (kind === 'delivery') {
      const providerId = text('provider', true);
      const areaCode = text('area', true);
      const serviceText = cell('service');
      const service = serviceText === '' ? 'home-care' : parseService(serviceText);
      if (!service) complain('service', `"${serviceText}" is not a service type (home care, CHC, live-in)`);
      const deliveredHours = number('hours', true);
      const people = number('people', false) ?? 0;
      if (providerId && !context.providers.has(providerId)) complain('provider', `provider "${providerId}" is not in the project (import the providers first)`);
      if (areaCode && !context.areas.has(areaCode)) complain('area', `area "${areaCode}" is not in the project`);
      unique(`${providerId}\u0000${areaCode}\u0000${service}`, `provider ${providerId} in area ${areaCode} (${service})`);
      records = [{ providerId, areaCode, service: service ?? 'home-care', deliveredHours: deliveredHours ?? 0, people }];
      isUpdate = context.deliveryKeys.has(`${providerId}\u0000${areaCode}\u0000${service}`);
    } else if (kind === 'lookup') {
      const areaCode = text('area', true);
      const population = number('population', false);
      const rucText = cell('ruc').toUpperCase();
      if (rucText && !isKnownRuc(rucText)) complain('ruc', `"${cell('ruc')}" is not a rural-urban class code of 2011 (A1–E2) or 2021 (UN1, UF1, RSN1, RSF1, RLN1, RLF1)`);
      if (areaCode) unique(areaCode, `area ${areaCode}`);
      // ONS files cover all of England: rows for other areas are left out, not errors (counted after).
      if (areaCode && !context.areas.has(areaCode)) return void outside.push(areaCode);
      if (mapping.population && population === null && !rowProblems.length) complain('population', 'is empty');
      records = [{ areaCode, population: mapping.population ? population : null, ruc: mapping.ruc ? rucText || null : null }];
      isUpdate = true;
    } else if (kind === 'demand') {
      const areaCode = cell('area');
      const zoneId = cell('zone');
      const serviceText = cell('service');
      const service = serviceText === '' ? 'home-care' : parseService(serviceText);
      if (!service) complain('service', `"${serviceText}" is not a service type (home care, CHC, live-in)`);
      const hours = number('hours', true);
      const people = number('people', false) ?? 0;
      if (areaCode) {
        if (!context.areas.has(areaCode)) complain('area', `area "${areaCode}" is not in the project`);
        unique(`${areaCode}\u0000${service}`, `area ${areaCode} (${service})`);
        records = [{ areaCode, service, hours: hours ?? 0, people }];
      } else if (zoneId) {
        const members = context.zoneAreas.get(zoneId);
        if (!context.zones.has(zoneId) || !members || members.length === 0) complain('zone', `zone "${zoneId}" is not in the plan or has no areas`);
        unique(`zone ${zoneId}\u0000${service}`, `zone ${zoneId} (${service})`);
        records = areaShares(members ?? []).map(({ code, share }) => ({ areaCode: code, service, hours: (hours ?? 0) * share, people: people * share }));
      } else complain(null, 'has neither an area code nor a zone id');
    } else if (kind === 'returns') {
      const monthText = cell('month');
      const month = monthText === '' ? (context.month ?? '') : parseMonth(monthText);
      if (month === null) complain('month', `"${monthText}" is not a month (write 2026-04, 04/2026 or a date in the month)`);
      else if (month === '') complain('month', 'is empty, and no month was given for the file');
      const providerId = cell('provider');
      const areaCode = cell('area');
      const zoneId = cell('zone');
      const serviceText = cell('service');
      const service = serviceText === '' ? 'home-care' : parseService(serviceText);
      if (!service) complain('service', `"${serviceText}" is not a service type (home care, CHC, live-in)`);
      if (providerId && !context.providers.has(providerId)) complain('provider', `provider "${providerId}" is not in the project (import the providers first)`);
      const values = {
        committed: number('committed', false) ?? 0,
        delivered: number('delivered', false) ?? 0,
        unsourced: number('unsourced', false) ?? 0,
        waiting: number('waiting', false) ?? 0,
        handbacks: number('handbacks', false) ?? 0,
      };
      const base = { month: month ?? '', providerId, service: service ?? 'home-care' };
      if (areaCode) {
        if (!context.areas.has(areaCode)) complain('area', `area "${areaCode}" is not in the project`);
        unique(`${month}\u0000${providerId}\u0000${areaCode}\u0000${service}`, `${providerId ? `provider ${providerId}` : 'the waiting list'} in area ${areaCode} (${service}) for ${month}`);
        records = [{ ...base, areaCode, ...values }];
      } else if (zoneId) {
        const members = context.zoneAreas.get(zoneId);
        if (!context.zones.has(zoneId) || !members || members.length === 0) complain('zone', `zone "${zoneId}" is not in the plan or has no areas`);
        unique(`${month}\u0000${providerId}\u0000zone ${zoneId}\u0000${service}`, `${providerId ? `provider ${providerId}` : 'the waiting list'} in zone ${zoneId} (${service}) for ${month}`);
        records = areaShares(members ?? []).map(({ code, share }) => ({
          ...base,
          areaCode: code,
          ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v * share])),
        }));
      } else complain(null, 'has neither an area code nor a zone id');
      isUpdate = month !== null && (context.months?.has(month) ?? false);
    } else {
      const id = text('id', true);
      const existing = context.bands.get(id);
      const hourlyRate = number('hourlyRate', true);
      const floor = number('floor', false);
      const ceiling = number('ceiling', false);
      const share = number('minRuralShare', false, { share: true });
      if (id) unique(id, `band ${id}`);
      const chcHourlyRate = number('chcHourlyRate', false);
      const liveInWeeklyRate = number('liveInWeeklyRate', false);
      const band = {
        id,
        name: cell('name') || existing?.name || id,
        hourlyRate: hourlyRate ?? 0,
        floor: floor ?? existing?.floor ?? null,
        ceiling: ceiling ?? existing?.ceiling ?? null,
        minRuralShare: share ?? existing?.minRuralShare ?? 0,
        chcHourlyRate: chcHourlyRate ?? existing?.chcHourlyRate ?? null,
        liveInWeeklyRate: liveInWeeklyRate ?? existing?.liveInWeeklyRate ?? DEFAULT_LIVE_IN_WEEKLY_RATE,
      };
      if (rowProblems.length === 0) {
        const parsed = RateBandSchema.safeParse(band);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const key = String(issue.path[0] ?? '');
            const field = TABLE_FIELDS.rates.find((f) => f.key === key);
            complain(field && mapping[key] ? key : null, `${field?.label ?? 'the band'}: ${issue.message}`);
          }
        }
      }
      isUpdate = Boolean(existing);
      records = [band];
    }
    if (kind === 'demand') isUpdate = (records as DemandRow[]).some((r) => context.demandKeys.has(`${r.areaCode}\u0000${r.service}`));
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      return;
    }
    accepted += 1;
    if (isUpdate) updated += 1;
    out.push(...records);
  });
  if (outside.length > 0) {
    problems.push({
      severity: 'warning',
      where: 'file',
      problem: `${outside.length.toLocaleString('en-GB')} row${outside.length === 1 ? ' is' : 's are'} for areas this project does not have (for example ${outside.slice(0, 3).join(', ')}) and ${outside.length === 1 ? 'was' : 'were'} left out`,
    });
  }
  if (kind === 'lookup') {
    const seen = new Set((out as LookupRecord[]).map((r) => r.areaCode));
    const missing = [...context.areas].filter((a) => !seen.has(a));
    if (missing.length > 0) problems.push({ severity: 'warning', where: 'file', problem: `${missing.length} of the project's areas are not in the file and keep what they had (for example ${missing.slice(0, 3).join(', ')})` });
  }
  const total = rows.filter((r) => !r.every((c) => c.trim() === '')).length - outside.length;
  if (kind === 'providers' && contracts && zoneContracts.length) {
    // Rows are not providers here: say what the rows hold.
    problems.push({ severity: 'warning', where: 'file', problem: `the rows hold ${out.length} provider${out.length === 1 ? '' : 's'} and ${zoneContracts.length} zone contract${zoneContracts.length === 1 ? '' : 's'} (each contract's hours are spread over its zone's areas, as a capacity import does)` });
  }
  const records = (kind === 'providers' ? { kind, records: out, contracts: zoneContracts } : { kind, records: out }) as TableRecords;
  return { records, total, accepted, rejected: total - accepted, updated, problems };
}

/** A month from a cell: 2026-04, 04/2026, or any date in it (2026-04-30, 30/04/2026); null when it is none of those. */
function parseMonth(text: string): string | null {
  const t = text.trim();
  if (isMonth(t)) return t;
  const slash = /^(0?[1-9]|1[0-2])\/(\d{4})$/.exec(t);
  if (slash) return `${slash[2]}-${slash[1]!.padStart(2, '0')}`;
  const date = parseDate(t);
  return date ? date.slice(0, 7) : null;
}

/** Each area's share of a zone, by population (evenly where nobody is counted): how zone figures are shared out. */
function areaShares(areas: readonly { code: string; population: number }[]): { code: string; share: number }[] {
  const residents = areas.reduce((n, a) => n + a.population, 0);
  return areas.map((a) => ({ code: a.code, share: residents > 0 ? a.population / residents : 1 / areas.length }));
}

/** A band imported without a live-in rate gets this (about a week of 24-hour care in 2025/26). */
export const DEFAULT_LIVE_IN_WEEKLY_RATE = 1100;
