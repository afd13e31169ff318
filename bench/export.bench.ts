import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServices } from '../electron/services';
import { produceExport } from '../electron/export/service';
import { ExportRequestSchema } from '../shared/export/request';
import { report } from './harness';

async function medianAsync(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function run(): Promise<void> {
  console.log('\nCommittee exports of the default project (A4 landscape), median of 5');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-bench-export-'));
  const services = createServices({ host: 'web', userData: dir });
  try {
    services.session.create(path.join(dir, 'bench.carecover'), 'default');
    const request = (format: 'svg' | 'png' | 'pdf') => ExportRequestSchema.parse({ kind: 'map', format, dpi: 300, date: '2026-11-22' });
    const svg = await medianAsync(() => produceExport(services, request('svg')));
    report('SVG layout (the baseline every format starts from)', svg, null, null);
    report('PNG at 300 dpi (3508 × 2480)', await medianAsync(() => produceExport(services, request('png'))), 2000, svg, 'SVG');
    report('PDF (vector)', await medianAsync(() => produceExport(services, request('pdf'))), 2000, svg, 'SVG');
  } finally {
    services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
