import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, skipE2E, type AppSession } from './harness';

describe.skipIf(skipE2E)('the app in a browser', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp();
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
