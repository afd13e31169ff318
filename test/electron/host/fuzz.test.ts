import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { API_METHODS, type ApiMethod } from '../../../shared/api/methods';
import { FRAME_JSON, FrameReader, isReadMethod } from '../../../shared/api/batch';
import { inThisThread } from '../../../electron/api-caller';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { createServices, type Services } from '../../../electron/services';
import { TOKEN_HEADER } from '../../../electron/security';
import { readAssignments } from '../../../electron/store/model-data';
import { currentPlanId } from '../../../electron/store/plans';
import { dataFingerprint } from '../../helpers/project-fingerprint';
import { repoRoot, tempDir } from '../../helpers/temp';

/**
 * About 2,000 hostile requests against the browser host, over every API
 * method: malformed, oversized, deeply nested and prototype-polluting bodies,
 * and paths that name what no request may touch. The bar: never a 500, never a
 * stack trace or an install path in a body, the host still answering, and the
 * project whole and changed only by the valid requests mixed in.
 */
let host: RunningHost;
let services: Services;
let dir: string;
let project: string;

beforeAll(async () => {
  dir = tempDir();
  project = path.join(dir, 'county.carecover');
  services = createServices({ host: 'web', userData: path.join(dir, 'user') });
  services.session.create(project, 'default');
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>CareCover</title>');
  host = await startHost({ api: inThisThread(services.handlers), staticDir, port: 0, onInternalError: () => {} });
});

afterAll(async () => {
  await host?.close();
  services?.close();
});

function post(pathname: string, body: string | Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: pathname,
        method: 'POST',
        headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token, 'Content-Length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Every answer is checked the same way; the failures are collected so one run shows all of them. */
const failures: string[] = [];
let sent = 0;
async function send(method: string, body: string | Buffer, expectStatus: (status: number) => boolean = (s) => s >= 400 && s < 500) {
  sent += 1;
  if (process.env.FUZZ_TRACE) fs.appendFileSync(process.env.FUZZ_TRACE, `${sent} ${method} ${String(body).slice(0, 80)}\n`);
  const response = await post(`/api/${encodeURIComponent(method)}`, body);
  const label = `${method} ${String(body).slice(0, 120)}`;
  if (!expectStatus(response.status)) failures.push(`${label} → ${response.status} ${response.body.slice(0, 300)}`);
  if (/\n\s+at |node_modules|dist\/node/.test(response.body) || response.body.includes(repoRoot)) failures.push(`${label} → leaks internals: ${response.body.slice(0, 300)}`);
  if (response.body.length > 20_000 && response.status >= 400) failures.push(`${label} → an error of ${response.body.length} characters`);
  return response;
}

/** Request bodies the contract refuses: any JSON, or the method's own keys holding the wrong things. */
function malformedBodies(method: ApiMethod, count: number, seed: number): string[] {
  const schema = contract[method].request;
  const shape = 'shape' in schema ? Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape) : [];
  const nasty = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.constantFrom(null, -1, 1e308, '', ' ', 'current', '../../etc/passwd', '<script>alert(1)</script>', '\u0000', 'Z01', [], {}, true),
    fc.string({ minLength: 0, maxLength: 20 }),
  );
  const keyed = shape.length ? fc.dictionary(fc.constantFrom(...shape, '__proto__', 'constructor', 'extra'), nasty, { maxKeys: shape.length + 1 }) : fc.dictionary(fc.string(), nasty);
  return fc
    .sample(fc.oneof(keyed, nasty), { numRuns: count * 4, seed })
    .filter((body) => !schema.safeParse(body ?? {}).success) // the hosts read a null body as {}
    .slice(0, count)
    .map((body) => JSON.stringify(body) ?? 'null');
}

