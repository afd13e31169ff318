import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createServices } from '../../../electron/services';
import { readAssignments, readDemand } from '../../../electron/store/model-data';
import { currentPlanId } from '../../../electron/store/plans';
import { pageMap } from '../../helpers/map';
import { runCli } from '../../helpers/spawn';
import { repoRoot, tempDir } from '../../helpers/temp';

const run = runCli;

/** Another process that takes the project's write lock and keeps it for `ms`. */
function holdWriteLock(file: string, ms: number): Promise<void> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.argv[2]));
    db.exec('COMMIT');
    db.close();`;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], { cwd: repoRoot });
  return new Promise((resolve) => child.stdout.once('data', () => resolve()));
}

describe('two writers on one project', () => {
  it('the app keeps editing while the CLI assigns a plan and imports demand into the same file: no edit fails or is lost', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'shared.carecover');
    const userData = tempDir();
    const services = createServices({ host: 'web', userData });
    services.session.create(file, 'default');
    try {
      const db = services.session.db();
      const zoneOf = readAssignments(db, currentPlanId(db)!);
      const z01 = [...zoneOf].filter(([, z]) => z === 'Z01').map(([c]) => c);
      const z05 = [...zoneOf].filter(([, z]) => z === 'Z05').map(([c]) => c);
      // The CLI moves Ashby's areas into Hinckley and imports demand; the app moves one Loughborough area back and forth.
      const plan = path.join(dir, 'plan.csv');
      fs.writeFileSync(plan, ['area_code,zone_id', ...z05.map((c) => `${c},Z06`)].join('\n') + '\n');
      const demand = path.join(dir, 'demand.csv');
      fs.writeFileSync(demand, ['LSOA11CD,Service,Hours,People', ...z01.slice(0, 30).map((c, i) => `${c},CHC,${i + 1},1`)].join('\n') + '\n');
      const cli = Promise.all([run(['plan', 'assign', '--project', file, plan], tempDir()), run(['import', 'demand', demand, '--project', file], tempDir())]);
      let done = false;
      void cli.then(() => (done = true));
      const moving = z01.at(-1)!;
      let edits = 0;
      const failures: string[] = [];
      // Edit until both commands are done, and at least 1,000 times.
      while (!done || edits < 1000) {
        try {
          services.editor.assignAreas(undefined, edits % 2 === 0 ? 'Z02' : 'Z01', [moving]);
          edits += 1;
        } catch (error) {
          failures.push((error as Error).message);
          if (failures.length > 20) break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const [assign, imported] = await cli;
      expect(failures).toEqual([]);
      expect(assign).toMatchObject({ code: 0 });
      expect(imported).toMatchObject({ code: 0 });
      // Nothing lost: the app's last edit, the CLI's plan and the imported demand are all in the file.
      const after = readAssignments(db, currentPlanId(db)!);
      expect(after.get(moving)).toBe(edits % 2 === 0 ? 'Z01' : 'Z02');
      for (const code of z05) expect(after.get(code)).toBe('Z06');
      const chc = new Map(readDemand(db).filter((d) => d.service === 'chc').map((d) => [d.areaCode, d.hours]));
      z01.slice(0, 30).forEach((c, i) => expect(chc.get(c)).toBe(i + 1));
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      services.close();
    }
  }, 60_000);

  it('a writer that cannot get the lock in time gets a typed "busy" error, and the project is unchanged', async () => {
    const file = path.join(tempDir(), 'locked.carecover');
    const services = createServices({ host: 'web', userData: tempDir() });
    services.session.create(file, 'default');
    try {
      const db = services.session.db();
      db.pragma('busy_timeout = 200');
      const code = [...readAssignments(db, currentPlanId(db)!)].find(([, z]) => z === 'Z01')![0];
      await holdWriteLock(file, 1500);
      let error: unknown;
      try {
        services.editor.assignAreas(undefined, 'Z02', [code]);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ code: 'busy', message: expect.stringMatching(/saving this project; try again/) });
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect(readAssignments(db, currentPlanId(db)!).get(code)).toBe('Z01');
      services.editor.assignAreas(undefined, 'Z02', [code]); // once the other writer is done, the edit goes through
      expect(readAssignments(db, currentPlanId(db)!).get(code)).toBe('Z02');
    } finally {
      services.close();
    }
  }, 20_000);

  it('an open view notices what the CLI saved to its project, and shows it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'watched.carecover');
    const services = createServices({ host: 'web', userData: tempDir() });
    services.session.create(file, 'default');
    try {
      const { handlers } = services;
      const before = (await handlers.getOutsideChanges({})).key;
      const map = pageMap(services);
      const moved = map.areas.codes.filter((_, i) => map.areas.zoneIds[i] === 'Z05');
      // The app's own edit is not an outside change.
      await handlers.assignAreas({ zoneId: 'Z02', areaCodes: [map.areas.codes[map.areas.zoneIds.indexOf('Z01')]!] });
      expect((await handlers.getOutsideChanges({})).key).toBe(before);
      await handlers.getMapData({});
      await handlers.getPlanMetrics({}); // the caches now hold the plan as it was
      const plan = path.join(dir, 'plan.csv');
      fs.writeFileSync(plan, ['area_code,zone_id', ...moved.map((c) => `${c},Z06`)].join('\n') + '\n');
      expect(await run(['plan', 'assign', '--project', file, plan], tempDir())).toMatchObject({ code: 0 });
      const after = (await handlers.getOutsideChanges({})).key;
      expect(after).not.toBe(before);
      expect((await handlers.getOutsideChanges({})).key).toBe(after); // asked again, nothing new
      const fresh = pageMap(services);
      for (const code of moved) expect(fresh.areas.zoneIds[fresh.areas.codes.indexOf(code)]).toBe('Z06');
      const metrics = await handlers.getPlanMetrics({});
      expect(metrics.metrics.zones.find((z) => z.zoneId === 'Z05')?.areaCount ?? 0).toBe(0);
    } finally {
      services.close();
    }
  }, 30_000);
});
