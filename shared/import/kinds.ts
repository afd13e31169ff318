
/** What can be imported: boundaries (areas, zones) from GIS files, the rest from tables. */
export const IMPORT_KINDS = ['areas', 'zones', 'providers', 'capacity', 'delivery', 'demand', 'lookup', 'rates', 'returns'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type BoundaryKind = 'areas' | 'zones';
export type TableKind = Exclude<ImportKind, BoundaryKind>;

export function isBoundaryKind(kind: ImportKind): kind is BoundaryKind {
  return kind === 'areas' || kind === 'zones';
}

export const KIND_LABELS: Record<ImportKind, string> = {
  areas: 'Areas (building blocks)',
  zones: 'Zones (drawn boundaries)',
  providers: 'Providers',
  capacity: 'Capacity (contracted provider hours per zone)',
  delivery: 'Delivery records (care in place per area)',
  demand: 'Demand (hours per area or zone)',
  lookup: 'Population and rural-urban class per area (ONS lookup)',
  rates: 'Rate bands',
  returns: "Monthly returns (a month's hours, people waiting and hand-backs)",
};

export interface TableField {
  key: string;
  label: string;
  required: boolean;
  /** Column headers (compared without case, spaces or punctuation) that map to this field by default. */
  aliases: string[];
}

/**
 * The fields of each table kind. Where two fields are alternatives (latitude
 * and longitude or easting and northing; area or zone) neither is required on
 * its own and the row check asks for one of the pairs.
 */
export const TABLE_FIELDS: Record<TableKind, TableField[]> = {
  providers: [
    // No id column (as councils' own sheets often have none): the name is the id.
    { key: 'id', label: 'Provider id', required: false, aliases: ['id', 'providerid', 'provider', 'providercode', 'code', 'ref', 'reference'] },
    { key: 'name', label: 'Name', required: true, aliases: ['name', 'providername', 'organisation', 'organisationname', 'branchname'] },
    { key: 'cqcId', label: 'CQC location id', required: false, aliases: ['cqcid', 'cqc', 'cqclocationid', 'locationid', 'cqcref'] },
    { key: 'lat', label: 'Latitude', required: false, aliases: ['lat', 'latitude', 'y'] },
    { key: 'lon', label: 'Longitude', required: false, aliases: ['lon', 'long', 'lng', 'longitude', 'x'] },
    { key: 'easting', label: 'Easting (BNG)', required: false, aliases: ['easting', 'eastings', 'east', 'oseast1m'] },
    { key: 'northing', label: 'Northing (BNG)', required: false, aliases: ['northing', 'northings', 'north', 'osnrth1m'] },
    { key: 'status', label: 'Framework status', required: false, aliases: ['status', 'frameworkstatus', 'framework'] },
    { key: 'services', label: 'Services', required: false, aliases: ['services', 'service', 'servicetypes', 'servicetype'] },
    { key: 'startDate', label: 'Start date (new bidder)', required: false, aliases: ['startdate', 'start', 'from', 'joined', 'joindate'] },
    { key: 'endDate', label: 'End date (exiting)', required: false, aliases: ['enddate', 'end', 'to', 'until', 'exitdate', 'leavingdate'] },
    // A zone and its hours on each row: the providers and their contracts in one import.
    { key: 'zone', label: 'Zone id (with hours: a contract)', required: false, aliases: ['zone', 'zoneid', 'zonecode', 'lot', 'patch'] },
    { key: 'hours', label: 'Contracted hours a week', required: false, aliases: ['contractedhours', 'weeklyhourscapacity', 'weeklyhours', 'hoursperweek', 'contractedhoursperweek', 'capacity', 'capacityhours', 'hours'] },
    { key: 'additionalHours', label: 'Additional hours offered', required: false, aliases: ['additionalhours', 'additional', 'extrahours', 'sparehours', 'offeredhours'] },
  ],
  capacity: [
    { key: 'provider', label: 'Provider id', required: true, aliases: ['provider', 'providerid', 'providercode', 'id'] },
    { key: 'zone', label: 'Zone id', required: true, aliases: ['zone', 'zoneid', 'zonecode', 'lot', 'patch'] },
    { key: 'hours', label: 'Contracted hours a week', required: true, aliases: ['hours', 'contractedhours', 'weeklyhours', 'hoursperweek', 'contractedhoursperweek', 'capacity'] },
    { key: 'additionalHours', label: 'Additional hours offered', required: false, aliases: ['additionalhours', 'additional', 'extrahours', 'sparehours', 'offeredhours'] },
  ],
  demand: [
    { key: 'area', label: 'Area code', required: false, aliases: ['area', 'areacode', 'lsoa', 'lsoacode', 'lsoa11cd', 'lsoa21cd', 'lsoa11', 'lsoa21'] },
    { key: 'zone', label: 'Zone id', required: false, aliases: ['zone', 'zoneid', 'zonecode'] },
    { key: 'service', label: 'Service type', required: false, aliases: ['service', 'servicetype', 'caretype', 'type'] },
    { key: 'hours', label: 'Hours a week', required: true, aliases: ['hours', 'demandhours', 'weeklyhours', 'hoursperweek', 'demand'] },
    { key: 'people', label: 'People', required: false, aliases: ['people', 'persons', 'clients', 'packages', 'packagecount', 'count'] },
  ],
  delivery: [
    { key: 'provider', label: 'Provider id', required: true, aliases: ['provider', 'providerid', 'providercode', 'id'] },
    { key: 'area', label: 'Area code', required: true, aliases: ['area', 'areacode', 'lsoa', 'lsoacode', 'lsoa11cd', 'lsoa21cd', 'clientlsoa', 'lsoa11', 'lsoa21'] },
    { key: 'service', label: 'Service type', required: false, aliases: ['service', 'servicetype', 'caretype', 'type'] },
    { key: 'hours', label: 'Delivered hours a week', required: true, aliases: ['hours', 'deliveredhours', 'deliveredhoursaweek', 'deliveredhoursperweek', 'weeklyhours', 'hoursperweek', 'hoursaweek', 'actualhours'] },
    { key: 'people', label: 'People', required: false, aliases: ['people', 'persons', 'clients', 'packages', 'count'] },
  ],
  lookup: [
    { key: 'area', label: 'Area code', required: true, aliases: ['lsoa', 'lsoacode', 'lsoa11cd', 'lsoa21cd', 'lsoa11', 'lsoa21', 'area', 'areacode', 'code'] },
    { key: 'population', label: 'Population', required: false, aliases: ['pop', 'population', 'allages', 'totalpopulation', 'persons'] },
    { key: 'ruc', label: 'Rural-urban class code', required: false, aliases: ['ruc11cd', 'ruc21cd', 'ruc', 'ruccode', 'ruc11', 'ruc21', 'ruralurbanclass'] },
  ],
  // A month's returns: providers' committed and delivered hours and hand-backs per area (or zone), and areas' unsourced hours and people waiting.
  returns: [
    { key: 'month', label: 'Month', required: false, aliases: ['month', 'period', 'returnmonth', 'monthending', 'date'] },
    { key: 'provider', label: 'Provider id', required: false, aliases: ['provider', 'providerid', 'providercode'] },
    { key: 'area', label: 'Area code', required: false, aliases: ['area', 'areacode', 'lsoa', 'lsoacode', 'lsoa11cd', 'lsoa21cd', 'clientlsoa', 'lsoa11', 'lsoa21'] },
    { key: 'zone', label: 'Zone id', required: false, aliases: ['zone', 'zoneid', 'zonecode'] },
    { key: 'service', label: 'Service type', required: false, aliases: ['service', 'servicetype', 'caretype', 'type', 'lot'] },
    { key: 'committed', label: 'Committed hours a week', required: false, aliases: ['committed', 'committedhours', 'contractedhours', 'contracted'] },
    { key: 'delivered', label: 'Delivered hours a week', required: false, aliases: ['delivered', 'deliveredhours', 'actualhours', 'hoursdelivered'] },
    { key: 'unsourced', label: 'Unsourced hours a week', required: false, aliases: ['unsourced', 'unsourcedhours', 'waitinghours', 'hourswaiting', 'unmethours'] },
    { key: 'waiting', label: 'People waiting', required: false, aliases: ['waiting', 'peoplewaiting', 'waitinglist', 'awaiting', 'clientswaiting'] },
    { key: 'handbacks', label: 'Packages handed back', required: false, aliases: ['handbacks', 'handback', 'handedback', 'packageshandedback', 'packagesreturned', 'returned'] },
  ],
  rates: [
    { key: 'id', label: 'Band id', required: true, aliases: ['id', 'band', 'bandid', 'rateband', 'code'] },
    { key: 'name', label: 'Band name', required: false, aliases: ['name', 'bandname', 'description'] },
    { key: 'hourlyRate', label: 'Hourly rate (£)', required: true, aliases: ['hourlyrate', 'rate', 'rateperhour', 'price', 'hourlyprice'] },
    { key: 'floor', label: 'Floor (£)', required: false, aliases: ['floor', 'minimum', 'minrate', 'floorrate'] },
    { key: 'ceiling', label: 'Ceiling (£)', required: false, aliases: ['ceiling', 'maximum', 'maxrate', 'cap', 'ceilingrate'] },
    { key: 'minRuralShare', label: 'From rural share', required: false, aliases: ['minruralshare', 'ruralshare', 'fromruralshare', 'rural'] },
    { key: 'chcHourlyRate', label: 'CHC hourly rate (£)', required: false, aliases: ['chchourlyrate', 'chcrate', 'chc'] },
    { key: 'liveInWeeklyRate', label: 'Live-in weekly rate (£)', required: false, aliases: ['liveinweeklyrate', 'liveinrate', 'weeklyrate', 'livein'] },
  ],
};

/** A header as compared with aliases: lower case, letters and digits only. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** A field → column mapping; null where no column is chosen. */
export type ColumnMapping = Record<string, string | null>;

/**
 * The mapping to start from: a saved one where its columns are all present,
 * else the first column matching each field's aliases (each column used once).
 */
export function guessMapping(kind: TableKind, headers: readonly string[], saved?: ColumnMapping | null): ColumnMapping {
  const fields = TABLE_FIELDS[kind];
  if (saved && Object.values(saved).every((column) => column === null || headers.includes(column))) {
    return Object.fromEntries(fields.map((f) => [f.key, saved[f.key] ?? null]));
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const field of fields) {
    const column = field.aliases.map((alias) => headers.find((h) => !used.has(h) && headerKey(h) === alias)).find((h) => h !== undefined) ?? null;
    if (column) used.add(column);
    mapping[field.key] = column;
  }
  return mapping;
}

/** Default id and name properties of a boundary file: ONS codes and names first, then id / name. */
export function guessBoundaryFields(properties: readonly string[]): { idField: string | null; nameField: string | null } {
  const find = (tests: ((p: string) => boolean)[]) => tests.map((t) => properties.find(t)).find((p) => p !== undefined) ?? null;
  const idField = find([(p) => /^LSOA(11|21)CD$/i.test(p), (p) => /CD$/i.test(p), (p) => /^(id|code|zone_?id|zone)$/i.test(p), (p) => /(^|_)(id|code)$/i.test(p)]);
  const stem = idField && /CD$/i.test(idField) ? idField.slice(0, -2) : null;
  const nameField = find([(p) => stem !== null && p.toUpperCase() === `${stem.toUpperCase()}NM`, (p) => /NM$/i.test(p), (p) => /^(name|zone_?name|label)$/i.test(p), (p) => /name/i.test(p)]);
  return { idField, nameField };
}
