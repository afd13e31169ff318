import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from '../helpers/temp';

/**
 * The layer rules of eslint.config.js, each shown failing a deliberate
 * violation (and passing what the layer allows), in a miniature tree laid out
 * like the repo: the real config file, copied beside a link to node_modules.
 */

interface Finding {
  file: string;
  rule: string | null;
  message: string;
}

let root = '';
let findings: Finding[] = [];

// Each file is one case: what it breaks is in its name.
const TREE: Record<string, string> = {
  // shared/: no Node, no Electron or SQLite, no DOM library, nothing of either side.
  'shared/node-builtin.ts': "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n",
  'shared/bare-builtin.ts': "import path from 'path';\nexport const join = path.join;\n",
  'shared/sqlite.ts': "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n",
  'shared/electron.ts': "import { ipcMain } from 'electron';\nexport const ipc = ipcMain;\n",
  'shared/dom-library.ts': "import { useState } from 'react';\nexport const hook = useState;\n",
  'shared/imports-main.ts': "import { service } from '../electron/services/service';\nexport const s = service;\n",
  'shared/imports-ui.ts': "import { panel } from '../renderer/src/panel';\nexport const p = panel;\n",
  'shared/pure.ts': "import { units } from './units';\nexport const twice = units * 2;\n",
  'shared/units.ts': 'export const units = 1;\n',
  // renderer/: only shared/ and its own files.
  'renderer/src/panel.ts': "import { twice } from '../../shared/pure';\nexport const panel = twice;\n",
  'renderer/src/imports-main.ts': "import { service } from '../../electron/services/service';\nexport const s = service;\n",
  'renderer/src/node-builtin.ts': "import fs from 'node:fs';\nexport const read = fs.readFileSync;\n",
  'renderer/src/sqlite.ts': "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n",
  'renderer/src/electron.ts': "import { ipcRenderer } from 'electron';\nexport const ipc = ipcRenderer;\n",
  'renderer/src/effect-missing-dependency.tsx': "import { useEffect, useState } from 'react';\nexport function Panel({ plan }: { plan: string }) {\n  const [shown, setShown] = useState('');\n  useEffect(() => setShown(plan), []);\n  return shown;\n}\n",
  'renderer/src/hook-in-condition.tsx': "import { useState } from 'react';\nexport function Panel({ open }: { open: boolean }) {\n  if (open) useState(0);\n  return null;\n}\n",
  // electron/: SQL only in store/; the main process does not import the UI.
  'electron/store/settings.ts': "import Database from 'better-sqlite3';\nexport const read = (db: Database.Database) => db.prepare('SELECT 1').get();\nexport const clear = (db: Database.Database) => db.exec('DELETE FROM settings');\nexport const version = (db: Database.Database) => db.pragma('user_version');\n",
  'electron/services/service.ts': "import { read } from '../store/settings';\nexport const service = read;\nexport const digits = (text: string) => /\\d+/.exec(text)?.[0];\n",
  'electron/services/prepares-sql.ts': "export const read = (db: { prepare(sql: string): unknown }) => db.prepare('SELECT 1');\n",
  'electron/services/execs-sql.ts': 'export const clear = (db: { exec(sql: string): unknown }) => db.exec(`DELETE FROM zones`);\n',
  'electron/services/pragma.ts': "export const version = (db: { pragma(sql: string): unknown }) => db.pragma('user_version');\n",
  'electron/services/sqlite.ts': "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n",
  'electron/services/imports-ui.ts': "import { panel } from '../../renderer/src/panel';\nexport const p = panel;\n",
  // No circles anywhere.
  'electron/cycle/a.ts': "import { b } from './b';\nexport const a = () => b();\n",
  'electron/cycle/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
};

beforeAll(async () => {
  root = tempDir('carecover-lint-');
  fs.copyFileSync(path.join(repoRoot, 'eslint.config.js'), path.join(root, 'eslint.config.js'));
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  for (const [file, text] of Object.entries(TREE)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const eslint = new ESLint({ cwd: root });
  const results = await eslint.lintFiles(['shared', 'renderer', 'electron']);
  findings = results.flatMap((r) => r.messages.map((m) => ({ file: path.relative(root, r.filePath).split(path.sep).join('/'), rule: m.ruleId, message: m.message })));
}, 60_000);

const rulesOf = (file: string) => findings.filter((f) => f.file === file).map((f) => f.rule);

describe('the layer rules', () => {
  it('reads every file of the tree, and nothing fails to parse', () => {
    expect(findings.filter((f) => f.rule === null)).toEqual([]);
  });

  it.each([
    ['shared/node-builtin.ts', 'import-x/no-nodejs-modules'],
    ['shared/bare-builtin.ts', 'import-x/no-nodejs-modules'],
    ['shared/sqlite.ts', 'no-restricted-imports'],
    ['shared/electron.ts', 'no-restricted-imports'],
    ['shared/dom-library.ts', 'no-restricted-imports'],
    ['shared/imports-main.ts', 'import-x/no-restricted-paths'],
    ['shared/imports-ui.ts', 'import-x/no-restricted-paths'],
    ['renderer/src/imports-main.ts', 'import-x/no-restricted-paths'],
    ['renderer/src/node-builtin.ts', 'import-x/no-nodejs-modules'],
    ['renderer/src/sqlite.ts', 'no-restricted-imports'],
    ['renderer/src/electron.ts', 'no-restricted-imports'],
    ['renderer/src/hook-in-condition.tsx', 'react-hooks/rules-of-hooks'],
    ['renderer/src/effect-missing-dependency.tsx', 'react-hooks/exhaustive-deps'],
    ['electron/services/prepares-sql.ts', 'no-restricted-syntax'],
    ['electron/services/execs-sql.ts', 'no-restricted-syntax'],
    ['electron/services/pragma.ts', 'no-restricted-syntax'],
    ['electron/services/sqlite.ts', 'no-restricted-imports'],
    ['electron/services/imports-ui.ts', 'import-x/no-restricted-paths'],
    ['electron/cycle/a.ts', 'import-x/no-cycle'],
    ['electron/cycle/b.ts', 'import-x/no-cycle'],
  ])('%s breaks %s', (file, rule) => {
    expect(rulesOf(file)).toContain(rule);
  });

  it('says what to do instead', () => {
    const sql = findings.find((f) => f.file === 'electron/services/prepares-sql.ts')!;
    expect(sql.message).toMatch(/electron\/store/);
    const renderer = findings.find((f) => f.file === 'renderer/src/imports-main.ts')!;
    expect(renderer.message).toMatch(/typed API/);
  });

  it.each(['shared/pure.ts', 'shared/units.ts', 'renderer/src/panel.ts', 'electron/store/settings.ts', 'electron/services/service.ts'])('%s keeps to its layer and passes', (file) => {
    expect(rulesOf(file)).toEqual([]);
  });
});
