import type { ZoneContract } from '../../shared/domain/types';
import { spreadZoneContracts } from '../../shared/coverage/spread';
import { areaCentres } from '../../shared/geo/area-centres';
import { groupBy } from '../../shared/group';
import type { ProjectDb } from './db';
import { readAreaGeometries, readAssignments, readDemand, readProviders, readSettings } from './model-data';

/**
 * Zone contracts are spread over the zone's areas (estimated). A contract
 * imported again replaces the provider's committed and additional hours in
 * that zone; delivered hours stay.
 */
export function writeContracts(target: ProjectDb, planId: number, contracts: readonly ZoneContract[], centres?: ReadonlyMap<string, readonly [number, number]>): void {
  const assignments = readAssignments(target, planId);
  const clear = target.prepare('UPDATE supply SET committed_hours = 0, additional_hours = 0 WHERE provider_id = ? AND area_code = ?');
  const areasOf = groupBy(assignments, ([, zone]) => zone);
  for (const c of contracts) for (const [area] of areasOf.get(c.zoneId) ?? []) clear.run(c.providerId, area);
  const rows = spreadZoneContracts({
    contracts,
    assignments,
    demand: readDemand(target),
    providers: readProviders(target),
    // A caller that keeps the areas' centres (the app's session) passes them: reading every geometry again is the slow part.
    areaCentres: centres ?? areaCentres(readAreaGeometries(target)),
    distanceLimitKm: readSettings(target).distanceLimitKm,
  });
  const upsert = target.prepare(
    `INSERT INTO supply (provider_id, area_code, service, committed_hours, additional_hours, delivered_hours, people, basis) VALUES (?, ?, ?, ?, ?, 0, 0, 'estimated')
     ON CONFLICT(provider_id, area_code, service) DO UPDATE SET committed_hours = excluded.committed_hours, additional_hours = excluded.additional_hours`,
  );
  for (const r of rows) upsert.run(r.providerId, r.areaCode, r.service, r.committedHours, r.additionalHours);
}
