import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { BATCH_ANSWER, FRAME_BYTES, FRAME_JSON, frameHeader, isReadMethod, MAX_BATCH_CALLS } from '../../shared/api/batch';
import { BINARY_ANSWER, type Envelope } from '../../shared/api/errors';
import { EnvelopeJson, type ApiCaller } from '../api-caller';
import { CSP_HEADER, TOKEN_HEADER } from '../security';
import { readStaticFile } from '../static-files';

/** The browser host's documented default port; `0` asks the system for a free one. */
export const DEFAULT_PORT = 5178;
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** Files for import can be large (all England's LSOAs are about 90 MB as GeoJSON). */
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost']);

export interface HostOptions {
  /** The services: in the app, a ServiceWorker's call, so this thread only serves. */
  api: ApiCaller;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Fixed only by tests; otherwise a new random token each launch. */
  token?: string;
  onInternalError?: (error: unknown) => void;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Host must name the loopback address and our port: this is what stops DNS rebinding. */
function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const match = /^([^:]+|\[[^\]]+\])(?::(\d+))?$/.exec(hostHeader);
  if (!match) return false;
  return LOOPBACK_NAMES.has(match[1]!.toLowerCase()) && Number(match[2] ?? 80) === port;
}

function isLoopbackOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' && isLoopbackHost(url.host, port);
  } catch {
    return false;
  }
}

/** Sent with every answer of the host's own, whole or framed. */
const GUARD_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'same-origin' };

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: http.OutgoingHttpHeaders = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    ...GUARD_HEADERS,
    ...extra,
  });
  res.end(body);
}

function sendEnvelope(res: http.ServerResponse, envelope: Envelope<unknown>): void {
  const status = envelope.ok
    ? 200
    : ({ 'bad-request': 400, unauthorized: 401, forbidden: 403, 'unknown-method': 404, busy: 409, internal: 500 } as Record<string, number>)[envelope.error.code] ?? 422;
  // A binary answer (the area layer) goes as its bytes; the page's transport reads it back by its type.
  if (envelope.ok && envelope.value instanceof Uint8Array) {
    const bytes = envelope.value;
    return send(res, 200, bufferOf(bytes), BINARY_ANSWER, { 'Cache-Control': 'no-store' });
  }
  send(res, status, envelopeText(envelope), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

/** An envelope's JSON text as bytes: as the services wrote it (EnvelopeJson), or written here. */
function envelopeText(envelope: Envelope<unknown>): Buffer {
  return envelope.ok && envelope.value instanceof EnvelopeJson ? bufferOf(envelope.value.bytes) : Buffer.from(JSON.stringify(envelope));
}

/** The bytes as a Buffer, not copied. */
const bufferOf = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A body over the limit is read to its end and dropped, so the client gets a 413 rather than a reset connection. */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const TOO_LARGE = JSON.stringify({ ok: false, error: { code: 'invalid-input', message: `The request is larger than the ${MAX_BODY_BYTES / 2 ** 20} MB the host accepts.` } });

function serveStatic(staticDir: string, urlPath: string, res: http.ServerResponse): void {
  const found = readStaticFile(staticDir, urlPath);
  if (found.status !== 200) return send(res, found.status, http.STATUS_CODES[found.status] ?? 'Error', 'text/plain; charset=utf-8');
  send(res, 200, found.body, found.contentType, {
    'Content-Security-Policy': CSP_HEADER,
    'Cache-Control': found.isIndex ? 'no-store' : 'no-cache',
  });
}

/**
 * Serves the built renderer at / and the API at /api/<method> (batches of
 * reads at /batch) on 127.0.0.1 only. Every API call must carry the
 * per-launch token; any request whose Host or Origin is not this loopback
 * address is refused.
 */
export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let port = 0;
  const uploads = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-uploads-'));

  const server = http.createServer(async (req, res) => {
    try {
      if (!isLoopbackHost(req.headers.host, port) || !isLoopbackOrigin(req.headers.origin, port)) {
        return send(res, 403, 'Forbidden: CareCover only answers requests from this computer.', 'text/plain; charset=utf-8');
      }
      const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      if (url.pathname.startsWith('/api/') || url.pathname === '/upload' || url.pathname === '/batch') {
        if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
          const body = JSON.stringify({ ok: false, error: { code: 'unauthorized', message: 'Missing or wrong access token: open the URL the host printed.' } });
          return send(res, 401, body, 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
        }
        if (req.method !== 'POST') return send(res, 405, 'Use POST', 'text/plain; charset=utf-8', { Allow: 'POST' });
        if (url.pathname === '/upload') return sendEnvelope(res, await receiveUpload(req, uploads, url.searchParams.get('name') ?? 'upload'));
        let payload: unknown;
        if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
          return send(res, 413, TOO_LARGE, 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', Connection: 'close' });
        }
        try {
          const body = await readBody(req);
          if (body === null) return send(res, 413, TOO_LARGE, 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', Connection: 'close' });
          payload = body.length ? JSON.parse(body) : {};
        } catch (error) {
          return sendEnvelope(res, { ok: false, error: { code: 'bad-request', message: `The request body is not valid JSON: ${(error as Error).message}` } });
        }
        if (url.pathname === '/batch') return answerBatch(res, payload, options.api);
        const method = url.pathname.slice('/api/'.length);
        return sendEnvelope(res, await options.api(method, payload));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8', { Allow: 'GET' });
      serveStatic(options.staticDir, url.pathname, res);
    } catch (error) {
      options.onInternalError?.(error);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/#token=${token}`,
        port,
        token,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => {
              fs.rmSync(uploads, { recursive: true, force: true });
              done();
            });
          }),
      });
    });
  });
}

