import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

/** The renderer bundled as Vite splits it: the entry, and the chunks it imports on demand. */
async function rendererBundle(): Promise<Metafile> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['renderer/src/main.tsx'],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'dist/test-bundle',
    write: false,
    metafile: true,
    loader: { '.css': 'empty', '.svg': 'empty' },
    logLevel: 'silent',
  });
  return result.metafile;
}

describe('the renderer bundle', () => {
  it('leaves the validator out (it runs at the boundary, in the services), and the entry small', async () => {
    const meta = await rendererBundle();
    const inputs = Object.keys(meta.inputs);
    expect(inputs.some((p) => p.includes('renderer/src/App.tsx'))).toBe(true);
    expect(inputs.filter((p) => p.includes('node_modules/zod/'))).toEqual([]);
    // The entry sends the first calls before the app's chunk (React, Leaflet, the panels) is evaluated.
    const [entryFile, entry] = Object.entries(meta.outputs).find(([, o]) => o.entryPoint === 'renderer/src/main.tsx')!;
    // What runs before the entry does: its own code and the chunks it imports statically.
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      meta.outputs[file]!.imports.filter((i) => i.kind === 'import-statement').forEach((i) => visit(i.path));
    };
    visit(entryFile);
    const entryInputs = [...loaded].flatMap((file) => Object.keys(meta.outputs[file]!.inputs));
    expect(entryInputs).toContain('renderer/src/first-calls.ts');
    expect(entryInputs.filter((p) => /node_modules\/(react|react-dom|leaflet)\//.test(p) || p.endsWith('App.tsx'))).toEqual([]);
    expect(entry.imports.some((i) => i.kind === 'dynamic-import')).toBe(true);
  });
});
