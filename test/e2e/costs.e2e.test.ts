import { describe, expect, it } from 'vitest';
import { skipE2E, useApp } from './harness';

/** A commissioner prices April's NLW rise: open Costs, change the NLW, watch the rates, the chart and the headroom move, save and compare. */
describe.skipIf(skipE2E)('the Costs tab', () => {
  const app = useApp();

  it('re-prices a new NLW, saves it as a scenario and compares it with the base', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Costs' }).click();
    const headline = page.locator('.costs__headline');
    await headline.waitFor();
    const chart = page.locator('.costs .chart').first();
    await chart.locator('svg .mark-rect path, svg .mark-rect').first().waitFor();
    const urbanHomeCare = page.locator('.costs__rates tbody tr').first();
    const ratesBefore = await urbanHomeCare.textContent();
    const headlineBefore = await headline.textContent();
    const chartBefore = await chart.locator('svg').innerHTML();
    await app.screenshot('costs-base');

    // April 2026: £12.71, up from £12.21, with 3% CPI on the rest.
    await page.getByLabel('National Living Wage').fill('12.71');
    await page.getByLabel('CPI at each fee review (non-pay share, spot)').fill('3');
    await expect.poll(() => headline.textContent()).not.toBe(headlineBefore);
    await expect.poll(() => urbanHomeCare.textContent()).not.toBe(ratesBefore);
    await expect.poll(() => chart.locator('svg').innerHTML()).not.toBe(chartBefore);
    expect(await page.locator('.costs__scenario .badge').textContent()).toMatch(/changed/);
    // Urban home care: £24.60 × (0.7194 × 12.71/12.21 + 0.2806 × 1.03) ≈ £25.53.
    expect(await urbanHomeCare.textContent()).toMatch(/£25\.5\d\/h/);
    const headroomAfter = await headline.textContent();
    expect(headroomAfter).toMatch(/over|headroom/);

    await page.getByLabel('Save as').fill('NLW April 2026');
    await page.getByRole('button', { name: 'Save scenario' }).click();
    await expect.poll(() => page.getByLabel('Pricing scenario').inputValue()).toBe('NLW April 2026');
    await expect.poll(() => page.locator('.costs__scenario .badge').count()).toBe(0);
    const compare = page.locator('.costs__compare tbody tr');
    await expect.poll(() => compare.count()).toBe(2);
    expect(await compare.nth(0).textContent()).toMatch(/^Base/);
    // The NLW rise costs more than the base over the term.
    expect(await compare.nth(1).textContent()).toMatch(/^NLW April 2026.*\+£\d/);
    await page.locator('.costs__compare').scrollIntoViewIfNeeded();
    await app.screenshot('costs-scenario-compared');

    // The scenario was saved in the project: the service reads it back.
    expect(app.services.costs.scenarios().map((s) => s.name)).toEqual(['Base', 'NLW April 2026']);
    expect(app.consoleErrors).toEqual([]);
  });

  it("edits a band's cost model: more travel per visit raises its modelled rate", async () => {
    const { page } = app;
    const rural = page.locator('.costs__rates tbody tr').nth(3);
    await rural.scrollIntoViewIfNeeded();
    const before = await rural.locator('td').nth(2).textContent();
    const details = page.locator('.costs__inputs', { hasText: 'Cost model: Rural Home care' });
    await details.locator('summary').click();
    await details.getByLabel('Travel per visit').fill('20');
    await details.getByRole('button', { name: 'Save Rural Home care inputs' }).click();
    await expect.poll(() => rural.locator('td').nth(2).textContent()).not.toBe(before);
    // 12 minutes a visit at 30-minute visits was 24 travel minutes an hour; 20 makes 40: the rate rises.
    const money = (t: string | null) => Number((t ?? '').replace(/[£,]/g, ''));
    expect(money(await rural.locator('td').nth(2).textContent())).toBeGreaterThan(money(before));
    await page.locator('.costs h3', { hasText: 'Rates against the cost of care' }).scrollIntoViewIfNeeded();
    await app.screenshot('costs-rates');
    expect(app.consoleErrors).toEqual([]);
  });
});

