import { isRural, SERVICE_TYPES, type Area, type DemandRow, type Provider, type ServiceType, type SupplyRow } from '../domain/types';

/**
 * Numeric indices for the model's rows, worked out once per array and kept
 * while the array lives (a WeakMap), so that recomputing metrics after each
 * edit does no string hashing per row: an England-sized project has about
 * 100,000 demand and 100,000 supply rows. Rows are taken as fixed in their
 * area, provider and service once given to the model (only hours change); an
 * array that grows or shrinks is indexed afresh.
 */
export const SERVICE_INDEX = new Map<ServiceType, number>(SERVICE_TYPES.map((s, i) => [s, i]));

export interface AreaTable {
  index: Map<string, number>;
  rural: Uint8Array;
  /** Each area's district, as an index into `districts`. */
  district: Int32Array;
  districts: string[];
}

const areaTables = new WeakMap<readonly Area[], AreaTable>();
export function areaTable(areas: readonly Area[]): AreaTable {
  let table = areaTables.get(areas);
  if (!table || table.rural.length !== areas.length) {
    const districtIndex = new Map<string, number>();
    const district = new Int32Array(areas.length);
    const rural = new Uint8Array(areas.length);
    const index = new Map<string, number>();
    areas.forEach((a, i) => {
      index.set(a.code, i);
      rural[i] = isRural(a.ruc) ? 1 : 0;
      let d = districtIndex.get(a.district);
      if (d === undefined) districtIndex.set(a.district, (d = districtIndex.size));
      district[i] = d;
    });
    table = { index, rural, district, districts: [...districtIndex.keys()] };
    areaTables.set(areas, table);
  }
  return table;
}

export interface RowIndex {
  /** Area index per row, -1 for an area the project does not have. */
  area: Int32Array;
  service: Uint8Array;
  /** Provider index per row (supply only), -1 for an unknown provider. */
  provider: Int32Array;
}

const rowIndexes = new WeakMap<readonly object[], { areas: AreaTable; providers: readonly Provider[] | null; index: RowIndex }>();

export function rowIndex(rows: readonly (DemandRow | SupplyRow)[], areas: AreaTable, providers: readonly Provider[] | null = null): RowIndex {
  const cached = rowIndexes.get(rows);
  if (cached && cached.areas === areas && cached.providers === providers && cached.index.area.length === rows.length) return cached.index;
  const providerIndex = providers ? new Map(providers.map((p, i) => [p.id, i])) : null;
  const index: RowIndex = { area: new Int32Array(rows.length), service: new Uint8Array(rows.length), provider: new Int32Array(rows.length) };
  rows.forEach((r, i) => {
    index.area[i] = areas.index.get(r.areaCode) ?? -1;
    index.service[i] = SERVICE_INDEX.get(r.service)!;
    index.provider[i] = providerIndex ? (providerIndex.get((r as SupplyRow).providerId) ?? -1) : -1;
  });
  rowIndexes.set(rows, { areas, providers, index });
  return index;
}
