'use strict';
// Builds what the Node side runs (bundled with esbuild: fast, one file per
// entry, sandbox-friendly preload) and the renderer (Vite), each only when its
// sources are newer than its last build. CommonJS so bin/carecover.cjs can call
// it synchronously before loading the CLI.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const NODE_ENTRIES = {
  main: 'electron/main.ts',
  preload: 'electron/preload.ts',
  cli: 'electron/cli/main.ts',
  'export-worker': 'electron/export/worker-entry.ts',
  'import-worker': 'electron/import/worker-entry.ts',
  'area-reader': 'electron/import/area-reader-entry.ts',
  'optimise-worker': 'electron/optimise/worker-entry.ts',
  'services-worker': 'electron/services/worker-entry.ts',
};
const NODE_SOURCES = ['electron', 'shared', 'data', 'package.json'];
const RENDERER_SOURCES = ['renderer', 'shared', 'electron/security.ts', 'vite.config.ts', 'package.json'];

function newestMtime(root, entries) {
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') visit(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

function stampTime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

function nodeStamp(root) {
  return path.join(root, 'dist', 'node', '.built');
}
function rendererStamp(root) {
  return path.join(root, 'dist', 'renderer', 'index.html');
}

function isNodeStale(root) {
  return stampTime(nodeStamp(root)) < newestMtime(root, NODE_SOURCES);
}
function isRendererStale(root) {
  return stampTime(rendererStamp(root)) < newestMtime(root, RENDERER_SOURCES);
}

function buildNode(root) {
  const esbuild = require('esbuild');
  esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: NODE_ENTRIES,
    outdir: 'dist/node',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: true,
    // Packages load from node_modules at run time (several are native: better-sqlite3,
    // resvg); only our own code is bundled. electron-builder ships the dependencies.
    packages: 'external',
    external: ['electron'],
    logLevel: 'warning',
  });
  fs.writeFileSync(nodeStamp(root), new Date().toISOString());
}

function buildRenderer(root) {
  const vite = path.join(path.dirname(require.resolve('vite/package.json', { paths: [root] })), 'bin', 'vite.js');
  // Vite reports on stdout; send it to stderr so CLI output stays clean.
  // Always the production build: under vitest NODE_ENV is "test", which would give React's development build.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 2, 2], env: { ...process.env, NODE_ENV: 'production' } });
  if (result.status !== 0) throw new Error('The renderer build failed (see above).');
}

/** Builds whatever is out of date; `force` rebuilds both. */
function ensureBuilt(root, { renderer = true, force = false } = {}) {
  if (force || isNodeStale(root)) buildNode(root);
  if (renderer && (force || isRendererStale(root))) buildRenderer(root);
}

module.exports = { ensureBuilt, buildNode, buildRenderer, isNodeStale, isRendererStale };
