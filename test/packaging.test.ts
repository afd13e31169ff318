import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers/temp';

// electron-builder downloads Electron, so `npm run dist` cannot run here; check its configuration instead.
const config = parse(fs.readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const targets = (platform: string) => (config[platform].target as { target: string }[]).map((t) => t.target);

describe('electron-builder.yml', () => {
  it('builds a Windows NSIS installer that needs no administrator rights', () => {
    expect(targets('win')).toEqual(['nsis']);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.nsis.allowElevation).toBe(false);
    expect(config.nsis.oneClick).toBe(false);
  });

  it('builds a macOS dmg and a Linux AppImage', () => {
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux')).toEqual(['AppImage']);
  });

  it('packages the built app and rebuilds the native module for Electron, unpacked from asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/node/**', 'dist/renderer/**', 'package.json']));
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.extraResources[0]).toMatchObject({ from: 'data', to: 'data' });
  });

  it('starts the Electron main bundle the build produces', () => {
    expect(pkg.main).toBe('dist/node/main.cjs');
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder.yml/);
    expect(pkg.dependencies['better-sqlite3']).toBeDefined();
    expect(pkg.devDependencies.electron).toBeDefined();
  });
});

describe('the built renderer', () => {
  it('is React\'s production build, even when the tests built it (vitest sets NODE_ENV=test)', () => {
    const assets = path.join(repoRoot, 'dist', 'renderer', 'assets');
    const scripts = fs.readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const file of scripts) expect(fs.readFileSync(path.join(assets, file), 'utf8')).not.toContain('jsxDEV');
  });
});
