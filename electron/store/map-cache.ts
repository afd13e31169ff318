import type { MapState } from '../../shared/api/contract';
import type { ProjectDb } from './db';
import { statement } from './statements';

/**
 * What the first map of a project draws, kept with it so that opening it
 * needs neither the areas' topology nor a dissolve: the area layer as sent to
 * the page (area_cache.map_layer, emptied with the topology whenever the areas
 * change), its overview for the first map (map_overview, migration 15,
 * emptied with it) and each plan's zone outlines (plan_map_cache, migration
 * 13, dropped by trigger whenever the plan's assignments change). The areas' codes in the
 * layer's order are read from the topology's header alone (readTopologyCodes
 * in area-cache.ts). Each is written only for the areas' revision it was made
 * from, so a change by another process in between is never overwritten with a
 * stale copy.
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

type ZoneOutlines = MapState['zoneOutlines'];

/** A plan's stored zone outlines, when they were drawn from the areas at `revision` (and its assignments have not changed since). */
export function readZoneOutlines(db: ProjectDb, planId: number, revision: number): ZoneOutlines | null {
  const text = statement(db, 'SELECT zone_outlines FROM plan_map_cache WHERE plan_id = ? AND area_revision = ?').pluck().get(planId, revision) as string | undefined;
  return text === undefined ? null : (JSON.parse(text) as ZoneOutlines);
}

/** Keeps a plan's zone outlines, drawn from the areas at `revision`; nothing is kept when the areas have changed since. */
export function storeZoneOutlines(db: ProjectDb, planId: number, revision: number, outlines: ZoneOutlines): void {
  statement(db, 'INSERT OR REPLACE INTO plan_map_cache (plan_id, area_revision, zone_outlines) SELECT ?, revision, ? FROM area_cache WHERE id = 1 AND revision = ?').run(planId, JSON.stringify(outlines), revision);
}

/** Whether a plan's zone outlines are kept for the areas at `revision`. */
export function hasZoneOutlines(db: ProjectDb, planId: number, revision: number): boolean {
  return statement(db, 'SELECT 1 FROM plan_map_cache WHERE plan_id = ? AND area_revision = ?').pluck().get(planId, revision) !== undefined;
}
