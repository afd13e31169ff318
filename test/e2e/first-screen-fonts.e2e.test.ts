import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_FONTS, fontKey } from '../../renderer/src/font-warmup';
import { openApp, skipE2E, type AppSession } from './harness';

describe.skipIf(skipE2E)('the fonts warmed while the page waits for its first data', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('are every weight, style and size the first screen lays out, and are gone once it is drawn', async () => {
    const { page } = app;
    await page.locator('.leaflet-container[data-rendered="true"]').waitFor();
    const used = await page.evaluate(() => {
      const keys = new Set<string>();
      for (const el of document.querySelectorAll('body *')) {
        if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) continue;
        const style = getComputedStyle(el);
        keys.add(JSON.stringify({ weight: style.fontWeight, size: style.fontSize, italic: style.fontStyle === 'italic' }));
      }
      return [...keys].map((k) => JSON.parse(k) as { weight: string; size: string; italic: boolean });
    });
    const warmed = new Set(FIRST_SCREEN_FONTS.map(fontKey));
    const missing = used.map(fontKey).filter((key) => !warmed.has(key));
    expect(used.length).toBeGreaterThan(5);
    expect(missing).toEqual([]);
    expect(await page.locator('body > [aria-hidden="true"]').count()).toBe(0);
  });
});