describe('the browser host under fuzzing', () => {
  it('answers about 2,000 hostile requests with 4xx only, and the project changes only by the valid ones', async () => {
    // The valid edits below are kept in the undo log, so that table is set aside; so is the areas'
    // derived cache (topology in parts, district outlines), which the first request that needs it fills.
    const derived = ['edits', 'area_cache', 'area_topology_parts'];
    const before = dataFingerprint(project, derived);
    const db = services.session.db();
    const planBefore = [...readAssignments(db, currentPlanId(db)!)];
    const moving = planBefore.find(([, zone]) => zone === 'Z01')![0];

    // 1. Malformed bodies for every method, with valid edits mixed in that end where they started.
    let seed = 1;
    for (const method of API_METHODS) {
      for (const body of malformedBodies(method, 30, seed++)) await send(method, body);
      await send('assignAreas', JSON.stringify({ zoneId: 'Z02', areaCodes: [moving] }), (s) => s === 200);
      await send('assignAreas', JSON.stringify({ zoneId: 'Z01', areaCodes: [moving] }), (s) => s === 200);
    }

    // 2. Bodies no JSON parser or validator should choke on.
    const deep = (depth: number) => '{"plan":' + '['.repeat(depth) + ']'.repeat(depth) + '}';
    for (const method of ['getMapData', 'assignAreas', 'updateSettings', 'startImport', 'exportDocument'] as const) {
      await send(method, deep(10_000));
      await send(method, '{"request":' + '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) + '}');
      await send(method, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
      await send(method, '{"zoneId":"' + 'x'.repeat(2_000_000) + '"}');
      await send(method, '{not json');
      await send(method, Buffer.from([0xff, 0xfe, 0x00, 0x7b]));
    }
    await send('getProject', Buffer.alloc(65 * 2 ** 20, 0x20), (s) => s === 413);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();

    // 3. Paths no request may use, for every method that takes one.
    const fifo = path.join(dir, 'pipe.csv');
    for (const ending of ['csv', 'pdf', 'gpkg', 'carecover']) {
      execFileSync('mkfifo', [path.join(dir, `pipe.${ending}`)]);
      fs.mkdirSync(path.join(dir, `folder.${ending}`));
    }
    fs.writeFileSync(path.join(dir, 'letter.txt'), 'Dear committee');
    const hostile = [
      '/etc/shadow', '/etc/passwd', '/proc/self/environ', '/dev/zero', '/dev/null', fifo, path.join(dir, 'folder.csv'),
      project, `${project}-wal`, `${project}-shm`, '/etc/cron.d/job.csv', '../../../../etc/hosts', 'relative.csv',
      path.join(dir, 'letter.txt'), `/tmp/${'n'.repeat(300)}.csv`, '/proc/nope/x.carecover', '/sys/x.csv', 'x'.repeat(5000), '/tmp/a\u0000b.csv', '',
    ];
    /** An import of a hostile path may start (the check runs in its worker) but must fail, quoting nothing of the file. */
    const importMustFail = async (jobId: string) => {
      let job: { state: string; error: { message: string } | null; preview: unknown };
      do {
        await new Promise((resolve) => setTimeout(resolve, 20));
        job = (JSON.parse((await send('getImportJob', JSON.stringify({ jobId }), (s) => s === 200)).body) as { value: typeof job }).value;
      } while (job.state === 'running');
      if (job.state !== 'failed' || job.preview) failures.push(`import job ${jobId} → ${job.state}`);
      if (/root:|PATH=|\$6\$/.test(job.error?.message ?? '')) failures.push(`import job ${jobId} echoed the file: ${job.error!.message.slice(0, 200)}`);
    };
    // Opening or saving the open project onto itself is harmless (and answered as such); a letter is a fine file to import.
    const harmless = (method: string, file: string) => (file === project && method !== 'createProject') || (file.endsWith('letter.txt') && method === 'startImport');
    for (const file of hostile) {
      for (const method of ['openProject', 'saveProjectAs'])
        if (!harmless(method, file)) await send(method, JSON.stringify({ path: file, ...(method === 'saveProjectAs' ? { overwrite: true } : {}) }));
      await send('createProject', JSON.stringify({ path: file, template: 'empty', overwrite: true }));
      await send('createProject', JSON.stringify({ path: file.replace(/\.csv$/, '.carecover'), template: 'empty', overwrite: true }));
      for (const format of ['csv', 'pdf', 'gpkg'])
        await send('exportDocument', JSON.stringify({ request: { kind: format === 'pdf' ? 'map' : format === 'gpkg' ? 'zones' : 'table', format }, path: file.replace(/\.csv$/, `.${format}`) }));
      for (const kind of harmless('startImport', file) ? [] : ['providers', 'areas']) {
        const started = await send('startImport', JSON.stringify({ request: { kind, file }, mode: 'preview' }), (s) => s === 200 || (s >= 400 && s < 500));
        if (started.status === 200) await importMustFail((JSON.parse(started.body) as { value: { jobId: string } }).value.jobId);
      }
    }

    // The host still answers, the same project is open, whole, and as it was.
    expect((await send('getProject', '{}', (s) => s === 200)).body).toContain('county.carecover');
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1_900);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect([...readAssignments(db, currentPlanId(db)!)]).toEqual(planBefore);
    expect(fs.readFileSync('/etc/hosts', 'utf8').length).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dir, 'letter.txt'), 'utf8')).toBe('Dear committee');
    expect(fs.existsSync('/etc/cron.d/job.csv')).toBe(false);
    expect(fs.existsSync(path.join(process.cwd(), 'relative.csv'))).toBe(false);
    // Only the valid edits touched the file, and they ended where they started.
    expect(dataFingerprint(project, derived)).toBe(before);
  }, 120_000);

  it('answers hostile batches with a 4xx, or with each call refused in its own frame, never leaking internals', async () => {
    const problems: string[] = [];
    const leaks = (text: string) => /\n\s+at |node_modules|dist\/node/.test(text) || text.includes(repoRoot);
    // Malformed requests in batches of reads: the batch is answered, each call with its own envelope.
    let seed = 1_000;
    for (const method of API_METHODS.filter(isReadMethod)) {
      const requests = malformedBodies(method, 10, seed++).map((body) => JSON.parse(body) as unknown);
      const res = await postBytes('/batch', JSON.stringify(requests.map((request) => [method, request])));
      if (res.status !== 200) {
        problems.push(`batch of ${method} → ${res.status}`);
        continue;
      }
      const frames = new FrameReader().push(res.body);
      if (frames.length !== requests.length) problems.push(`batch of ${method} → ${frames.length} frames for ${requests.length} calls`);
      for (const frame of frames) {
        if (frame.kind !== FRAME_JSON) continue;
        const text = Buffer.from(frame.payload).toString();
        const envelope = JSON.parse(text) as { ok: boolean; error?: { code: string } };
        if (!envelope.ok && ['internal', 'unknown-method'].includes(envelope.error!.code)) problems.push(`${method} ${JSON.stringify(requests[frame.index]).slice(0, 80)} → ${text.slice(0, 200)}`);
        if (leaks(text)) problems.push(`${method} → leaks internals: ${text.slice(0, 200)}`);
      }
    }
    // Batches that are not a short list of reads, or not JSON: refused whole.
    const shapes = ['null', '{}', '[]', '"getProject"', '[["getProject"]]', '[[1, {}]]', '[["assignAreas", {}]]', '[["getProject", {}], ["undo", {}]]', JSON.stringify(Array.from({ length: 17 }, () => ['getProject', {}])), '[' + '['.repeat(10_000) + ']'.repeat(10_000) + ']', '{not json'];
    for (const body of shapes) {
      const res = await postBytes('/batch', body);
      const text = Buffer.from(res.body).toString();
      if (res.status !== 400) problems.push(`batch ${body.slice(0, 60)} → ${res.status} ${text.slice(0, 200)}`);
      if (leaks(text)) problems.push(`batch ${body.slice(0, 60)} → leaks internals`);
    }
    expect((await postBytes('/batch', Buffer.alloc(65 * 2 ** 20, 0x20))).status).toBe(413);
    expect(problems).toEqual([]);
  }, 60_000);
});

function postBytes(pathname: string, body: string | Buffer) {
  return new Promise<{ status: number; body: Uint8Array }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: pathname, method: 'POST', headers: { Host: `127.0.0.1:${host.port}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token, 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, body: new Uint8Array(Buffer.concat(chunks)) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