/**
 * Reads asked for together (shared/api/batch.ts): each answered through the
 * services as a call of its own, and written as its own frame as soon as it is
 * ready. A batch that is not a short list of reads is refused whole, before
 * any call is made.
 */
function answerBatch(res: http.ServerResponse, payload: unknown, api: ApiCaller): void {
  const calls = Array.isArray(payload) ? payload : null;
  const problem = !calls
    ? 'A batch is a list of [method, request] pairs.'
    : calls.length === 0 || calls.length > MAX_BATCH_CALLS
      ? `A batch holds 1 to ${MAX_BATCH_CALLS} calls, not ${calls.length}.`
      : calls.map((call, i) => (Array.isArray(call) && call.length === 2 && typeof call[0] === 'string' && isReadMethod(call[0]) ? null : `Call ${i + 1} of the batch is not a read (get… or list…) with its request.`)).find(Boolean);
  if (problem) return sendEnvelope(res, { ok: false, error: { code: 'bad-request', message: problem } });
  res.writeHead(200, { 'Content-Type': BATCH_ANSWER, 'Cache-Control': 'no-store', ...GUARD_HEADERS });
  const written = (calls as [string, unknown][]).map(([method, request], index) =>
    api(method, request).then((envelope) => {
      const bytes = envelope.ok && envelope.value instanceof Uint8Array;
      const payload = bytes ? (envelope.value as Uint8Array) : envelopeText(envelope);
      res.write(frameHeader(index, bytes ? FRAME_BYTES : FRAME_JSON, payload.length));
      res.write(payload);
    }),
  );
  void Promise.allSettled(written).then(() => res.end());
}

/**
 * A file the page picked or dropped, for import: the browser cannot tell the
 * host its path, so it sends the bytes, which land in a folder of this launch
 * (removed when the host stops) under the file's own name.
 */
async function receiveUpload(req: http.IncomingMessage, folder: string, name: string): Promise<Envelope<unknown>> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > MAX_UPLOAD_BYTES) return { ok: false, error: { code: 'invalid-input', message: `The file is larger than ${MAX_UPLOAD_BYTES / 2 ** 30} GB.` } };
  const safeName = path.basename(name).replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 200) || 'upload';
  const dir = fs.mkdtempSync(path.join(folder, 'f-'));
  const target = path.join(dir, safeName);
  let size = 0;
  req.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
  });
  try {
    await pipeline(req, fs.createWriteStream(target));
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    return { ok: false, error: { code: 'invalid-input', message: `The file did not arrive whole: ${(error as Error).message}` } };
  }
  return { ok: true, value: { path: target, fileName: safeName, bytes: size } };
}
