// npm run build: bundles the Node side and builds the renderer (both always).
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('..', import.meta.url));
const { ensureBuilt } = require('./build-lib.cjs');
ensureBuilt(root, { force: !process.argv.includes('--if-stale') });
