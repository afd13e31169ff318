import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { repoRoot, tempDir } from './temp';

const bin = path.join(repoRoot, 'bin', 'carecover.cjs');

/** Runs the CLI as its user would, with a user-data folder of its own. */
export function carecover(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, CARECOVER_USER_DATA: tempDir(), ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * One project made by `carecover init` for every test of a describe block
 * (tempDir() is emptied after each test), removed after the block. Call in
 * the block's body; `file` is ready inside the tests.
 */
export function initProjectForBlock(prefix: string): { file: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `carecover-${prefix}-`));
  const file = path.join(dir, 'county.carecover');
  beforeAll(() => {
    expect(carecover(['init', file]).code).toBe(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { file, dir };
}
