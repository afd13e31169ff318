import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** End-to-end and CLI tests run the built app, so build whatever is out of date once per run. */
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { ensureBuilt } = createRequire(import.meta.url)('../scripts/build-lib.cjs') as {
    ensureBuilt(root: string, options?: { renderer?: boolean }): void;
  };
  ensureBuilt(root, { renderer: true });
}
