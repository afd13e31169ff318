import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { inThisThread, type ApiCaller } from '../../electron/api-caller';
import { startHost, type RunningHost } from '../../electron/host/server';
import { createServices, type Services } from '../../electron/services';
import { ServiceWorker } from '../../electron/services/service-worker';
import { repoRoot } from '../helpers/temp';

/** Debian's Chromium, or CHROMIUM_PATH. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const haveChromium = fs.existsSync(chromiumPath);
const inCI = process.env.CI === 'true';

/**
 * Outside CI a machine without Chromium skips the end-to-end tests with one
 * line saying why; under CI=true a missing browser fails them.
 */
export const skipE2E = !haveChromium && !inCI;
if (skipE2E) console.log(`End-to-end tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH).`);

export const resultsDir = path.join(repoRoot, 'test-results');

export interface AppSession {
  browser: Browser;
  page: Page;
  host: RunningHost;
  services: Services;
  userData: string;
  consoleErrors: string[];
  /** Every URL the page asked for: all must be on 127.0.0.1. */
  requests: string[];
  /** The methods of the calls the page sent in batches (POST batch: the first screen's), in order. */
  batched: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Starts the browser host (the same services and built renderer the app ships) and opens it in Chromium.
 * By default the services answer in this thread, so a test can look into them (`services`). With
 * `thread: 'worker'` they run in their own thread as the shipped hosts run them; `services` is then a
 * second session on the same project file, for reading what the app wrote (its caches do not see the
 * worker's edits: read the database).
 */
export async function openApp(options: { project?: string; thread?: 'worker'; initScript?: string } = {}): Promise<AppSession> {
  if (!haveChromium) throw new Error(`CI=true but there is no Chromium at ${chromiumPath}; .ci/run installs it with apt-get.`);
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-e2e-'));
  const services = createServices({ host: 'web', userData });
  let api: ApiCaller;
  let worker: ServiceWorker | undefined;
  if (options.thread === 'worker') {
    worker = new ServiceWorker({ host: 'web', answers: 'json', userData, onInternalError: (error) => console.error(error) });
    const project = await worker.openStartupProject(options.project);
    await services.session.open(project.path, { remember: false });
    api = worker.call;
  } else {
    await services.openStartupProject(options.project);
    api = inThisThread(services.handlers);
  }
  const host = await startHost({ api, staticDir: path.join(repoRoot, 'dist', 'renderer'), port: 0 });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(10_000);
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const batched: string[] = [];
  page.on('request', (request) => {
    requests.push(request.url());
    if (new URL(request.url()).pathname === '/batch') batched.push(...(request.postDataJSON() as [string, unknown][]).map(([method]) => method));
  });
  // Runs in the page before any of its own scripts: for a test that watches the page from its very start.
  if (options.initScript) await page.addInitScript(options.initScript);
  await page.goto(host.url);
  fs.mkdirSync(resultsDir, { recursive: true });
  return {
    browser,
    page,
    host,
    services,
    userData,
    consoleErrors,
    requests,
    batched,
    async screenshot(name) {
      const file = path.join(resultsDir, `${name}.png`);
      await page.screenshot({ path: file });
      return file;
    },
    async close() {
      await browser.close();
      await host.close();
      services.close();
      await worker?.close();
      fs.rmSync(userData, { recursive: true, force: true });
    },
  };
}

/**
 * The app opened once for a describe block and closed after it, ready when
 * the first complete map is on screen. Call in the block's body; the session
 * it returns stands for the one opened in beforeAll.
 */
export function useApp(options: { thread?: 'worker' } = {}): AppSession {
  let current: AppSession | undefined;
  beforeAll(async () => {
    current = await openApp(options);
    await current.page.locator('.leaflet-container[data-rendered="true"]').waitFor();
  });
  afterAll(async () => {
    await current?.close();
  });
  return new Proxy({} as AppSession, {
    get(_, key) {
      if (!current) throw new Error('The app is opened in beforeAll: use it inside a test.');
      return current[key as keyof AppSession];
    },
  });
}
