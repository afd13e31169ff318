import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services';
import type { ImportJob } from '../../../shared/import/request';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { pageMap } from '../../helpers/map';
import { repoRoot, tempDir } from '../../helpers/temp';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'import', name);

async function settle(read: () => ImportJob): Promise<ImportJob> {
  for (;;) {
    const job = read();
    if (job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('import jobs', () => {
  it('preview in a worker without writing, then import, and the session sees the new data', async () => {
    const userData = tempDir();
    const services = createServices({ host: 'web', userData });
    try {
      const file = services.session.create(path.join(userData, 'p.carecover'), 'empty').path;
      const before = dataFingerprint(file);
      const revision = services.session.revision;
      const request = { kind: 'areas' as const, file: fixture('melton-6.geojson') };
      const { jobId } = await services.handlers.startImport({ request, mode: 'preview' });
      const previewed = await settle(() => services.imports.job(jobId));
      expect(previewed).toMatchObject({ state: 'done', result: null, preview: { accepted: 6, blocked: null } });
      expect(dataFingerprint(file)).toBe(before);
      const started = services.imports.start({ ...request, expectSha256: previewed.preview!.sha256 }, 'import');
      const imported = await settle(() => services.imports.job(started.jobId));
      expect(imported).toMatchObject({ state: 'done', result: { accepted: 6 } });
      expect(services.session.revision).not.toBe(revision);
      expect(services.imports.counts()).toMatchObject({ areas: 6, imports: 1 });
      expect(services.imports.log().imports).toHaveLength(1);
    } finally {
      services.close();
    }
  });

  it('reports progress and can be cancelled, leaving the project as it was', async () => {
    const userData = tempDir();
    const services = createServices({ host: 'web', userData });
    try {
      const file = services.session.create(path.join(userData, 'p.carecover'), 'empty').path;
      const before = dataFingerprint(file);
      const features = Array.from({ length: 20_000 }, (_, n) => {
        const [x, y] = [-1.5 + (n % 200) * 0.002, 52.5 + Math.floor(n / 200) * 0.002];
        return { type: 'Feature', properties: { id: `A${n}` }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 0.002, y], [x + 0.002, y + 0.002], [x, y + 0.002], [x, y]]] } };
      });
      const big = path.join(tempDir(), 'big.geojson');
      fs.writeFileSync(big, JSON.stringify({ type: 'FeatureCollection', features }));
      const { jobId } = services.imports.start({ kind: 'areas', file: big }, 'import');
      const steps = new Set<string>();
      for (let i = 0; i < 2000 && services.imports.job(jobId).step !== 'Reading and checking features'; i++) {
        steps.add(services.imports.job(jobId).step);
        await new Promise((r) => setTimeout(r, 2));
      }
      expect(services.imports.job(jobId).step).toBe('Reading and checking features');
      expect(services.imports.cancel(jobId)).toEqual({ cancelled: true });
      const job = await settle(() => services.imports.job(jobId));
      expect(job).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
      expect(dataFingerprint(file)).toBe(before);
      expect(services.imports.cancel(jobId)).toEqual({ cancelled: false });
    } finally {
      services.close();
    }
  });

  it('the map sees areas imported by a worker at once: the area cache follows the areas', async () => {
    const userData = tempDir();
    const services = createServices({ host: 'web', userData });
    try {
      services.session.create(path.join(userData, 'p.carecover'), 'empty');
      const run = async (kind: 'areas' | 'zones', name: string) => {
        const { jobId } = services.imports.start({ kind, file: fixture(name) }, 'import');
        expect(await settle(() => services.imports.job(jobId))).toMatchObject({ state: 'done' });
      };
      await run('areas', 'melton-6.geojson');
      await run('zones', 'melton-zones-drawn.geojson');
      const before = pageMap(services);
      expect(before.areas.codes).toHaveLength(6);
      expect(before.zoneOutlines.map((z) => z.zoneId).sort()).toEqual(['N', 'S']);
      await run('areas', 'leicester-self-touching.geojson');
      const after = pageMap(services);
      expect(after.areas.codes).toHaveLength(8);
      expect(after.areas.zoneIds.filter((z) => z === null)).toHaveLength(3);
    } finally {
      services.close();
    }
  });

  it("an import made in the app is the app's own change: an open view is not told the project changed elsewhere", async () => {
    const userData = tempDir();
    const services = createServices({ host: 'web', userData });
    try {
      const file = services.session.create(path.join(userData, 'p.carecover'), 'empty').path;
      const outside = async () => (await services.handlers.getOutsideChanges({})).key;
      const before = await outside();
      const { jobId } = services.imports.start({ kind: 'areas', file: fixture('melton-6.geojson') }, 'import');
      // Asked as the view asks, while the worker writes and after it is done.
      const asked = new Set<string>();
      for (;;) {
        asked.add(await outside());
        if (services.imports.job(jobId).state !== 'running') break;
        await new Promise((r) => setTimeout(r, 1));
      }
      expect(services.imports.job(jobId)).toMatchObject({ state: 'done', result: { accepted: 6 } });
      asked.add(await outside());
      expect([...asked]).toEqual([before]);
      expect(services.imports.counts()).toMatchObject({ areas: 6 });

      // Another program's commit is still told.
      const other = new Database(file);
      other.prepare("UPDATE project_meta SET value = 'Renamed elsewhere' WHERE key = 'name'").run();
      other.close();
      expect(await outside()).not.toBe(before);
    } finally {
      services.close();
    }
  });
});
