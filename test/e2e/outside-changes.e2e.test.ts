import path from 'node:path';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAssignments } from '../../electron/store/model-data';
import { currentPlanId } from '../../electron/store/plans';
import { repoRoot, tempDir } from '../helpers/temp';
import { openApp, skipE2E, type AppSession } from './harness';

/** The app open in a window while the CLI saves to the same project: the window shows what the CLI saved without being told. */
describe.skipIf(skipE2E)('another program saving to the open project', () => {
  let app: AppSession;

  beforeAll(async () => {
    app = await openApp();
    await app.page.locator('.leaflet-container[data-rendered="true"]').waitFor();
    await app.page.locator('.zone-table tbody tr').first().waitFor();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('reloads the map and the zone table after carecover plan assign', async () => {
    const { page, services } = app;
    const file = services.session.file!;
    const db = services.session.db();
    const z05 = [...readAssignments(db, currentPlanId(db)!)].filter(([, zone]) => zone === 'Z05').map(([code]) => code);
    const row = page.locator('.zone-table tbody tr[data-zone-id="Z06"]');
    await row.waitFor();
    const before = await row.textContent();
    const plan = path.join(tempDir(), 'plan.csv');
    fs.writeFileSync(plan, ['area_code,zone_id', ...z05.map((c) => `${c},Z06`)].join('\n') + '\n');
    const cli = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'carecover.cjs'), 'plan', 'assign', '--project', file, plan], { encoding: 'utf8', env: { ...process.env, CARECOVER_USER_DATA: tempDir() } });
    expect(cli.status, cli.stderr).toBe(0);
    // Within a few seconds, and with no click, Z06's row shows the areas it gained.
    await expect.poll(() => row.textContent(), { timeout: 8000 }).not.toBe(before);
    expect(await page.locator('.zone-table tbody tr[data-zone-id="Z05"]').textContent()).not.toMatch(/[1-9]\d* areas?/);
    await app.screenshot('outside-change-reloaded');
    expect(app.consoleErrors).toEqual([]);
  });
});
