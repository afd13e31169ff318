import { describe, expect, it } from 'vitest';
import { areaRevision } from '../../../electron/store/area-cache';
import type { ProjectDb } from '../../../electron/store/db';
import { geometryBlob } from '../../../electron/store/geometry-column';
import { readPlanMap, readStoredLayer, storeLayer, storePlanMap } from '../../../electron/store/map-cache';
import { withProjectDb } from '../../helpers/project-db';

/** An area added: what another process importing areas does, which moves the areas' revision on. */
function addArea(db: ProjectDb, code: string): void {
  db.prepare("INSERT INTO areas (code, name, district, population, ruc, geometry) VALUES (?, 'A', 'D', 1, 'C1', ?)").run(code, geometryBlob({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }));
}

describe('what is kept for the first map', () => {
  it('keeps a layer only for the areas it was made from: one made before another process changed them is not kept, nor read', () => {
    withProjectDb((db) => {
      const revision = areaRevision(db);
      storeLayer(db, revision, new Uint8Array([1, 2, 3]));
      expect(readStoredLayer(db, revision)).toEqual(new Uint8Array([1, 2, 3]));
      expect(readStoredLayer(db, revision + 1)).toBeNull();
      addArea(db, 'E01');
      expect(readStoredLayer(db, revision)).toBeNull();
      storeLayer(db, revision, new Uint8Array([4]));
      expect(readStoredLayer(db, areaRevision(db))).toBeNull();
    });
  });

  it("keeps a plan's map for the areas it was drawn from, and reads it back as it was", () => {
    withProjectDb((db) => {
      db.exec("INSERT INTO plans (id, name, created_at) VALUES (1, 'Plan', 'now')");
      const map = { zoneIds: ['Z1', null, 'Z1'], zoneOutlines: [{ zoneId: 'Z1', lines: 'AAAA' }, { zoneId: 'Z2', lines: '' }] };
      const revision = areaRevision(db);
      storePlanMap(db, 1, revision, map);
      expect(readPlanMap(db, 1, revision)).toEqual(map);
      expect(readPlanMap(db, 2, revision)).toBeNull();
      addArea(db, 'E01');
      expect(readPlanMap(db, 1, areaRevision(db))).toBeNull();
      // Drawn before the areas changed, it is not kept as the new areas' map.
      storePlanMap(db, 1, revision, map);
      expect(readPlanMap(db, 1, areaRevision(db))).toBeNull();
    });
  });
});
