import type { MapState } from '../../shared/api/contract';
import type { ProjectDb } from './db';
import { statement } from './statements';

/**
 * What the first map of a project draws, kept with it so that opening it
 * needs neither the areas' topology nor a dissolve: the area layer as sent to
 * the page (area_cache.map_layer, emptied with the topology whenever the areas
 * change), its overview for the first map (map_overview, migration 15,
 * emptied with it) and each plan's map: its areas' zones in the layer's order
 * and its zone outlines (plan_map_cache, migrations 13 and 16, dropped by
 * trigger whenever the plan's assignments change). Each is written only for
 * the areas' revision it was made from, so a change by another process in
 * between is never overwritten with a stale copy.
 */

/** The stored area layer (shared/geo/layer-bundle.ts) of the areas at `revision`, or null. */
export function readStoredLayer(db: ProjectDb, revision: number): Uint8Array | null {
  const row = statement(db, 'SELECT map_layer, revision FROM area_cache WHERE id = 1').get() as { map_layer: Uint8Array | null; revision: number };
  return row.revision === revision && row.map_layer ? plainBytes(row.map_layer) : null;
}

/** A blob as plain bytes, the same kind as a layer packed here (SQLite hands back a Node Buffer). */
function plainBytes(blob: Uint8Array): Uint8Array {
  return new Uint8Array(blob.buffer, blob.byteOffset, blob.byteLength);
}

export function storeLayer(db: ProjectDb, revision: number, layer: Uint8Array): void {
  statement(db, 'UPDATE area_cache SET map_layer = ? WHERE id = 1 AND revision = ?').run(layer, revision);
}

/** The stored overview of the area layer at `revision` (migration 15: emptied whenever the layer is), or null. */
export function readStoredOverview(db: ProjectDb, revision: number): Uint8Array | null {
  const row = statement(db, 'SELECT map_overview, revision FROM area_cache WHERE id = 1 AND map_layer IS NOT NULL').get() as { map_overview: Uint8Array | null; revision: number } | undefined;
  return row && row.revision === revision && row.map_overview ? plainBytes(row.map_overview) : null;
}

/** Keeps the overview of the kept layer, when that layer is still the one kept for `revision`. */
export function storeOverview(db: ProjectDb, revision: number, overview: Uint8Array): void {
  statement(db, 'UPDATE area_cache SET map_overview = ? WHERE id = 1 AND revision = ? AND map_layer IS NOT NULL').run(overview, revision);
}

/** What is kept of a plan's map: each area's zone in the layer's order, and the zone outlines. */
export type KeptPlanMap = Pick<MapState, 'zoneIds' | 'zoneOutlines'>;

/** A plan's kept map, when it was drawn from the areas at `revision` (and its assignments have not changed since). */
export function readPlanMap(db: ProjectDb, planId: number, revision: number): KeptPlanMap | null {
  const row = statement(db, 'SELECT zone_ids, zone_outlines FROM plan_map_cache WHERE plan_id = ? AND area_revision = ?').raw().get(planId, revision) as [string, string] | undefined;
  return row === undefined ? null : { zoneIds: JSON.parse(row[0]) as KeptPlanMap['zoneIds'], zoneOutlines: JSON.parse(row[1]) as KeptPlanMap['zoneOutlines'] };
}

/** Keeps a plan's map, drawn from the areas at `revision`; nothing is kept when the areas have changed since. */
export function storePlanMap(db: ProjectDb, planId: number, revision: number, map: KeptPlanMap): void {
  statement(db, 'INSERT OR REPLACE INTO plan_map_cache (plan_id, area_revision, zone_ids, zone_outlines) SELECT ?, revision, ?, ? FROM area_cache WHERE id = 1 AND revision = ?').run(
    planId,
    JSON.stringify(map.zoneIds),
    JSON.stringify(map.zoneOutlines),
    revision,
  );
}

/** Whether a plan's map is kept for the areas at `revision`. */
export function hasPlanMap(db: ProjectDb, planId: number, revision: number): boolean {
  return statement(db, 'SELECT 1 FROM plan_map_cache WHERE plan_id = ? AND area_revision = ?').pluck().get(planId, revision) !== undefined;
}
