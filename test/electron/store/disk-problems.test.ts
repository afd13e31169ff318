import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { runCli } from '../../helpers/spawn';
import { tempDir } from '../../helpers/temp';

/**
 * A full disk and a read-only project, as the CLI meets them. Both need a
 * small disk of their own: a tmpfs, which only root may mount (CI runs as
 * root). Elsewhere the tests are skipped with the reason.
 */
function mountTmpfs(megabytes: number): string | null {
  // Not a tempDir(): those are removed after each test, and a mount point cannot be.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}
const probe = mountTmpfs(1);
if (probe) {
  execFileSync('umount', [probe]);
  fs.rmdirSync(probe);
}
else console.warn('disk-problems: skipped, this user cannot mount a tmpfs (run the tests as root, as CI does)');

const mounted: string[] = [];
afterAll(() => {
  for (const dir of mounted.reverse()) execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
});

/** Fills the disk holding `dir` to the last byte. */
function fill(dir: string): string {
  const filler = path.join(dir, 'filler');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; size >= 1; size = Math.floor(size / 2)) {
      try {
        for (;;) fs.writeSync(fd, chunk, 0, size);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

const oneLine = (stderr: string) => {
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at |node_modules|dist\/node/);
};

describe.skipIf(!probe)('the disk refuses', () => {
  async function projectOn(megabytes: number) {
    const disk = mountTmpfs(megabytes)!;
    mounted.push(disk);
    const file = path.join(disk, 'county.carecover');
    expect((await runCli(['init', file], tempDir())).code).toBe(0);
    return { disk, file, before: dataFingerprint(file) };
  }

  it('a full disk: each save says so in one line, exits 2, and the project is whole and unchanged', async () => {
    const { disk, file, before } = await projectOn(8);
    const filler = fill(disk);
    const demand = path.join(tempDir(), 'demand.csv');
    const codes = (new Database(file, { readonly: true }).prepare('SELECT code FROM areas LIMIT 200').all() as { code: string }[]).map((r) => r.code);
    fs.writeFileSync(demand, ['LSOA11CD,Service,Hours,People', ...codes.map((c, i) => `${c},CHC,${i + 1},1`)].join('\n'));
    for (const args of [
      ['plan', 'copy', '--project', file, '--from', 'current', '--name', 'Copy'],
      ['import', 'demand', demand, '--project', file],
      ['export', 'zones', '--project', file, '--format', 'geojson', '--out', path.join(disk, 'zones.geojson')],
    ]) {
      const result = await runCli(args, tempDir());
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`carecover: Could not (save|open|write) ${disk}/(county\\.carecover|zones\\.geojson): the disk is full`));
      oneLine(result.stderr);
    }
    expect(fs.readdirSync(disk).filter((f) => f.includes('partial') || f.startsWith('zones'))).toEqual([]);
    fs.rmSync(filler);
    expect(dataFingerprint(file)).toBe(before);
    const db = new Database(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  }, 60_000);

  it('a read-only disk: info, report and export work; a save says the project is read-only, and nothing changes', async () => {
    const { disk, file, before } = await projectOn(8);
    execFileSync('mount', ['-o', 'remount,ro', disk]);
    const info = await runCli(['info', '--project', file], tempDir());
    expect(info.code).toBe(0);
    expect(info.stdout).toMatch(/areas\s+396/);
    expect((await runCli(['report', '--project', file], tempDir())).stdout).toMatch(/^zone_id,/);
    const out = path.join(tempDir(), 'zones.geojson');
    expect((await runCli(['export', 'zones', '--project', file, '--format', 'geojson', '--out', out], tempDir())).code).toBe(0);
    const copy = await runCli(['plan', 'copy', '--project', file, '--from', 'current', '--name', 'Copy'], tempDir());
    expect(copy.code).toBe(2);
    expect(copy.stderr).toMatch(/Could not save .*county\.carecover: the file or its folder is read-only\. Nothing was changed\. Use Save As/);
    oneLine(copy.stderr);
    expect(dataFingerprint(file)).toBe(before);
  }, 60_000);

  it('a read-only file in a folder that can be written: the same', async () => {
    const { file, before } = await projectOn(8);
    // Root ignores file modes, so the file is made read-only with a read-only bind mount over it.
    execFileSync('mount', ['--bind', file, file]);
    mounted.push(file);
    execFileSync('mount', ['-o', 'remount,ro,bind', file]);
    const copy = await runCli(['plan', 'copy', '--project', file, '--from', 'current', '--name', 'Copy'], tempDir());
    expect(copy.code).toBe(2);
    expect(copy.stderr).toMatch(/Could not save .*county\.carecover: the file or its folder is read-only/);
    oneLine(copy.stderr);
    expect(dataFingerprint(file)).toBe(before);
  }, 60_000);
});
