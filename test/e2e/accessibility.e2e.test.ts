import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { skipE2E, useApp } from './harness';

// axe-core on every tab and every dialog, every impact level.
describe.skipIf(skipE2E)('accessibility of every tab and dialog', () => {
  const app = useApp();

  async function violations(): Promise<string[]> {
    const { page } = app;
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
  }

  for (const tab of ['Zones', 'Redraw', 'Scenarios', 'Withdrawal', 'Over time', 'Costs', 'Settings']) {
    it(`the ${tab} tab has no violation`, async () => {
      await app.page.getByRole('tab', { name: tab }).click();
      await app.page.waitForTimeout(300);
      expect(await violations()).toEqual([]);
    });
  }

  it('Propose zones… has no violation', async () => {
    await app.page.getByRole('tab', { name: 'Scenarios' }).click();
    await app.page.getByRole('button', { name: 'Propose zones…' }).click();
    expect(await violations()).toEqual([]);
  });

  for (const [button, name] of [
    ['Export…', 'Export'],
    ['Import…', 'Import'],
    ['Open…', 'Open a project'],
  ] as const) {
    it(`the ${name} dialog has no violation`, async () => {
      await app.page.getByRole('button', { name: button }).first().click();
      await app.page.getByRole('dialog').waitFor();
      await app.page.waitForTimeout(300);
      expect(await violations()).toEqual([]);
      await app.page.keyboard.press('Escape');
      await app.page.getByRole('dialog').waitFor({ state: 'detached' });
    });
  }
});
