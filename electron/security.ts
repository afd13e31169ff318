/**
 * The Content-Security-Policy of every page CareCover shows, in Electron and in
 * the browser host alike (also written into index.html by vite.config.ts).
 * Scripts come only from the app; no eval, no inline script, no remote content.
 * Styles set from script (Leaflet positions its layers that way) are not
 * covered by style-src, so no 'unsafe-inline' is needed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Headers-only directives (ignored in a meta tag). */
export const CSP_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/** Name of the header that carries the browser host's per-launch token. */
export const TOKEN_HEADER = 'x-carecover-token';
