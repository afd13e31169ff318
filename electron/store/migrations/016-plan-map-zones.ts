import type { Migration } from './types';

/**
 * Each plan's kept map (plan_map_cache, migration 13) holds its areas' zones
 * in the layer's order beside the zone outlines, so a first map reads neither
 * the plan's assignments nor the layer's codes to say which zone each area is
 * in: for England those two reads were most of the services' part of the first
 * map. The row is dropped with its outlines by the same triggers, whenever the
 * plan's assignments change. What was kept before is a cache without the
 * zones, so it is dropped; the next open draws and keeps it again.
 */
export const migration016: Migration = {
  version: 16,
  name: 'plan-map-zones',
  up(db) {
    // The assignments' triggers name the table, not its columns: they hold over it made again.
    db.exec(`
      DROP TABLE plan_map_cache;
      CREATE TABLE plan_map_cache (
        plan_id       INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
        area_revision INTEGER NOT NULL, -- area_cache.revision the map was drawn from
        zone_ids      TEXT NOT NULL,    -- JSON: each area's zone id (or null) in the layer's order, as MapState.zoneIds
        zone_outlines TEXT NOT NULL     -- JSON: [{ zoneId, lines }] as MapState.zoneOutlines
      ) STRICT;
    `);
  },
};
