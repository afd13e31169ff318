import type { DemandRow, Provider, ServiceType, SupplyRow, ZoneContract } from '../domain/types';
import { SERVICE_TYPES } from '../domain/types';
import { pointDistanceKm } from '../geo/distance';
import { groupBy } from '../group';

export interface SpreadInput {
  contracts: readonly ZoneContract[];
  /** area code → zone id, in the plan the contracts were let in */
  assignments: ReadonlyMap<string, string>;
  demand: readonly DemandRow[];
  providers: readonly Provider[];
  /** A point for each area (areaCentre), to keep a provider's hours within reach of its branch. */
  areaCentres: ReadonlyMap<string, readonly [number, number]>;
  distanceLimitKm: number;
}

/**
 * Zone-level contracts (provider × zone hours, as tenders let them) spread
 * over the zone's areas in proportion to the demand there for the services the
 * provider offers, restricted to areas within reach of its branch where any
 * has demand. Rows are marked estimated. Every contract's hours are kept in
 * full: the rows of one contract add up to its hours, so every zone total of
 * the plan the contracts were let in is unchanged.
 */
export function spreadZoneContracts(input: SpreadInput): SupplyRow[] {
  const areasOf = new Map([...groupBy(input.assignments, ([, zone]) => zone)].map(([zone, pairs]) => [zone, pairs.map(([area]) => area).sort()]));
  const demandOf = new Map<string, number>();
  for (const d of input.demand) demandOf.set(`${d.areaCode}\u0000${d.service}`, (demandOf.get(`${d.areaCode}\u0000${d.service}`) ?? 0) + d.hours);
  const providers = new Map(input.providers.map((p) => [p.id, p]));
  const out = new Map<string, SupplyRow>();

  for (const contract of input.contracts) {
    const areas = areasOf.get(contract.zoneId) ?? [];
    if (areas.length === 0 || (contract.contractedHours <= 0 && contract.additionalHours <= 0)) continue;
    const provider = providers.get(contract.providerId);
    const services: readonly ServiceType[] = provider?.services.length ? provider.services : SERVICE_TYPES;
    const branch: [number, number] | null = provider ? [provider.lon, provider.lat] : null;
    const inReach = areas.filter((a) => {
      const centre = input.areaCentres.get(a);
      return branch !== null && centre !== undefined && pointDistanceKm(branch, centre) <= input.distanceLimitKm;
    });
    const weigh = (pool: string[]) => pool.flatMap((area) => services.map((service) => ({ area, service, weight: demandOf.get(`${area}\u0000${service}`) ?? 0 })));
    let cells = weigh(inReach);
    if (!cells.some((c) => c.weight > 0)) cells = weigh(areas);
    if (!cells.some((c) => c.weight > 0)) {
      // No demand for its services anywhere in the zone: an even share of each area, in its first service.
      const pool = inReach.length ? inReach : areas;
      cells = pool.map((area) => ({ area, service: services[0]!, weight: 1 }));
    }
    const total = cells.reduce((t, c) => t + c.weight, 0);
    for (const cell of cells) {
      if (cell.weight <= 0) continue;
      const key = `${contract.providerId}\u0000${cell.area}\u0000${cell.service}`;
      let row = out.get(key);
      if (!row) {
        out.set(key, (row = { providerId: contract.providerId, areaCode: cell.area, service: cell.service, committedHours: 0, additionalHours: 0, deliveredHours: 0, people: 0, basis: 'estimated' }));
      }
      row.committedHours += (contract.contractedHours * cell.weight) / total;
      row.additionalHours += (contract.additionalHours * cell.weight) / total;
    }
  }
  return [...out.values()];
}
