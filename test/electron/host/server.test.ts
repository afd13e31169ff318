import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EnvelopeJson, inThisThread } from '../../../electron/api-caller';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { createServices, type Services } from '../../../electron/services';
import { CSP_HEADER, TOKEN_HEADER } from '../../../electron/security';
import { tempDir } from '../../helpers/temp';
import { BATCH_ANSWER, FRAME_BYTES, FRAME_JSON, FrameReader } from '../../../shared/api/batch';

let host: RunningHost;
let services: Services;
let staticDir: string;

beforeEach(async () => {
  const dir = tempDir();
  staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>CareCover</title>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'outside');
  services = createServices({ host: 'web', userData: path.join(dir, 'user') });
  host = await startHost({ api: inThisThread(services.handlers), staticDir, port: 0 });
});

afterEach(async () => {
  await host.close();
  services.close();
});

/** Raw HTTP, so tests can set any Host and Origin header (fetch would not let them). */
function request(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** As request(), with the body as bytes (a batch's answer is binary). */
function rawRequest(options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Uint8Array }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: options.path, method: options.method ?? 'GET', headers: { Host: `127.0.0.1:${host.port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: new Uint8Array(Buffer.concat(chunks)) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  request({ path: `/api/${method}`, method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token, ...headers }, body: JSON.stringify(body) });

describe('browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying its token in the fragment', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('gives each launch a new token', async () => {
    const other = await startHost({ api: inThisThread(services.handlers), staticDir, port: 0 });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('answers an API call that carries the token', async () => {
    const res = await api('getAppInfo', {});
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'CareCover', host: 'web', nativeDialogs: false } });
  });

  it('answers a batch of reads in one response, each answer a frame of its own as it is ready, the area layer as bytes', async () => {
    services.session.create(path.join(path.dirname(staticDir), 'batch.carecover'), 'default');
    const calls = [
      ['getAppInfo', {}],
      ['getAreaLayer', {}],
      ['getPlanMetrics', { lot: 'nothing-such' }],
    ];
    const res = await rawRequest({ path: '/batch', method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify(calls) });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(BATCH_ANSWER);
    const frames = new FrameReader().push(res.body);
    expect(frames.map((f) => f.index).sort()).toEqual([0, 1, 2]);
    const byIndex = new Map(frames.map((f) => [f.index, f]));
    expect(byIndex.get(0)!.kind).toBe(FRAME_JSON);
    expect(JSON.parse(Buffer.from(byIndex.get(0)!.payload).toString())).toMatchObject({ ok: true, value: { name: 'CareCover' } });
    expect(byIndex.get(1)!.kind).toBe(FRAME_BYTES);
    expect(byIndex.get(1)!.payload).toEqual(await services.handlers.getAreaLayer({}));
    // A call that fails is its own error envelope; the others are answered all the same.
    expect(JSON.parse(Buffer.from(byIndex.get(2)!.payload).toString())).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('sends an answer the services wrote as JSON text as those bytes, alone or in a batch', async () => {
    const written = new TextEncoder().encode('{"ok":true,"value":{"written":"by the services, é"}}');
    await host.close();
    host = await startHost({ api: async () => ({ ok: true, value: new EnvelopeJson(written) }), staticDir, port: 0 });
    const alone = await api('getAppInfo', {});
    expect(alone.status).toBe(200);
    expect(alone.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(alone.body)).toEqual({ ok: true, value: { written: 'by the services, é' } });
    const res = await rawRequest({ path: '/batch', method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify([['getAppInfo', {}], ['getProject', {}]]) });
    const frames = new FrameReader().push(res.body);
    expect(frames.map((f) => [f.index, f.kind, f.payload]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [0, FRAME_JSON, written],
      [1, FRAME_JSON, written],
    ]);
  });

  it('refuses a batch without the token, or that is not a short list of reads, before making any call', async () => {
    const send = (body: unknown, token = host.token) => rawRequest({ path: '/batch', method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(body) });
    expect((await send([['getAppInfo', {}]], 'wrong')).status).toBe(401);
    const refused = async (body: unknown) => {
      const res = await send(body);
      expect(res.status).toBe(400);
      return (JSON.parse(Buffer.from(res.body).toString()) as { error: { message: string } }).error.message;
    };
    expect(await refused({ getAppInfo: {} })).toBe('A batch is a list of [method, request] pairs.');
    expect(await refused([])).toBe('A batch holds 1 to 16 calls, not 0.');
    expect(await refused(Array.from({ length: 17 }, () => ['getAppInfo', {}]))).toBe('A batch holds 1 to 16 calls, not 17.');
    const made = path.join(path.dirname(staticDir), 'made-by-a-batch.carecover');
    expect(await refused([['getAppInfo', {}], ['createProject', { path: made, kind: 'empty' }]])).toBe('Call 2 of the batch is not a read (get… or list…) with its request.');
    expect(fs.existsSync(made)).toBe(false);
    expect(await refused([['getAppInfo']])).toBe('Call 1 of the batch is not a read (get… or list…) with its request.');
  });

  it('receives an upload for import into a folder of its own, under the file name only, and only with the token', async () => {
    const body = 'Provider,Zone,Hours\r\nP01,Z01,10\r\n';
    const refused = await request({ path: '/upload?name=cap.csv', method: 'POST', body });
    expect(refused.status).toBe(401);
    const res = await request({ path: `/upload?name=${encodeURIComponent('../../etc/cap.csv')}`, method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body });
    const envelope = JSON.parse(res.body) as { ok: true; value: { path: string; fileName: string; bytes: number } };
    expect(envelope.value).toMatchObject({ fileName: 'cap.csv', bytes: body.length });
    expect(fs.readFileSync(envelope.value.path, 'utf8')).toBe(body);
    await host.close();
    expect(fs.existsSync(envelope.value.path)).toBe(false);
    host = await startHost({ api: inThisThread(services.handlers), staticDir, port: 0 });
  });

  it('answers 401 without the token, and with a wrong one', async () => {
    const missing = await request({ path: '/api/getAppInfo', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const wrong = await api('getAppInfo', {}, { [TOKEN_HEADER]: 'x'.repeat(host.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('answers 403 to a Host that is not this loopback address (DNS rebinding)', async () => {
    for (const hostHeader of ['evil.example:' + host.port, `127.0.0.1:${host.port + 1}`, '192.168.1.5:' + host.port]) {
      const res = await api('getAppInfo', {}, { Host: hostHeader });
      expect(res.status, hostHeader).toBe(403);
    }
    expect((await request({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('answers 403 to a foreign Origin even with the token', async () => {
    for (const origin of ['https://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      expect((await api('getAppInfo', {}, { Origin: origin })).status, origin).toBe(403);
    }
    expect((await api('getAppInfo', {}, { Origin: `http://localhost:${host.port}`, Host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('answers a malformed request with a typed error, and keeps serving', async () => {
    const bad = await api('openProject', { path: 7 });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const notJson = await request({ path: '/api/getAppInfo', method: 'POST', headers: { [TOKEN_HEADER]: host.token }, body: '{"path":' });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    const unknown = await api('formatDisk', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    expect((await api('getAppInfo', {})).status).toBe(200);
  });

  it('serves the renderer with the CSP, and nothing outside it', async () => {
    const page = await request({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(CSP_HEADER);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await request({ path: '/../secret.txt' })).status).not.toBe(200);
    const dotted = await request({ path: '/%2e%2e/secret.txt' });
    expect(dotted.status).toBe(404);
    expect(dotted.body).not.toContain('outside');
    expect((await request({ path: '/..%2fsecret.txt' })).status).toBe(403);
    expect((await request({ path: '/missing.js' })).status).toBe(404);
  });

  it('needs no token for the page itself, only for the API', async () => {
    expect((await request({ path: '/index.html' })).status).toBe(200);
  });

  it('answers an oversized body with 413, not a reset connection, and keeps serving', async () => {
    const big = 'x'.repeat(65 * 1024 * 1024);
    const response = await request({ path: '/api/listPlans', method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: host.token }, body: big });
    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/larger than the 64 MB/) } });
    expect((await api('getAppInfo', {})).status).toBe(200);
  }, 30_000);

  it('never echoes a huge input back in full', async () => {
    await api('createProject', { path: path.join(tempDir(), 'p.carecover'), template: 'default' });
    const zoneId = 'Z'.repeat(5_000_000);
    const response = await api('getContingency', { zoneId });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.body.length).toBeLessThan(3000);
    expect(JSON.parse(response.body).error.message).toMatch(/more characters\)/);
  });
});
