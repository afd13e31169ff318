// Finds Electron's runtime binary, downloading it on demand, and keeps an
// Electron build of better-sqlite3 beside the Node one (see electron/store/native.ts).
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const DOWNLOAD_TIMEOUT_MS = 5 * 60 * 1000;

function electronDir(root) {
  return path.join(root, 'node_modules', 'electron');
}

export function electronVersion(root) {
  return JSON.parse(fs.readFileSync(path.join(electronDir(root), 'package.json'), 'utf8')).version;
}

/** The runtime's executable, or null when it is not installed. */
export function installedElectron(root) {
  const dir = electronDir(root);
  try {
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/**
 * Electron's package installs without its runtime here (package.json's
 * allowScripts denies its download script, because machines without access to
 * Electron's download server would fail `npm install`). Fetch it now instead.
 */
export function ensureElectron(root, log) {
  if (!fs.existsSync(electronDir(root))) return { binary: null, reason: 'the electron package is not installed (run npm install)' };
  const found = installedElectron(root);
  if (found) return { binary: found };
  log('Downloading the Electron runtime (first start only)…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  const result = spawnSync(process.execPath, [path.join(electronDir(root), 'install.js')], {
    cwd: electronDir(root),
    env,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const binary = installedElectron(root);
  if (binary) return { binary };
  const detail = (result.stderr || '').split('\n').find((line) => /error/i.test(line)) ?? (result.error?.message || `exit ${result.status}`);
  return { binary: null, reason: detail.trim() };
}

export function electronNativeBinding(root, version) {
  return path.join(root, '.electron-native', `electron-v${version}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

function nodeGypScript() {
  if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp)) return process.env.npm_config_node_gyp;
  const bundled = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  return fs.existsSync(bundled) ? bundled : null;
}

/**
 * Builds better-sqlite3 for Electron's ABI in a copy of its sources, so the
 * Node build in node_modules (used by tests, the CLI and the browser host) is
 * never overwritten. Runs only when the Electron build is missing.
 */
export function ensureElectronNative(root, version, log) {
  const target = electronNativeBinding(root, version);
  if (fs.existsSync(target)) return { ok: true, target };
  const gyp = nodeGypScript();
  if (!gyp) return { ok: false, reason: 'node-gyp was not found (it ships with npm)' };
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  const work = path.join(root, '.electron-native', 'build-src');
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  for (const part of ['binding.gyp', 'src', 'deps', 'package.json']) fs.cpSync(path.join(source, part), path.join(work, part), { recursive: true });
  log(`Building the SQLite module for Electron ${version} (first start only, about 90 s)…`);
  const result = spawnSync(
    process.execPath,
    [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: work, stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (result.status !== 0) return { ok: false, reason: `node-gyp exited with ${result.status}` };
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  fs.rmSync(work, { recursive: true, force: true });
  return { ok: true, target };
}
