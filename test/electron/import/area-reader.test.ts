import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPass, type AreaInput } from '../../../electron/import/area-pass';
import { readInThread, type ReaderJob } from '../../../electron/import/area-reader';
import { areaRecord, type AreaRecord } from '../../../electron/import/boundary-check';
import { ImportFileError } from '../../../electron/import/errors';
import { silentProgress } from '../../../electron/import/progress';
import { tempDir } from '../../helpers/temp';
import { fixture } from './import-helpers';

function job(file: string): ReaderJob {
  const input: AreaInput & { kind: 'stream' } = { kind: 'stream', file, size: fs.statSync(file).size };
  return { input, request: { kind: 'areas', file }, fileName: path.basename(file), forced: null, existingCodes: ['E01025883'] };
}

describe('reading areas on a second thread', () => {
  it('hands on the same areas, in the file\'s order, and finds the same as reading on this thread', () => {
    const j = job(fixture('melton-6.geojson'));
    const here: AreaRecord[] = [];
    const alone = readPass(j.input, j.request, j.fileName, null, new Set(j.existingCodes), silentProgress, (f) => here.push(areaRecord(f)));
    const there: AreaRecord[] = [];
    const steps: string[] = [];
    const threaded = readInThread(j, (a) => there.push(a), { report: (step) => steps.push(step) });
    expect(there.map((a) => a.id)).toEqual(here.map((a) => a.id));
    expect(there).toEqual(here);
    expect(there).toHaveLength(6);
    expect(threaded).toEqual(alone);
    expect(threaded.redo ? null : threaded.preview).toMatchObject({ accepted: 6, added: 5, updated: 1 });
    expect(steps).toContain('Reading and checking features');
  });

  it('gives the reader\'s errors back as the same kind of error, naming the feature', () => {
    const file = path.join(tempDir(), 'broken.geojson');
    const good = fs.readFileSync(fixture('melton-6.geojson'), 'utf8');
    fs.writeFileSync(file, good.replace(/\{"type":\s*"Feature"/g, (m, offset: number) => (offset > good.length / 2 ? '{"type": "Feature",,' : m)));
    expect(() => readInThread(job(file), () => {}, silentProgress)).toThrow(ImportFileError);
    expect(() => readInThread(job(file), () => {}, silentProgress)).toThrow(/feature \d is not valid JSON/);
  });

  it('stops the reader when the import is cancelled (progress throws), without waiting for the file to end', () => {
    const cancelled = new Error('cancelled');
    let accepted = 0;
    expect(() =>
      readInThread(job(fixture('melton-6.geojson')), () => accepted++, {
        report() {
          throw cancelled;
        },
      }),
    ).toThrow(cancelled);
    expect(accepted).toBe(0);
  });
});
