import { describe, expect, it } from 'vitest';
import { skipE2E, useApp } from './harness';

describe.skipIf(skipE2E)('dialogs by keyboard alone', () => {
  const app = useApp();

  const insideDialog = () => app.page.evaluate(() => Boolean(document.activeElement?.closest('[role="dialog"]')));
  const focusedName = () => app.page.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '');

  for (const [button, title] of [
    ['Export…', 'Export'],
    ['Import…', 'Import'],
  ] as const) {
    it(`${title}: takes the focus, keeps Tab and Shift+Tab inside, closes on Esc and gives the focus back`, async () => {
      const { page } = app;
      await page.getByRole('button', { name: button }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await expect.poll(insideDialog).toBe(true);
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab');
        expect(await insideDialog(), `after ${i + 1} Tabs`).toBe(true);
      }
      for (let i = 0; i < 5; i++) {
        await page.keyboard.press('Shift+Tab');
        expect(await insideDialog()).toBe(true);
      }
      await app.screenshot(`dialog-${title.toLowerCase()}-keyboard`);
      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await focusedName()).toBe(button);
    });
  }
  it('logs no console errors', () => expect(app.consoleErrors).toEqual([]));
});
