import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { resultsDir, skipE2E, useApp } from './harness';

const havePoppler = spawnSync('pdftotext', ['-v']).status === 0;

/** A commissioner looks back: drags the months, opens a zone's trend and the transition, exports the update report. */
describe.skipIf(skipE2E)('the Over time tab', () => {
  const app = useApp();

  it('drags the time slider and the map shows that month', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Over time' }).click();
    const slider = page.getByLabel('Map shows');
    await slider.waitFor();
    const map = page.locator('.leaflet-container');
    const totals = page.locator('.totals');
    const before = await map.screenshot();
    const totalsBefore = await totals.textContent();
    // Drag the handle from the right end (the latest month) to the left end (April 2026).
    const box = (await slider.boundingBox())!;
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await page.mouse.move(box.x - 30, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => page.locator('.month-slider__value').textContent()).toBe('Apr 2026 (returns)');
    await expect.poll(() => totals.textContent()).not.toBe(totalsBefore);
    expect(await page.locator('.month-banner').textContent()).toMatch(/^The map and the figures show Apr 2026, from the monthly returns/);
    expect(await page.getByRole('region', { name: 'Plan totals in Apr 2026 (monthly returns)' }).count()).toBe(1);
    // January 2027: Billesdon's hand-backs leave East Leicestershire Villages red.
    await slider.focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.locator('.month-slider__value').textContent()).toBe('Jan 2027 (returns)');
    await page.waitForTimeout(300);
    const after = await map.screenshot();
    expect(Buffer.compare(before, after)).not.toBe(0);
    await app.screenshot('over-time-jan-2027');
    await page.locator('.month-slider').getByRole('button', { name: 'Back to the model' }).click();
    expect(await page.locator('.month-banner').count()).toBe(0);
    await expect.poll(() => page.locator('.month-slider__value').textContent()).toBe('the model as it stands');
  });

  it("opens a zone's trend month by month", async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Zones' }).click();
    await page.locator('.zone-table tbody tr[data-zone-id="Z12"] .row-button').click();
    const detail = page.locator('.zone-detail');
    await detail.locator('.sparkline').waitFor();
    expect(await detail.locator('.sparkline').getAttribute('aria-label')).toMatch(/^East Leicestershire Villages coverage: \d+% in Apr 2026 to \d+% in Sep 2027$/);
    await detail.getByText('Trend month by month').click();
    const rows = detail.locator('.zone-trend__table tbody tr');
    await expect.poll(() => rows.count()).toBe(18);
    expect(await rows.nth(9).textContent()).toMatch(/^Jan 2027\d+%/);
    await detail.locator('.zone-trend').scrollIntoViewIfNeeded();
    await app.screenshot('over-time-zone-trend');
  });

  it('opens the transition for an exiting provider and exports the update report', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Over time' }).click();
    await page.getByLabel('Exiting provider').selectOption({ label: 'Gateway Care Ltd (leaves 2027-06-30)' });
    const table = page.locator('.transition-table tbody tr');
    await expect.poll(() => table.count()).toBeGreaterThan(1);
    // The first exiting provider's transition may still be on screen for a moment: wait for the one chosen.
    await expect.poll(() => page.locator('.transition__summary').textContent()).toMatch(/^Gateway Care Ltd holds [\d,]+ hours of care a week to move by 2027-06-30/);
    await page.locator('.transition-table').scrollIntoViewIfNeeded();
    await app.screenshot('over-time-transition');

    await page.getByRole('button', { name: 'Export the update report…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await expect.poll(() => dialog.getByLabel('What').inputValue()).toBe('update-report');
    await dialog.getByLabel('Since (the last report)').selectOption('2026-10');
    await dialog.getByLabel('Up to').selectOption('2027-06');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const file = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.copyFileSync(file, path.join(resultsDir, 'update-report.pdf'));
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    if (havePoppler || process.env.CI === 'true') {
      const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
      expect(text).toMatch(/update report/);
      expect(text).toMatch(/since the last report: Oct 2026 to Jun 2027/);
      expect(text).toMatch(/Coverage across the plan moved from \d+% in Oct 2026 to \d+% in Jun 2027/);
      expect(text).toMatch(/East Leicestershire Villages/);
      expect(text).toMatch(/Meridian Care Partners joins the framework/);
      expect(text).toMatch(/Transition off exiting providers/);
      expect(text).toMatch(/Re-opening brief: 2027-04-01/);
      expect(spawnSync('pdftoppm', ['-r', '80', '-png', file, path.join(resultsDir, 'update-report')]).status).toBe(0);
      expect(fs.existsSync(path.join(resultsDir, 'update-report-1.png'))).toBe(true);
    }
    expect(app.consoleErrors).toEqual([]);
  });
});
