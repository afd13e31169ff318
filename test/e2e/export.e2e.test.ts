import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/temp';
import { skipE2E, useApp } from './harness';

async function pdfText(file: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(fs.readFileSync(file)), isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  return content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' ');
}

describe.skipIf(skipE2E)('exporting', () => {
  const app = useApp();

  it('exports a PDF from the UI, and the CLI exports the same map', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Title', { exact: true }).fill('Coverage for the Adults and Communities committee');
    await expect.poll(() => dialog.locator('.export__preview img').count(), { timeout: 10_000 }).toBe(1);
    await app.screenshot('export-dialog');
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export' }).click()]);
    const fromUi = path.join(tempDir(), download.suggestedFilename());
    await download.saveAs(fromUi);
    expect(path.extname(fromUi)).toBe('.pdf');
    const uiText = await pdfText(fromUi);
    expect(uiText).toContain('Coverage for the Adults and Communities committee');

    const fromCli = path.join(tempDir(), 'cli.pdf');
    const cli = spawnSync(
      process.execPath,
      [path.join(repoRoot, 'bin', 'carecover.cjs'), 'export', 'map', '--project', app.services.session.file!, '--format', 'pdf', '--title', 'Coverage for the Adults and Communities committee', '--out', fromCli],
      { encoding: 'utf8', env: { ...process.env, CARECOVER_USER_DATA: tempDir() } },
    );
    expect(cli.status, cli.stderr).toBe(0);
    expect(await pdfText(fromCli)).toBe(uiText);

    // The dialog remembers this project's choices.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Export' }).getByLabel('Title', { exact: true }).inputValue()).toBe('Coverage for the Adults and Communities committee');
    expect(app.consoleErrors).toEqual([]);
  });
});
