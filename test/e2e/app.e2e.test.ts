import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services';
import { FIRST_SCREEN_CALLS } from '../../shared/api/first-screen';
import { openApp, skipE2E, type AppSession } from './harness';

describe.skipIf(skipE2E)('the app in a browser', () => {
  let app: AppSession;

  beforeAll(async () => {
    // What the page shows as the app first draws itself: recorded on the root's first change after the placeholder.
    const initScript = `document.addEventListener('DOMContentLoaded', () => {
      const root = document.getElementById('root');
      window.__placeholder = root.textContent;
      new MutationObserver((changes, observer) => {
        observer.disconnect();
        window.__firstDrawn = { bar: !!root.querySelector('.project-bar'), map: !!root.querySelector('.leaflet-container'), table: root.querySelectorAll('.zone-table tbody tr').length };
      }).observe(root, { childList: true, subtree: true });
    });`;
    app = await openApp({ initScript });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on the project with the map container and no console errors', async () => {
    const { page } = app;
    await page.locator('.leaflet-container[data-rendered="true"]').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('.project-bar__name').textContent()).toBe('Leicestershire sample');
    await expect.poll(async () => (await page.locator('.leaflet-container').boundingBox())?.width ?? 0).toBeGreaterThan(600);
    expect((await page.locator('.leaflet-container').boundingBox())!.height).toBeGreaterThan(400);
    const shot = await app.screenshot('foundation-main');
    expect(fs.statSync(shot).size).toBeGreaterThan(1000);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a placeholder while it opens, then draws the whole first screen at once: bar, map and table together', async () => {
    await app.page.locator('.leaflet-container[data-rendered="true"]').waitFor();
    const seen = await app.page.evaluate(() => {
      const w = window as unknown as { __placeholder: string; __firstDrawn: { bar: boolean; map: boolean; table: number } };
      return { placeholder: w.__placeholder, firstDrawn: w.__firstDrawn };
    });
    expect(seen.placeholder).toBe('Opening CareCover…');
    expect(seen.firstDrawn).toEqual({ bar: true, map: true, table: 14 });
  });

  it("asks for the first screen's data in one request", () => {
    const origin = `http://127.0.0.1:${app.host.port}`;
    expect(app.requests.filter((url) => url === `${origin}/batch`)).toHaveLength(1);
    expect(app.batched).toEqual(FIRST_SCREEN_CALLS.map(([method]) => method));
    // None of them asked again on its own.
    const single = app.requests.filter((url) => url.startsWith(`${origin}/api/`)).map((url) => url.slice(`${origin}/api/`.length));
    expect(single.filter((method) => app.batched.includes(method))).toEqual([]);
  });

  it('takes the token out of the address bar', async () => {
    expect(app.page.url()).not.toContain('token');
  });

  it('makes no request outside 127.0.0.1', () => {
    const outside = app.requests.filter((url) => !url.startsWith(`http://127.0.0.1:${app.host.port}/`) && !url.startsWith('data:'));
    expect(outside).toEqual([]);
  });

  it('shows a readable error when a project cannot be opened, keeping the current one', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Project file').fill('/nowhere/missing.carecover');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no project file at /nowhere/missing.carecover');
    expect(await page.locator('.project-bar__name').textContent()).toBe('Leicestershire sample');
  });
});

describe.skipIf(skipE2E)('the app on a project with no plan yet', () => {
  let app: AppSession;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-empty-'));
    const services = createServices({ host: 'web', userData: dir });
    const project = services.session.create(path.join(dir, 'empty.carecover'), 'empty').path;
    services.close();
    app = await openApp({ project });
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says how to get a map, asks for its first screen once, and logs no error', async () => {
    const { page } = app;
    await page.locator('.map--empty').waitFor();
    expect(await page.locator('.map--empty').textContent()).toContain('This project has no zones yet');
    // Nothing to filter by lot until there is a plan.
    expect(await page.getByLabel('Lot', { exact: true }).count()).toBe(0);
    // Every panel says what to import, rather than a blank pane or one that asks for a plan and fails (Costs did, with a 422 each time).
    for (const name of ['Zones', 'Redraw', 'Scenarios', 'Withdrawal', 'Over time', 'Costs', 'Settings']) {
      await page.getByRole('tab', { name }).click();
      expect(await page.getByRole('tabpanel').textContent()).toContain('Nothing to show until the project has a zone plan. Use Import… for the areas\' boundaries, then a zone plan');
    }
    await page.waitForTimeout(500);
    // The batch found no plan: nothing of the workspace is asked for again, call by call (each would be a 422).
    const single = app.requests.filter((url) => url.includes('/api/')).map((url) => url.slice(url.lastIndexOf('/') + 1));
    expect(single.filter((method) => FIRST_SCREEN_CALLS.some(([first]) => first === method))).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('fills up through Import…: areas, then a zone plan drawn as boundaries, and the map and panels appear', async () => {
    const { page } = app;
    const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'import', name);
    const importFile = async (kind: string, file: string, count: string) => {
      await page.getByRole('button', { name: 'Import…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import' });
      await dialog.getByLabel('The file holds').selectOption(kind);
      await dialog.getByLabel('File to import').setInputFiles(fixture(file));
      await dialog.getByRole('button', { name: `Import ${count}` }).click();
      await expect.poll(() => dialog.getByText(/^Imported /).count()).toBe(1);
      await dialog.getByRole('button', { name: 'Close' }).click();
    };
    await importFile('areas', 'melton-6.geojson', '6 features');
    // Areas alone make no plan: still nothing to show, and still said so.
    await page.getByRole('tab', { name: 'Zones' }).click();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('Nothing to show until the project has a zone plan');
    await importFile('zones', 'melton-zones-drawn.geojson', '2 features');
    await page.locator('.leaflet-container[data-rendered="true"]').waitFor();
    await expect.poll(() => page.locator('tr[data-zone-id]').count()).toBeGreaterThan(0);
    expect(await page.getByRole('tabpanel').textContent()).not.toContain('Nothing to show');
    expect(await page.getByLabel('Lot', { exact: true }).count()).toBe(1);
    await app.screenshot('empty-project-filled');
    expect(app.consoleErrors).toEqual([]);
  });
});
