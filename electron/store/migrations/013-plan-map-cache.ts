import type { Migration } from './types';

/**
 * Each plan's zone outlines, as the map draws them, kept with the project
 * (electron/store/map-cache.ts) so that opening it draws the first map without
 * reading the areas' topology: for England that read, and matching every
 * zone's border in it, were most of the services' part of the first map.
 * A plan's row holds while its assignments do: any change to them (an edit,
 * an undo, a zone removed with its areas) drops it, by trigger, so a stale
 * outline is never read. The areas' revision it was drawn from is kept with
 * it, for a change of the areas (which bumps area_cache's revision).
 *
 * area_cache.map_layer, unused since the layer became bytes (migration 6 made
 * it text for base64), is made again as a blob for the layer bundle, with the
 * triggers that empty it when the areas change made again as they were.
 */
export const migration013: Migration = {
  version: 13,
  name: 'plan-map-cache',
  up(db) {
    db.exec(`
      CREATE TABLE plan_map_cache (
        plan_id       INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE,
        area_revision INTEGER NOT NULL, -- area_cache.revision the outlines were drawn from
        zone_outlines TEXT NOT NULL     -- JSON: [{ zoneId, lines }] as MapState.zoneOutlines
      ) STRICT;
      DROP TRIGGER area_cache_on_insert;
      DROP TRIGGER area_cache_on_update;
      DROP TRIGGER area_cache_on_delete;
      ALTER TABLE area_cache DROP COLUMN map_layer;
      ALTER TABLE area_cache ADD COLUMN map_layer BLOB; -- shared/geo/layer-bundle.ts, of the areas at this row's revision
      CREATE TRIGGER area_cache_on_insert AFTER INSERT ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, map_layer = NULL, district_outlines = NULL WHERE id = 1;
        DELETE FROM area_topology_parts;
      END;
      CREATE TRIGGER area_cache_on_update AFTER UPDATE OF code, geometry ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, map_layer = NULL, district_outlines = NULL WHERE id = 1;
        DELETE FROM area_topology_parts;
      END;
      CREATE TRIGGER area_cache_on_delete AFTER DELETE ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, map_layer = NULL, district_outlines = NULL WHERE id = 1;
        DELETE FROM area_topology_parts;
      END;
      CREATE TRIGGER plan_map_cache_on_assign AFTER INSERT ON assignments BEGIN
        DELETE FROM plan_map_cache WHERE plan_id = NEW.plan_id;
      END;
      CREATE TRIGGER plan_map_cache_on_reassign AFTER UPDATE ON assignments BEGIN
        DELETE FROM plan_map_cache WHERE plan_id IN (OLD.plan_id, NEW.plan_id);
      END;
      CREATE TRIGGER plan_map_cache_on_unassign AFTER DELETE ON assignments BEGIN
        DELETE FROM plan_map_cache WHERE plan_id = OLD.plan_id;
      END;
    `);
  },
};
