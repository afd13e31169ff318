import type { Protocol } from 'electron';
import { APP_SCHEME } from './channels';
import { CSP_HEADER } from './security';
import { readStaticFile } from './static-files';

/** Must run before app 'ready': app:// behaves as a secure, standard origin. */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
];

/** Serves the built renderer from disk under app://carecover/, with our CSP on every response. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const found = readStaticFile(rendererDir, new URL(request.url).pathname);
    if (found.status !== 200) return new Response(null, { status: found.status });
    return new Response(new Uint8Array(found.body), {
      status: 200,
      headers: { 'Content-Type': found.contentType, 'Content-Security-Policy': CSP_HEADER, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
