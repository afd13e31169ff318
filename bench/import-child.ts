import fs from 'node:fs';
import { runImport } from '../electron/import/importer';
import { writeEmptyProject } from '../electron/services/project-session';
import { createProjectDb } from '../electron/store/db';

/**
 * The import benchmark's child (bench/import.bench.ts runs it twice): a plain
 * JSON.parse of the file, or the areas import of it into a new project, its
 * figures printed as one JSON line. Bundled on its own, so each child's peak
 * memory is its job's and this code's, not every benchmark's libraries.
 */

/**
 * This process's peak resident memory in MiB. On Linux, VmHWM: getrusage's
 * maxRSS (process.resourceUsage) is carried over from the parent through
 * fork and exec, so a child of a bench that has grown to 300 MB reported
 * 300 MB whatever it used itself (checked: a 39 MB child of a 300 MB parent
 * said 303). VmHWM belongs to the memory the program has after exec.
 */
function peakRssMb(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: getrusage's figure, which is this process's own where exec starts afresh.
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function child(mode: string, args: string[]): Promise<void> {
  if (mode === 'parse') {
    const start = performance.now();
    const json = JSON.parse(new TextDecoder().decode(fs.readFileSync(args[0]!))) as { features: unknown[] };
    console.log(JSON.stringify({ ms: performance.now() - start, maxRssMb: peakRssMb(), features: json.features.length }));
    return;
  }
  const [file, projectFile] = args as [string, string];
  const db = createProjectDb(projectFile, { overwrite: true });
  db.transaction(() => writeEmptyProject(db, 'England import (benchmark)'))();
  const steps: Record<string, number> = {};
  let last = { step: 'start', at: performance.now() };
  const start = performance.now();
  const { preview } = await runImport(db, { kind: 'areas', file }, 'import', {
    report(step) {
      if (step === last.step) return;
      const now = performance.now();
      steps[last.step] = (steps[last.step] ?? 0) + now - last.at;
      last = { step, at: now };
    },
  });
  const end = performance.now();
  steps[last.step] = (steps[last.step] ?? 0) + end - last.at;
  delete steps.start;
  db.close();
  console.log(JSON.stringify({ ms: end - start, maxRssMb: peakRssMb(), accepted: preview.accepted, repaired: preview.problems.filter((p) => p.severity === 'repaired').length, steps }));
}

const [mode, ...args] = process.argv.slice(2);
child(mode!, args).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
