import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/temp';
import { start } from '../helpers/spawn';
// @ts-expect-error plain ES module without types
import { installedElectron } from '../../scripts/electron-runtime.mjs';

// npm start must always run the app. Where Electron's runtime is absent and its
// download fails, it explains and serves the browser host instead. The download
// is pointed at a closed port on this machine so the test never fetches Electron.
describe.skipIf(installedElectron(repoRoot) !== null)('npm start without the Electron runtime', () => {
  it('says the runtime is unavailable and serves the browser host', async () => {
    const app = start(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs'), '--port', '0'], {
      CARECOVER_USER_DATA: tempDir(),
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: tempDir(),
    });
    try {
      const [url] = await app.waitFor(/http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/);
      expect(app.stderr()).toMatch(/Electron runtime unavailable/);
      expect(app.stderr()).toMatch(/Starting the browser host instead/);
      expect((await fetch(url)).status).toBe(200);
    } finally {
      await app.stop();
    }
  });
});
