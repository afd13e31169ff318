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

/**
 * The page's entry (renderer/src/main.tsx) is small and loads the app's chunk
 * itself, so that the first calls go out before the app is parsed. The browser
 * would only learn of that chunk when the entry runs: name it (and what it
 * imports) in index.html, so it is fetched and parsed alongside.
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'carecover-preload-app',
    apply: 'build',
    transformIndexHtml(_html, ctx) {
      const bundle = ctx.bundle;
      if (!bundle || !ctx.chunk) return [];
      const files = new Set<string>([ctx.chunk.fileName]);
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || files.has(fileName)) return;
        files.add(fileName);
        chunk.imports.forEach(visit);
      };
      ctx.chunk.dynamicImports.forEach(visit);
      files.delete(ctx.chunk.fileName);
      return [...files].map((fileName) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` }, injectTo: 'head' as const }));
    },
  };
}

export default defineConfig({
  root: 'renderer',
  // Relative asset URLs work under app://carecover/ and http://127.0.0.1:PORT/ alike.
  base: './',
  plugins: [react(), contentSecurityPolicy(), preloadAppChunk()],
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
