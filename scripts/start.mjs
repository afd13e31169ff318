// npm start: the desktop app on the last project (or the first-run project).
// Where Electron's runtime is missing and cannot be downloaded, say so and run
// the browser host instead, so the app always starts. npm run start:web goes
// straight to the browser host. Extra arguments go to the app, e.g.
// npm start -- --project FILE --port N
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureElectron, ensureElectronNative, electronVersion } from './electron-runtime.mjs';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const appArgs = args.filter((arg) => arg !== '--web');
const log = (line) => process.stderr.write(line + '\n');

require('./build-lib.cjs').ensureBuilt(root, { renderer: true });

function fallbackParagraph(reason) {
  return [
    '',
    'Electron runtime unavailable: the CareCover desktop window needs the Electron runtime, which is not',
    `installed on this machine and could not be downloaded (${reason}). Starting the browser host instead:`,
    'the same app, services and project, served to a web browser on this computer only (127.0.0.1).',
    'Open the address printed below in a browser; press Ctrl+C to stop.',
    '',
  ].join('\n');
}

async function startWeb() {
  const { main } = require('../dist/node/cli.cjs');
  process.exitCode = await main(['serve', ...appArgs]);
}

async function startDesktop() {
  const electron = ensureElectron(root, log);
  if (!electron.binary) {
    log(fallbackParagraph(electron.reason));
    return startWeb();
  }
  const version = electronVersion(root);
  const native = ensureElectronNative(root, version, log);
  if (!native.ok) {
    log(fallbackParagraph(`the SQLite module could not be built for Electron ${version}: ${native.reason}`));
    return startWeb();
  }
  const project = appArgs[appArgs.indexOf('--project') + 1];
  const child = spawn(electron.binary, [root, ...(appArgs.includes('--project') && project ? [project] : [])], { stdio: 'inherit' });
  child.on('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}

await (webOnly ? startWeb() : startDesktop());
