import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExportRequestSchema } from '../../../shared/export/request';
import { exportInWorker } from '../../../electron/export/run-in-worker';
import { createServices } from '../../../electron/services';
import { tempDir } from '../../helpers/temp';

let file: string;
let userData: string;

beforeAll(() => {
  userData = tempDir('carecover-worker-');
  const services = createServices({ host: 'web', userData });
  file = services.session.create(path.join(userData, 'p.carecover'), 'default').path;
  services.close();
});

describe('exports in a worker thread', () => {
  it('produces the file and reports progress', async () => {
    const steps: string[] = [];
    const result = await exportInWorker(file, userData, ExportRequestSchema.parse({ kind: 'map', format: 'png', dpi: 150 }), { onProgress: (s) => steps.push(s) });
    expect(result.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(steps).toEqual(['Reading the project', 'Drawing']);
  });

  it('can be cancelled, and then answers with a cancelled error', async () => {
    const controller = new AbortController();
    const pending = exportInWorker(file, userData, ExportRequestSchema.parse({ kind: 'map', format: 'png', dpi: 600, paper: 'a3' }), { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('passes a bad request\'s error back with its code', async () => {
    await expect(exportInWorker(file, userData, ExportRequestSchema.parse({ kind: 'table', format: 'csv', table: 'contingency', zoneId: 'Z99' }))).rejects.toMatchObject({ code: 'not-found' });
  });
});
