import type { Migration } from './types';

/** Bytes per stored part of the topology; electron/store/area-cache.ts writes parts of this size too. */
export const TOPOLOGY_PART_BYTES = 1 << 20;

/**
 * The stored topology moves from one blob in area_cache to parts of at most a
 * mebibyte (area_topology_parts), which read in order are the old blob's
 * bytes. Storing England's 30 MB topology as one value held three more copies
 * of it at once — the encoded buffer, SQLite's copy of the bound value and the
 * record it builds — about 90 MB at the import's peak; in parts, a mebibyte.
 * The triggers that emptied the cache when an area's code or boundary changed
 * now empty the parts, and are made again without the dropped column.
 */
export const migration012: Migration = {
  version: 12,
  name: 'topology-parts',
  up(db) {
    db.exec(`
      CREATE TABLE area_topology_parts (
        part  INTEGER PRIMARY KEY, -- 0, 1, 2, …: the parts in order
        bytes BLOB NOT NULL        -- at most TOPOLOGY_PART_BYTES of the topology's encoding
      ) STRICT;
      WITH RECURSIVE k(i) AS (
        SELECT 0
        UNION ALL
        SELECT i + 1 FROM k WHERE (i + 1) * ${TOPOLOGY_PART_BYTES} < (SELECT length(topology) FROM area_cache WHERE id = 1)
      )
      INSERT INTO area_topology_parts (part, bytes)
        SELECT i, substr(topology, i * ${TOPOLOGY_PART_BYTES} + 1, ${TOPOLOGY_PART_BYTES}) FROM k, area_cache WHERE id = 1 AND topology IS NOT NULL;

      DROP TRIGGER area_cache_on_insert;
      DROP TRIGGER area_cache_on_update;
      DROP TRIGGER area_cache_on_delete;
      ALTER TABLE area_cache DROP COLUMN topology;
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
    `);
  },
};
