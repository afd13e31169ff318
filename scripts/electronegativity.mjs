// Static Electron security check (Doyensec's electronegativity) over the main
// process, the preload and the page the window loads. Fails on any finding of
// medium severity or above. It runs offline: its release lookup failing is fine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-electronegativity-'));
const report = path.join(stage, 'report.csv');
try {
  fs.cpSync(path.join(root, 'electron'), path.join(stage, 'app', 'electron'), { recursive: true });
  fs.cpSync(path.join(root, 'renderer', 'index.html'), path.join(stage, 'app', 'renderer', 'index.html'));
  fs.cpSync(path.join(root, 'package.json'), path.join(stage, 'app', 'package.json'));
  const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const bin = path.join(root, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
  const severity = (row) => /^[^,]*,"([A-Z]+)"/.exec(row)?.[1] ?? 'UNKNOWN';
  // On a busy machine electronegativity has been seen to leave a report with a
  // row cut short; a report whose rows do not all parse is produced again.
  let rows = [];
  for (let attempt = 1; attempt <= 3; attempt++) {
    fs.rmSync(report, { force: true });
    const run = spawnSync(process.execPath, [bin, '-i', path.join(stage, 'app'), '-r', '-s', 'medium', '-e', electronVersion, '-o', report], {
      encoding: 'utf8',
    });
    if (!fs.existsSync(report)) {
      process.stderr.write(run.stdout + run.stderr);
      throw new Error('electronegativity produced no report');
    }
    rows = fs.readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
    if (rows.every((row) => severity(row) !== 'UNKNOWN')) break;
  }
  const findings = rows.filter((row) => !['LOW', 'INFORMATIONAL'].includes(severity(row)));
  for (const row of rows.filter((r) => !findings.includes(r))) process.stdout.write(`(low, for review) ${row}\n`);
  if (findings.length) {
    process.stderr.write(`Electron security check: ${findings.length} finding(s) of medium severity or above:\n${findings.join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write(`Electron security check (electronegativity, Electron ${electronVersion}): no findings of medium severity or above.\n`);
  }
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
