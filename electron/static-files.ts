import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export type StaticResult = { status: 200; body: Buffer; contentType: string; isIndex: boolean } | { status: 400 | 403 | 404 };

/**
 * Finds a file of the built renderer for a URL path, for both the Electron
 * app:// protocol and the browser host; never anything outside `root`.
 */
export function readStaticFile(root: string, urlPath: string): StaticResult {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return { status: 400 };
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + relative);
  if (!file.startsWith(base + path.sep)) return { status: 403 };
  try {
    const body = fs.readFileSync(file);
    return {
      status: 200,
      body,
      contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      isIndex: path.basename(file) === 'index.html',
    };
  } catch {
    return { status: 404 };
  }
}
