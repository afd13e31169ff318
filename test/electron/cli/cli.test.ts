import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../../electron/security';
import { repoRoot, tempDir } from '../../helpers/temp';
import { start } from '../../helpers/spawn';

const bin = path.join(repoRoot, 'bin', 'carecover.cjs');

function carecover(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CARECOVER_USER_DATA: tempDir(), ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('carecover CLI', () => {
  it('--help lists the commands', () => {
    const result = carecover(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+serve\s+/m);
    expect(result.stdout).toMatch(/^\s+version\s+/m);
  });

  it('version prints the version', () => {
    const result = carecover(['version']);
    expect(result).toMatchObject({ code: 0, stdout: 'CareCover 0.1.0\n' });
  });

  it.each([
    [['frobnicate'], /Unknown command "frobnicate"/],
    [['serve', '--port', 'abc'], /--port must be a whole number/],
    [['serve', '--colour'], /Unknown option '--colour'/],
    [['serve', '--port', '0', '--project', '/nonexistent/x.carecover'], /no project file at \/nonexistent\/x.carecover/],
  ])('%j is bad input: exit 2 with one line on stderr', (args, message) => {
    const result = carecover(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('serve --port 0 picks a free port, prints its URL and serves the app and the API', async () => {
    const server = start(process.execPath, [bin, 'serve', '--port', '0'], { CARECOVER_USER_DATA: tempDir() });
    try {
      const [url, port, token] = await server.waitFor(/http:\/\/127\.0\.0\.1:(\d+)\/#token=([\w-]+)/);
      expect(Number(port)).toBeGreaterThan(0);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
      const base = `http://127.0.0.1:${port}/api/getProject`;
      expect((await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
      const ok = await fetch(base, { method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token! }, body: '{}' });
      expect(await ok.json()).toMatchObject({ ok: true, value: { name: 'Leicestershire sample' } });
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});
