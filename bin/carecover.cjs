#!/usr/bin/env node
'use strict';
// The `carecover` command. From a source checkout it first rebuilds the bundled
// CLI (and, for `serve`, the UI) when the sources are newer than the build.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const buildLib = path.join(root, 'scripts', 'build-lib.cjs');
if (fs.existsSync(buildLib)) {
  try {
    require(buildLib).ensureBuilt(root, { renderer: args[0] === 'serve' });
  } catch (error) {
    process.stderr.write(`carecover: could not build: ${error.message}\n`);
    process.exit(1);
  }
}
require(path.join(root, 'dist', 'node', 'cli.cjs'))
  .main(args)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`carecover: ${error.stack || error}\n`);
      process.exitCode = 1;
    },
  );
