import { describe, expect, it } from 'vitest';
import { skipE2E, useApp } from './harness';

/** Coverage model v2 as a user meets it: split a zone, simulate a withdrawal, switch the lot. */
describe.skipIf(skipE2E)('coverage model v2 in the UI', () => {
  const app = useApp();
  const row = (zoneId: string) => app.page.locator(`tr[data-zone-id="${zoneId}"]`);
  const hoursIn = async (zoneId: string, column: number) => Number(((await row(zoneId).locator('td').nth(column).textContent()) ?? '').replace(/[^\d.]/g, ''));

  it('splitting a zone leaves supply with both halves', async () => {
    const { page, services } = app;
    const toScreen = async ([lng, lat]: number[]) => {
      const [x, y] = await page.locator('.leaflet-container').evaluate((el, [la, ln]) => (el as HTMLElement & { carecoverPoint(a: number, b: number): [number, number] }).carecoverPoint(la!, ln!), [lat!, lng!]);
      const box = (await page.locator('.leaflet-container').boundingBox())!;
      return [box.x + x, box.y + y] as const;
    };
    const melton = services.coverage.metrics().metrics.zones.find((z) => z.zoneId === 'Z13')!;
    await page.getByRole('tab', { name: 'Redraw' }).click();
    await page.getByLabel('Zone', { exact: true }).selectOption('Z13');
    await page.getByRole('button', { name: 'Split along a line' }).click();
    await page.getByRole('button', { name: 'Draw a line to split this zone' }).click();
    await page.locator('.leaflet-container.map--drawing').waitFor();
    // North–south through Melton Mowbray.
    const [x1, y1] = await toScreen([-0.886, 52.68]);
    const [x2, y2] = await toScreen([-0.886, 52.86]);
    await page.mouse.move(x1, y1);
    await page.mouse.down();
    await page.mouse.move(x1, (y1 + y2) / 2, { steps: 4 });
    await page.mouse.move(x2, y2, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => services.coverage.metrics().metrics.zones.some((z) => z.name === 'Melton Mowbray (split)')).toBe(true);
    const zones = services.coverage.metrics().metrics.zones;
    const half = zones.find((z) => z.name === 'Melton Mowbray (split)')!;
    const rest = zones.find((z) => z.zoneId === 'Z13')!;
    // Both halves keep the supply of their own areas, and together they hold what Melton held.
    expect(half.committedHours).toBeGreaterThan(0);
    expect(rest.committedHours).toBeGreaterThan(0);
    expect(half.committedHours + rest.committedHours).toBeCloseTo(melton.committedHours, 6);
    expect(half.coverage! / melton.coverage!).toBeGreaterThan(0.5);
    expect(half.coverage! / melton.coverage!).toBeLessThan(2);
    await page.getByRole('tab', { name: 'Zones' }).click();
    await expect.poll(() => hoursIn(half.zoneId, 1)).toBeGreaterThan(0); // the Supply column, on screen
    await app.screenshot('coverage-split-keeps-supply');
    // Put Melton back together for the next test.
    await page.getByRole('tab', { name: 'Redraw' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => services.coverage.metrics().metrics.zones.length).toBe(14);
  });

  it('a withdrawal reads as a sentence that adds up, and its branch is marked on the map', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Withdrawal' }).click();
    await page.getByLabel('Find a provider').fill('Blaby Home');
    await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Blaby Home Support' });
    await page.getByRole('button', { name: 'Simulate withdrawal' }).click();
    const summary = page.locator('.withdrawal__summary');
    await expect.poll(() => summary.textContent()).toMatch(/^If Blaby Home Support withdraws, it hands back/);
    const text = (await summary.textContent())!;
    const numbers = /hands back ([\d,]+) hours of care a week for ([\d,]+) people: ([\d,]+) hours can be re-homed with (\d+) other providers? and (?:([\d,]+) hours cannot be placed within reach|none is left unmet)/.exec(text);
    expect(numbers, text).not.toBeNull();
    const n = (s: string | undefined) => Number((s ?? '0').replace(/,/g, ''));
    expect(n(numbers![3]) + n(numbers![5])).toBe(n(numbers![1]));
    expect(n(numbers![1])).toBeGreaterThan(0);
    expect(n(numbers![4])).toBeGreaterThan(0);
    await expect.poll(() => page.locator('.candidate-tip', { hasText: 'Blaby Home Support (withdrawn)' }).count()).toBe(1);
    await app.screenshot('coverage-withdrawal-rehomed');
    await page.getByRole('button', { name: 'Back to current state' }).first().click();
  });

  it('the lot selector drives the totals and the zone table; live-in is counted in weeks', async () => {
    const { page, services } = app;
    await page.getByRole('tab', { name: 'Zones' }).click();
    const lot = page.getByLabel('Lot', { exact: true });
    const demand = () => page.locator('.totals__item').first().locator('.totals__value').textContent();
    const all = services.coverage.metrics(undefined, 'all').metrics.totals;
    await expect.poll(demand).toBe(`${Math.round(all.demandHours).toLocaleString('en-GB')} h`);
    await lot.selectOption('chc');
    const chc = services.coverage.metrics(undefined, 'chc').metrics.totals;
    await expect.poll(demand).toBe(`${Math.round(chc.demandHours).toLocaleString('en-GB')} h`);
    await lot.selectOption('live-in');
    await expect.poll(demand).toMatch(/ wk$/);
    await expect.poll(() => row('Z01').locator('td').first().textContent()).toMatch(/ wk$/);
    await app.screenshot('coverage-lot-live-in');
    await lot.selectOption('all');
    await expect.poll(demand).toBe(`${Math.round(all.demandHours).toLocaleString('en-GB')} h`);
    expect(app.consoleErrors).toEqual([]);
  });

  it('counting exiting providers as cover is a setting: the totals follow it', async () => {
    const { page, services } = app;
    const cover = () => page.locator('.totals__item').nth(1).locator('.totals__sub').textContent();
    const before = await cover();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel("Count exiting providers' hours as cover").check();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => services.coverage.settings().settings.countAtRisk).toBe(1);
    const t = services.coverage.metrics().metrics.totals;
    expect(t.coverHours).toBeCloseTo(t.secureHours + t.atRiskHours, 6);
    await expect.poll(cover).not.toBe(before);
    await page.getByLabel("Count exiting providers' hours as cover").uncheck();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(cover).toBe(before);
    expect(app.consoleErrors).toEqual([]);
  });
});
