import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { insertPlanWithZones, setCurrentPlan } from '../../electron/store/plans';
import { openApp, skipE2E, type AppSession } from './harness';

const ZONES = 60;

/** The default project with a plan of more zones than the table draws with the first screen (FIRST_ROWS, 40). */
function manyZoneProject(dir: string): string {
  const services = createServices({ host: 'web', userData: dir });
  const file = services.session.create(path.join(dir, 'many-zones.carecover'), 'default').path;
  const db = services.session.db();
  const codes = db.prepare('SELECT code FROM areas ORDER BY code').pluck().all() as string[];
  const zones = Array.from({ length: ZONES }, (_, i) => ({ id: `M${String(i + 1).padStart(2, '0')}`, name: `Zone ${i + 1}`, colour: '#888888', bandOverride: null, locked: false }));
  db.transaction(() => setCurrentPlan(db, insertPlanWithZones(db, 'Many zones', zones, codes.map((code, i) => [code, zones[i % ZONES]!.id] as const))))();
  services.close();
  return file;
}

describe.skipIf(skipE2E)('the zone table of a plan with many zones', () => {
  let app: AppSession;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-zone-table-'));
    // The rows on the page when the first map is marked drawn (in the frame callback that marks it, before that frame is painted).
    const initScript = `new MutationObserver((changes, observer) => {
      if (document.querySelector('.leaflet-container[data-rendered="true"]')) {
        window.__rowsWithFirstMap = document.querySelectorAll('.zone-table tbody tr').length;
        observer.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-rendered'] });`;
    app = await openApp({ project: manyZoneProject(dir), initScript });
    await app.page.locator('.leaflet-container[data-rendered="true"]').waitFor();
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('draws its first rows with the first map and the rest right after, all of them in the end', async () => {
    const { page } = app;
    expect(await page.evaluate(() => (window as unknown as { __rowsWithFirstMap?: number }).__rowsWithFirstMap)).toBe(40);
    await expect.poll(() => page.locator('.zone-table tbody tr').count()).toBe(ZONES);
    expect(await page.locator('.filters__count').textContent()).toBe(`${ZONES} of ${ZONES} zones`);
    // Sorted by coverage, lowest first, across all the rows, not just the first ones drawn.
    const cover = await page.locator('.zone-table tbody tr td:nth-of-type(3)').allTextContents();
    const numbers = cover.map((c) => Number(c.replace(/[^\d.]/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(app.consoleErrors).toEqual([]);
  });
});
