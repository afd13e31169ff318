import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listImports } from '../../electron/store/imports';
import { repoRoot } from '../helpers/temp';
import { skipE2E, useApp } from './harness';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'import', name);

describe.skipIf(skipE2E)('importing through the UI', () => {
  const app = useApp();

  it('imports a providers CSV saved by Excel on Windows, previewed first, and the map shows the new branches', async () => {
    const { page } = app;
    const map = page.getByRole('region', { name: 'Coverage map' });
    const before = Number(await map.getAttribute('data-provider-count'));
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('The file holds').selectOption('providers');
    await dialog.getByLabel('File to import').setInputFiles(fixture('providers-excel-windows.csv'));

    // The preview: how the file was read, the mapping it guessed, the first rows as text.
    await expect.poll(() => dialog.getByText('windows-1252, separated by commas').count()).toBe(1);
    await expect.poll(() => dialog.getByText('3 rows to import (3 new, 0 updated)').count()).toBe(1);
    expect(await dialog.getByLabel('Provider id', { exact: true }).inputValue()).toBe('Provider ID');
    expect(await dialog.getByLabel('Latitude').inputValue()).toBe('Latitude');
    await expect.poll(() => dialog.getByRole('cell', { name: 'Brontë Home Care' }).count()).toBe(1);
    expect(app.services.session.db().prepare("SELECT count(*) AS n FROM providers WHERE id = 'P48'").get()).toEqual({ n: 0 });
    await app.screenshot('import-preview');

    await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect.poll(() => dialog.getByText('Imported 3 rows from providers-excel-windows.csv (3 new, 0 updated).').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The map redraws with the new branches, and they can be picked for a withdrawal.
    await expect.poll(async () => Number(await map.getAttribute('data-provider-count'))).toBe(before + 3);
    await page.getByRole('tab', { name: 'Withdrawal' }).click();
    await expect.poll(() => page.getByRole('option', { name: /Brontë Home Care/ }).count()).toBeGreaterThan(0);
    await app.screenshot('import-after');
    expect(listImports(app.services.session.db())).toEqual([expect.objectContaining({ kind: 'providers', fileName: 'providers-excel-windows.csv', rowsAccepted: 3, rowsRejected: 0 })]);
    expect(app.consoleErrors).toEqual([]);
  });

  it('shows a bad table row by row and writes nothing', async () => {
    const { page } = app;
    const count = () => (app.services.session.db().prepare('SELECT count(*) AS n FROM supply').get() as { n: number }).n;
    const before = count();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('The file holds').selectOption('capacity');
    await dialog.getByLabel('File to import').setInputFiles(fixture('bad-capacity-rows.csv'));
    await expect.poll(() => dialog.getByRole('cell', { name: '"twelve" is not a number' }).count()).toBe(1);
    await expect.poll(() => dialog.getByRole('cell', { name: 'provider "P99" is not in the project (import the providers first)' }).count()).toBe(1);
    expect(await dialog.getByRole('button', { name: 'Import 1 row' }).isDisabled()).toBe(true);
    await app.screenshot('import-problems');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(count()).toBe(before);
  });

  it('previews a zipped British National Grid shapefile of boundaries with a map, its layer and coordinate system', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await dialog.getByLabel('The file holds').selectOption('areas');
    await dialog.getByLabel('File to import').setInputFiles(fixture('melton-6-bng-shapefile.zip'));
    await expect.poll(() => dialog.getByText('layer "melton_lsoa", coordinates EPSG:27700, converted to WGS84').count()).toBe(1);
    await expect.poll(() => dialog.getByText('6 features to import (0 new, 6 updated)').count()).toBe(1);
    expect(await dialog.getByLabel('Id property').inputValue()).toBe('LSOA11CD');
    expect(await dialog.getByRole('img', { name: 'Map preview of the boundaries to import' }).locator('path').getAttribute('d')).toMatch(/^M[\d. L]+Z/);
    await app.screenshot('import-boundaries-preview');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(listImports(app.services.session.db()).filter((i) => i.kind === 'areas')).toEqual([]);
  });
});
