import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vitest/config';
import { CONTENT_SECURITY_POLICY } from './electron/security.ts';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * index.html carries the CSP as a meta tag (so the static Electron checker and
 * both hosts see it); fail the build if it ever differs from the one policy.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'carecover-csp',
    transformIndexHtml(html) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
      if (!meta || meta[1] !== CONTENT_SECURITY_POLICY) {
        throw new Error('renderer/index.html must carry the Content-Security-Policy of electron/security.ts in a meta tag.');
      }
      return html;
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work under app://carecover/ and http://127.0.0.1:PORT/ alike.
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
  test: {
    root: repoRoot,
    include: ['test/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    // End-to-end waits poll the page; CI machines are slower than a laptop.
    expect: { poll: { timeout: 5_000, interval: 50 } },
    hookTimeout: 120_000,
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
