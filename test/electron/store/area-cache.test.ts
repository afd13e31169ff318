import { describe, expect, it } from 'vitest';
import { decodeTopology, loadTopology, readTopologyBytes, readTopologyCodes, storeTopology, writeTopologyParts, writingAreasInBulk } from '../../../electron/store/area-cache';
import { createProjectDb, writeTransaction } from '../../../electron/store/db';
import { geometryBlob } from '../../../electron/store/geometry-column';
import { EdgeTopology } from '../../../shared/geo/borders';
import { geometries } from '../../fixtures/small-plan';
import { withProjectDb } from '../../helpers/project-db';

const parts = (db: ReturnType<typeof createProjectDb>) => db.prepare('SELECT part, length(bytes) AS n FROM area_topology_parts ORDER BY part').all() as { part: number; n: number }[];

describe('the stored topology', () => {
  it("reads the areas' codes from the topology's header alone, wherever its parts split it", () => {
    const packed = new EdgeTopology(geometries).pack();
    withProjectDb((db) => {
      expect(readTopologyCodes(db)).toBeNull();
      for (const partBytes of [3, 7, 64, 1 << 20]) {
        writeTransaction(db, () => writeTopologyParts(db, packed, partBytes));
        expect(readTopologyCodes(db)).toEqual(packed.codes);
      }
    });
  });

  it('is written in parts of the size asked, which read back in order decode to the same topology', () => {
    const packed = new EdgeTopology(geometries).pack();
    withProjectDb((db) => {
      // 7 bytes: parts that split the header, the arrays and their padding anywhere.
      writeTransaction(db, () => writeTopologyParts(db, packed, 7));
      const stored = parts(db);
      const bytes = readTopologyBytes(db)!;
      expect(stored.length).toBe(Math.ceil(bytes.length / 7));
      expect(stored.map((p) => p.part)).toEqual(stored.map((_, i) => i));
      expect(stored.slice(0, -1).every((p) => p.n === 7) && stored.at(-1)!.n <= 7).toBe(true);
      const decoded = decodeTopology(bytes);
      expect(decoded.codes).toEqual(packed.codes);
      expect(decoded.edgeCount).toBe(packed.edgeCount);
      for (const name of ['ringArea', 'ringOuter', 'ringStart', 'vertices', 'edges', 'positions'] as const) expect(Array.from(decoded[name])).toEqual(Array.from(packed[name]));
      // Written again (another import), the old parts go: nothing of a longer topology is left at the end.
      writeTransaction(db, () => writeTopologyParts(db, packed, 1 << 20));
      expect(parts(db)).toEqual([{ part: 0, n: bytes.length }]);
    });
  });

  it('decodes the same wherever its bytes start, aligned or not, and refuses bytes cut short', () => {
    const packed = new EdgeTopology(geometries).pack();
    withProjectDb((db) => {
      writeTransaction(db, () => writeTopologyParts(db, packed));
      const bytes = readTopologyBytes(db)!;
      for (const shift of [0, 3, 8]) {
        const buffer = new Uint8Array(bytes.length + shift);
        buffer.set(bytes, shift);
        const decoded = decodeTopology(buffer.subarray(shift));
        expect(Array.from(decoded.vertices)).toEqual(Array.from(packed.vertices));
        expect(Array.from(decoded.positions)).toEqual(Array.from(packed.positions));
      }
      expect(() => decodeTopology(bytes.subarray(0, bytes.length - 16))).toThrow(/stored topology is cut short .*positions/);
    });
  });

  it('is emptied when an area changes, and built again and stored on the next load', () => {
    withProjectDb((db) => {
      expect(readTopologyBytes(db)).toBeNull();
      db.exec(`INSERT INTO districts VALUES ('D', 'D')`);
      const insert = db.prepare("INSERT INTO areas VALUES (?, ?, 'D', 10, 'C1', ?)");
      for (const [code, g] of geometries) insert.run(code, code, geometryBlob(g));
      const first = loadTopology(db);
      expect(parts(db).length).toBeGreaterThan(0);
      expect(loadTopology(db).packed.vertices).toEqual(first.packed.vertices);
      db.prepare('DELETE FROM areas WHERE code = ?').run([...geometries.keys()][0]);
      expect(readTopologyBytes(db)).toBeNull();
      writeTransaction(db, () => storeTopology(db, first.topology));
      expect(readTopologyBytes(db)).not.toBeNull();
    });
  });
});

