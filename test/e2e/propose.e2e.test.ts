import { describe, expect, it } from 'vitest';
import { areaCentre } from '../../shared/plan/split';
import { readAreaGeometries, readAssignments } from '../../electron/store/model-data';
import { currentPlanId, listPlans, resolvePlan } from '../../electron/store/plans';
import { skipE2E, useApp } from './harness';

describe.skipIf(skipE2E)('proposing zones', () => {
  const app = useApp();

  it('locks zones by ticking and by clicking the map, watches a thorough run and cancels it, then completes one and compares it with the current plan', async () => {
    const { page, services } = app;
    const db = services.session.db();
    const start = readAssignments(db, currentPlanId(db)!);

    await page.getByRole('tab', { name: 'Scenarios' }).click();
    await page.getByRole('button', { name: 'Propose zones…' }).click();
    const panel = page.locator('.propose');
    await expect.poll(() => panel.getByLabel('Zones', { exact: true }).inputValue()).toBe('14');
    await panel.getByLabel('Loughborough', { exact: true }).check();
    // Click Melton Mowbray (Z13) on the map to lock it too.
    const melton = [...start].find(([, z]) => z === 'Z13')![0];
    const [lng, lat] = areaCentre(readAreaGeometries(db).get(melton)!);
    const [x, y] = await page.locator('.leaflet-container').evaluate((el, [la, ln]) => (el as HTMLElement & { carecoverPoint(a: number, b: number): [number, number] }).carecoverPoint(la!, ln!), [lat!, lng!]);
    const box = (await page.locator('.leaflet-container').boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    await expect.poll(() => panel.getByLabel('Melton Mowbray', { exact: true }).isChecked()).toBe(true);
    await expect.poll(() => panel.locator('legend').textContent()).toContain('(2 locked)');
    await app.screenshot('propose-locks');

    // A thorough search takes a while: watch its progress, then cancel it.
    await panel.getByLabel('Search').selectOption('thorough');
    await panel.getByRole('button', { name: 'Propose' }).click();
    const status = panel.getByRole('status').first();
    await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/best objective so far \d+\.\d\d \(the starting plan: \d+\.\d\d\)/);
    await app.screenshot('propose-progress');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => panel.textContent()).toContain('Cancelled. No plan was written.');
    expect(listPlans(db).map((p) => p.name)).toEqual(['Sample framework zones']);

    // A normal search runs to the end and opens beside the current plan.
    await panel.getByLabel('Search').selectOption('normal');
    await panel.getByRole('button', { name: 'Propose' }).click();
    const maps = page.getByRole('dialog', { name: 'Two plans side by side' });
    await expect.poll(() => maps.locator('.leaflet-container[data-rendered="true"]').count(), { timeout: 60_000 }).toBe(2);
    await expect.poll(() => maps.locator('figcaption').allTextContents()).toEqual(['Sample framework zones', 'Proposal 1']);
    await app.screenshot('propose-two-maps');
    await maps.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => panel.textContent()).toContain('Wrote the scenario “Proposal 1”');
    expect(await panel.textContent()).toMatch(/Fewer hours short/);
    await expect.poll(() => page.locator('.comparison').textContent()).toContain('Areas that changed zone');
    // Moved areas by area and zone names, not codes.
    expect(await page.locator('.moved li').first().textContent()).toMatch(/^[A-Z][^:]* \d{3}[A-Z]: [A-Z][^→]* → [A-Z].*$/);
    expect(await page.locator('.moved li').first().textContent()).not.toMatch(/E0\d{7}|Z\d\d/);
    expect(await page.getByLabel('Plan A', { exact: true }).inputValue()).toBe('Sample framework zones');
    expect(await page.getByLabel('Plan B', { exact: true }).inputValue()).toBe('Proposal 1');
    await app.screenshot('propose-report');

    // The proposal is a new scenario: the current plan is as it was, and the locked zones kept every area.
    expect(listPlans(db).map((p) => p.name)).toEqual(['Sample framework zones', 'Proposal 1']);
    expect(readAssignments(db, currentPlanId(db)!)).toEqual(start);
    const proposed = readAssignments(db, resolvePlan(db, 'Proposal 1').id);
    for (const [area, zone] of start) if (zone === 'Z01' || zone === 'Z13') expect(proposed.get(area)).toBe(zone);
    for (const [area, zone] of proposed) if (zone === 'Z01' || zone === 'Z13') expect(start.get(area)).toBe(zone);
    expect(app.consoleErrors).toEqual([]);
  }, 180_000);
});
