import type { Migration } from './types';

/**
 * A cache of what is slow to work out from the areas' geometry: their edge
 * topology (shared borders matched to the centimetre), from which zone
 * outlines are drawn, the map's area layer and the district outlines. Triggers empty it and
 * bump its revision whenever an area is added, changed or removed, in the same
 * transaction, so it can never describe areas that are no longer there.
 */
export const migration006: Migration = {
  version: 6,
  name: 'area-cache',
  up(db) {
    db.exec(`
      CREATE TABLE area_cache (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        revision INTEGER NOT NULL,
        topology BLOB, -- PackedTopology (electron/store/area-cache.ts), or NULL until worked out
        map_layer TEXT, -- the areas as MapData carries them (JSON of base64 arrays)
        district_outlines TEXT -- JSON { district code: base64 packed lines }
      ) STRICT;
      INSERT INTO area_cache (id, revision) VALUES (1, 0);

      CREATE TRIGGER area_cache_on_insert AFTER INSERT ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, topology = NULL, map_layer = NULL, district_outlines = NULL WHERE id = 1;
      END;
      CREATE TRIGGER area_cache_on_update AFTER UPDATE OF code, geometry ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, topology = NULL, map_layer = NULL, district_outlines = NULL WHERE id = 1;
      END;
      CREATE TRIGGER area_cache_on_district AFTER UPDATE OF district ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, district_outlines = NULL WHERE id = 1;
      END;
      CREATE TRIGGER area_cache_on_delete AFTER DELETE ON areas BEGIN
        UPDATE area_cache SET revision = revision + 1, topology = NULL, map_layer = NULL, district_outlines = NULL WHERE id = 1;
      END;
    `);
  },
};
