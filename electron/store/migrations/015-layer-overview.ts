import type { Migration } from './types';

/**
 * The kept area layer's overview (area_cache.map_overview,
 * shared/geo/layer-overview.ts), which the first map is drawn from: about a
 * quarter of England's layer, and made from it in about 200 ms, so kept
 * beside it rather than made at each open. It is emptied whenever the layer
 * is, by one trigger on the layer itself: every change that empties the layer
 * (the areas' triggers, an import, a new topology) then empties the overview
 * too, with no trigger of theirs to change.
 */
export const migration015: Migration = {
  version: 15,
  name: 'layer-overview',
  up(db) {
    db.exec(`
      ALTER TABLE area_cache ADD COLUMN map_overview BLOB; -- shared/geo/layer-overview.ts, of map_layer
      CREATE TRIGGER area_cache_overview_with_layer AFTER UPDATE OF map_layer ON area_cache WHEN NEW.map_layer IS NULL BEGIN
        UPDATE area_cache SET map_overview = NULL WHERE id = NEW.id;
      END;
    `);
  },
};
