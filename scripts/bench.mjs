// npm run bench: bundles bench/index.ts with esbuild and runs it in this Node.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
// The map benchmark drives the built app.
createRequire(import.meta.url)('./build-lib.cjs').ensureBuilt(root, { renderer: true });
const outfile = path.join(root, 'dist', 'bench', 'bench.cjs');
await build({
  absWorkingDir: root,
  entryPoints: ['bench/index.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  external: ['electron'],
  logLevel: 'warning',
});
createRequire(import.meta.url)(outfile);