describe('writingAreasInBulk', () => {
  const triggers = (db: ReturnType<typeof createProjectDb>) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'areas' ORDER BY name").all();
  const cache = (db: ReturnType<typeof createProjectDb>) => db.prepare('SELECT revision, map_layer, district_outlines FROM area_cache WHERE id = 1').get() as { revision: number; map_layer: string | null; district_outlines: string | null };
  const seeded = (db: ReturnType<typeof createProjectDb>) => {
    db.exec(`INSERT INTO districts VALUES ('D', 'D')`);
    const insert = db.prepare("INSERT INTO areas VALUES (?, ?, 'D', 10, 'C1', ?)");
    for (const [code, g] of geometries) insert.run(code, code, geometryBlob(g));
    loadTopology(db);
    db.prepare(`UPDATE area_cache SET district_outlines = '{}' WHERE id = 1`).run();
    return { triggers: triggers(db), revision: cache(db).revision };
  };

  it('empties the cache once for many rows, without the per-row triggers, and makes them again as they were', () => {
    withProjectDb((db) => {
      const before = seeded(db);
      // added, code or boundary changed, removed, district changed, renamed; and the kept metrics' three (migration 17)
      expect(before.triggers.length).toBe(8);
      db.exec("INSERT INTO plans (id, name, created_at) VALUES (1, 'One', 'now'); INSERT INTO metrics_cache VALUES (1, 'all', '2026-04-01', 'v', '{}')");
      const insert = db.prepare("INSERT INTO areas VALUES (?, ?, 'D', 10, 'C1', ?)");
      const g = geometryBlob([...geometries.values()][0]!);
      writeTransaction(db, () =>
        writingAreasInBulk(db, () => {
          expect(triggers(db)).toEqual([]);
          expect(parts(db)).toEqual([]);
          for (let i = 0; i < 50; i++) insert.run(`N${i}`, `N${i}`, g);
        }),
      );
      expect(triggers(db)).toEqual(before.triggers);
      expect(cache(db)).toEqual({ revision: before.revision + 1, map_layer: null, district_outlines: null });
      expect(parts(db)).toEqual([]);
      expect(db.prepare('SELECT count(*) FROM metrics_cache').pluck().get()).toBe(0);
      // And the triggers work again afterwards.
      loadTopology(db);
      db.prepare("DELETE FROM areas WHERE code = 'N0'").run();
      expect(cache(db).revision).toBe(before.revision + 2);
      expect(parts(db)).toEqual([]);
    });
  });

  it('leaves triggers, cache and rows as they were when the write fails, and refuses to run outside a transaction', () => {
    withProjectDb((db) => {
      const before = seeded(db);
      const stored = parts(db);
      const cached = cache(db);
      expect(() =>
        writeTransaction(db, () =>
          writingAreasInBulk(db, () => {
            db.prepare("INSERT INTO areas VALUES ('X', 'X', 'D', 10, 'C1', x'00')").run();
            throw new Error('the file went away');
          }),
        ),
      ).toThrow('the file went away');
      expect(triggers(db)).toEqual(before.triggers);
      expect(cache(db)).toEqual(cached);
      expect(parts(db)).toEqual(stored);
      expect(db.prepare("SELECT count(*) FROM areas WHERE code = 'X'").pluck().get()).toBe(0);
      expect(() => writingAreasInBulk(db, () => 1)).toThrow(/inside the caller's transaction/);
      // When SQLite has rolled the transaction back itself (as on a full disk), its error is the one that comes out.
      expect(() =>
        writeTransaction(db, () =>
          writingAreasInBulk(db, () => {
            db.exec('ROLLBACK');
            throw new Error('database or disk is full');
          }),
        ),
      ).toThrow('database or disk is full');
      expect(triggers(db)).toEqual(before.triggers);
    });
  });
});
