import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, skipE2E, type AppSession } from './harness';

type ZoneStyles = Record<string, { cls: string; hatched: boolean }>;

async function zoneStyles(app: AppSession): Promise<ZoneStyles> {
  return JSON.parse((await app.page.locator('.map-panel').getAttribute('data-zone-styles')) ?? '{}') as ZoneStyles;
}

async function ready(app: AppSession) {
  await app.page.locator('.leaflet-container[data-rendered="true"]').waitFor();
  await app.page.locator('.zone-table tbody tr').first().waitFor();
  await app.page.waitForFunction(() => Object.keys(JSON.parse(document.querySelector('.map-panel')?.getAttribute('data-zone-styles') ?? '{}')).length > 0);
}

describe.skipIf(skipE2E)('the map workspace', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp();
    await ready(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('draws the zones with a legend, with no console errors and no request leaving 127.0.0.1', async () => {
    const { page } = app;
    const metrics = app.services.coverage.metrics().metrics;
    expect(Object.keys(await zoneStyles(app)).sort()).toEqual(metrics.zones.map((z) => z.zoneId).sort());
    await expect.poll(() => page.locator('.zone-label').count()).toBe(metrics.zones.length);
    const legend = page.getByRole('region', { name: 'Map legend' });
    await expect.poll(() => legend.textContent()).toContain('Red: coverage below 90%');
    expect(await legend.textContent()).toContain('Amber: 90% to under 100%');
    expect(await page.locator('.leaflet-control-scale').count()).toBe(1);
    // The map's canvas really has the zones painted on it: it is not blank.
    const painted = await page.evaluate(() => {
      const canvas = document.querySelector('.leaflet-canvas-pane canvas') as HTMLCanvasElement;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 16) if (data[i + 3]! > 0) coloured++;
      return coloured;
    });
    expect(painted).toBeGreaterThan(1000);
    await app.screenshot('workspace-main');
    expect(app.consoleErrors).toEqual([]);
    const outside = app.requests.filter((url) => !url.startsWith(`http://127.0.0.1:${app.host.port}/`) && !url.startsWith('data:'));
    expect(outside).toEqual([]);
  });

  it('lists the flagged zones and draws them hatched', async () => {
    const { page } = app;
    const metrics = app.services.coverage.metrics().metrics;
    await page.getByLabel('Flagged only').check();
    const rows = page.locator('.zone-table tbody tr');
    await expect.poll(() => rows.count()).toBe(metrics.totals.flaggedZones);
    const listed = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-zone-id')));
    const styles = await zoneStyles(app);
    for (const zoneId of listed) expect(styles[zoneId!]!.hatched, zoneId!).toBe(true);
    for (const zone of metrics.zones.filter((z) => z.flags.length === 0)) expect(styles[zone.zoneId]!.hatched).toBe(false);
    await page.getByLabel('Flagged only').uncheck();
  });

  it('clicking a zone on the map shows its detail, and its contingency candidates for a red zone', async () => {
    const { page } = app;
    const red = app.services.coverage.metrics().metrics.zones.find((z) => z.coverageClass === 'red' && z.name.startsWith('Vale'))!;
    // Zone labels do not take the mouse: a click on one lands on the zone beneath it.
    const label = page.locator('.zone-label', { hasText: red.name });
    const box = (await label.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.locator('#zone-detail-title').textContent()).toBe(red.name);
    expect(await page.locator('.zone-detail .reasons').textContent()).toContain('Secure committed hours cover');
    const candidates = page.locator('.contingency tbody tr');
    await expect.poll(() => candidates.count()).toBeGreaterThan(0);
    expect(await page.locator('.contingency__summary').textContent()).toMatch(/could .*close|new bids/);
    await expect.poll(() => page.locator('.leaflet-tooltip.candidate-tip').count()).toBeGreaterThan(0);
    expect(await page.locator(`tr[data-zone-id="${red.zoneId}"]`).getAttribute('aria-selected')).toBe('true');
    // The closing set and five after it, listed and numbered on the map alike; the rest on request; the legend says what the numbers are.
    const contingency = app.services.coverage.contingency(red.zoneId);
    const first = Math.min(contingency.candidates.length, contingency.candidates.filter((c) => c.inClosingSet).length + 5);
    expect(await candidates.count()).toBe(first);
    expect(await page.locator('.leaflet-tooltip.candidate-tip').count()).toBe(first);
    expect(new Set(contingency.candidates.map((c) => c.providerId)).size).toBe(contingency.candidates.length);
    expect(await page.getByRole('region', { name: 'Map legend' }).textContent()).toContain('Who could step in for the selected zone, in order');
    // The rank badges never cover one another, even where candidates share a town.
    const badges = await page.locator('.leaflet-tooltip.candidate-tip').evaluateAll((els) => els.map((e) => ({ text: e.textContent ?? '', ...e.getBoundingClientRect().toJSON() }) as { text: string; left: number; right: number; top: number; bottom: number }));
    for (let i = 0; i < badges.length; i++) {
      for (let j = i + 1; j < badges.length; j++) {
        const [a, b] = [badges[i]!, badges[j]!];
        expect(a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top, `badges ${a.text} and ${b.text}`).toBe(true);
      }
    }
    if (contingency.candidates.length > first) {
      await page.getByRole('button', { name: `Show all ${contingency.candidates.length} providers within reach` }).click();
      expect(await candidates.count()).toBe(contingency.candidates.length);
    }
    await app.screenshot('workspace-red-zone-contingency');
  });

  it('selecting a row in the table selects the zone on the map', async () => {
    const { page } = app;
    await page.locator('tr[data-zone-id="Z01"] .row-button').click();
    await expect.poll(() => page.locator('#zone-detail-title').textContent()).toBe('Loughborough');
    await expect.poll(() => page.locator('.zone-label--selected').textContent()).toBe('Loughborough');
  });

  it('a withdrawal simulation changes a zone\'s flags, and one click goes back', async () => {
    const { page } = app;
    // Find (through the services, not by hand) a provider whose withdrawal newly flags a zone.
    const provider = app.services.coverage.providers().find((p) => app.services.coverage.withdrawal(p.id, 100).newlyFlaggedZones.length > 0)!;
    const expected = app.services.coverage.withdrawal(provider.id, 100);
    const zoneId = expected.newlyFlaggedZones[0]!;
    const before = (await zoneStyles(app))[zoneId]!;

    await page.getByRole('tab', { name: 'Withdrawal' }).click();
    await page.getByLabel('Find a provider').fill(provider.name.slice(0, 8));
    await page.getByLabel('Provider', { exact: true }).selectOption(provider.id);
    await page.getByRole('button', { name: 'Simulate withdrawal' }).click();
    await expect.poll(() => page.locator('.mode-banner').textContent()).toContain(provider.name);
    expect(await page.locator('.withdrawal__result').textContent()).toContain('Newly flagged');
    await expect.poll(async () => (await zoneStyles(app))[zoneId]!.hatched).toBe(true);
    expect(before.hatched).toBe(false);
    await app.screenshot('workspace-withdrawal');

    await page.getByRole('tab', { name: 'Zones' }).click();
    expect(await page.locator(`tr[data-zone-id="${zoneId}"]`).getAttribute('class')).toContain('changed');
    await page.locator('.mode-banner').getByRole('button', { name: 'Back to current state' }).click();
    await expect.poll(async () => (await zoneStyles(app))[zoneId]!.hatched).toBe(false);
    expect(await page.locator('.mode-banner').count()).toBe(0);
  });

  it('changing a threshold recolours the map, and undoing it is one round trip', async () => {
    const { page } = app;
    const redBelow = app.services.coverage.settings().settings.redBelow;
    const amber = app.services.coverage.metrics().metrics.zones.find((z) => z.coverageClass === 'amber' && z.coverage! < 0.95)!;
    expect((await zoneStyles(app))[amber.zoneId]!.cls).toBe('amber');
    await page.getByRole('tab', { name: 'Settings' }).click();
    // Every tab is within the panel (they wrap): none is cut off, and choosing the last does not shift the panel sideways.
    const outside = await page.evaluate(() => {
      const panel = document.querySelector('.side-panel')!.getBoundingClientRect();
      return [...document.querySelectorAll('[role="tab"]')].filter((t) => t.getBoundingClientRect().right > panel.right + 0.5).map((t) => t.textContent);
    });
    expect(outside).toEqual([]);
    expect(await page.locator('.totals').evaluate((el) => el.getBoundingClientRect().left)).toBeGreaterThanOrEqual(await page.locator('.side-panel').evaluate((el) => el.getBoundingClientRect().left));
    await page.getByLabel('Red below (% coverage)').fill('95');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => (await zoneStyles(app))[amber.zoneId]!.cls).toBe('red');
    expect(await page.getByRole('region', { name: 'Map legend' }).textContent()).toContain('Red: coverage below 95%');
    // A broken rule is refused with a message, and nothing changes.
    await page.getByLabel('Red below (% coverage)').fill('120');
    await page.getByRole('button', { name: 'Save settings' }).click();
    // Said beside the field, under its label, not its internal name.
    await expect.poll(() => page.locator('.field__problem').first().textContent()).toBe('Red below (% coverage): the red line must not be above the amber line');
    expect(await page.getByLabel('Red below (% coverage)').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.form__problems').textContent()).toContain('Not saved: one setting needs changing (marked beside the field).');
    // Money reads as money.
    expect(await page.getByLabel('Budget envelope a year').inputValue()).toMatch(/^\d{1,3}(,\d{3})+$/);
    expect(app.services.coverage.settings().settings.redBelow).toBeCloseTo(0.95, 9);
    // Undo (Ctrl+Z, out of the text field): its answer carries the settings and every zone's figures, so nothing is read again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const beforeUndo = app.requests.length;
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await zoneStyles(app))[amber.zoneId]!.cls).toBe('amber');
    await expect.poll(() => page.getByRole('region', { name: 'Map legend' }).textContent()).toContain(`Red: coverage below ${Math.round(redBelow * 100)}%`);
    // The form shows the settings put back, and the refusal of what it held before is gone.
    await expect.poll(() => page.getByLabel('Red below (% coverage)').inputValue()).toBe(String(Math.round(redBelow * 1000) / 10));
    expect(await page.locator('.form__problems').count()).toBe(0);
    await page.waitForTimeout(1000);
    const calls = app.requests.slice(beforeUndo).filter((url) => url.includes('/api/')).map((url) => url.slice(url.lastIndexOf('/') + 1)).filter((method) => method !== 'getOutsideChanges');
    expect(calls).toEqual(['undo']);
    await app.screenshot('workspace-settings-undone');
  });

  it('axe-core finds no serious or critical accessibility violation', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Zones' }).click();
    const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(axeSource); // through the debugging protocol, so the page's CSP does not apply
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });
});

describe.skipIf(skipE2E)('text from data', () => {
  it('a zone named like HTML shows as literal text and runs nothing', async () => {
    const app = await openApp();
    try {
      const evil = '<img src=x onerror="window.__pwned=1">';
      app.services.session.write((db) => db.prepare("UPDATE zones SET name = ? WHERE id = 'Z14'").run(evil));
      await app.page.reload();
      await ready(app);
      await expect.poll(() => app.page.locator('.zone-label', { hasText: 'onerror' }).textContent()).toBe(evil);
      await app.page.locator('tr[data-zone-id="Z14"] .row-button').click();
      await expect.poll(() => app.page.locator('#zone-detail-title').textContent()).toBe(evil);
      expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await app.page.locator('img[src="x"]').count()).toBe(0);
    } finally {
      await app.close();
    }
  });
});
