import type { Migration } from './types';

/**
 * The kept area layer (area_cache.map_layer, shared/geo/layer-bundle.ts) now
 * carries the areas' names and districts and the districts' names and
 * outlines, not only their rings: they are what a plan does not change, and
 * sent in the plan's map state they were half of England's (3 MB of JSON
 * text to make, send and read for every first map). So it must be emptied,
 * and the areas' revision moved on (the page holds the layer of a revision),
 * when any of them changes, not only a code or a boundary: renaming an area,
 * moving it to another district (which until now emptied the district
 * outlines only) or renaming a district. Neither needs the topology again.
 * Layers kept in the first format (rings only) are emptied, to be packed
 * again in the new one when next asked for.
 */
export const migration014: Migration = {
  version: 14,
  name: 'layer-names',
  up(db) {
    db.exec(`
      UPDATE area_cache SET map_layer = NULL WHERE id = 1;
      DROP TRIGGER area_cache_on_district;
      CREATE TRIGGER area_cache_on_district AFTER UPDATE OF district ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, map_layer = NULL, district_outlines = NULL WHERE id = 1;
      END;
      CREATE TRIGGER area_cache_on_name AFTER UPDATE OF name ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, map_layer = NULL WHERE id = 1;
      END;
      CREATE TRIGGER area_cache_on_district_name AFTER UPDATE OF name ON districts BEGIN
        UPDATE area_cache SET revision = revision + 1, map_layer = NULL WHERE id = 1;
      END;
    `);
  },
};
