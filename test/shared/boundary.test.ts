import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/temp';

// shared/ is used by the renderer and by Node: it may import only itself and
// pure libraries. (Its own tsconfig, with no Node or DOM types, backs this up.)
// Vega draws charts from data in both: it touches the DOM only when given an element to draw into.
const ALLOWED_PACKAGES = [/^zod$/, /^@turf\//, /^vega(-lite|-interpreter)?$/];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('shared/ boundary', () => {
  const shared = path.join(repoRoot, 'shared');
  const files = sourceFiles(shared);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => [path.relative(repoRoot, f), f]))('%s imports only shared/ and pure libraries', (_name, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
    for (const specifier of specifiers) {
      if (specifier.startsWith('.')) {
        const target = path.resolve(path.dirname(file), specifier);
        expect(target.startsWith(shared + path.sep), `${specifier} leaves shared/`).toBe(true);
      } else {
        expect(ALLOWED_PACKAGES.some((re) => re.test(specifier)), `${specifier} is not a pure library`).toBe(true);
      }
    }
  });
});
