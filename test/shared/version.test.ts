import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { APP_VERSION } from '../../shared/version';
import { repoRoot } from '../helpers/temp';

it('shared/version.ts matches package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
});
