// npm run bench: bundles bench/index.ts with esbuild and runs it in this Node.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
// The map benchmark drives the built app.
createRequire(import.meta.url)('./build-lib.cjs').ensureBuilt(root, { renderer: true });
const outfile = path.join(root, 'dist', 'bench', 'bench.cjs');
// The import benchmark's child is a bundle of its own (its peak memory is measured).
await build({
  absWorkingDir: root,
  entryPoints: { bench: 'bench/index.ts', 'import-child': 'bench/import-child.ts' },
  outdir: path.join(root, 'dist', 'bench'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  external: ['electron'],
  logLevel: 'warning',
});
createRequire(import.meta.url)(outfile);
