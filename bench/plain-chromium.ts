import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';

/**
 * Chromium driven over its DevTools pipe with no DevTools domain enabled: it
 * is told where to go and asked afterwards what the page measured, and nothing
 * instruments the page meanwhile. Playwright, by contrast, enables the network
 * and runtime domains in every page, and with the network domain on, Chromium
 * records a script stack for each request the page makes; for the first
 * request from a module that means re-parsing the whole module to find its
 * source positions (V8.CollectSourcePositions, about 110 ms on the default
 * project's page in a trace) — a cost no user of the app pays. The first map is
 * timed here; panning and painting, which need a mouse, are timed through
 * Playwright.
 */
export class PlainChromium {
  private nextId = 1;
  private readonly waits = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private sessionId = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    let pending = '';
    (child.stdio[4] as Readable).on('data', (chunk: Buffer) => {
      pending += chunk.toString('utf8');
      let end: number;
      while ((end = pending.indexOf('\0')) >= 0) {
        const message = JSON.parse(pending.slice(0, end)) as { id?: number; result?: unknown; error?: { message: string } };
        pending = pending.slice(end + 1);
        const wait = message.id === undefined ? undefined : this.waits.get(message.id);
        if (!wait) continue;
        this.waits.delete(message.id!);
        if (message.error) wait.reject(new Error(message.error.message));
        else wait.resolve(message.result);
      }
    });
  }

  /** A headless Chromium on a blank page, started and settled before anything is timed. */
  static async launch(executablePath: string, viewport: { width: number; height: number }): Promise<PlainChromium> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-bench-chromium-'));
    const args = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--remote-debugging-pipe', `--user-data-dir=${profile}`, `--window-size=${viewport.width},${viewport.height}`, 'about:blank'];
    const child = spawn(executablePath, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const browser = new PlainChromium(child, profile);
    const { targetInfos } = (await browser.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
    const page = targetInfos.find((t) => t.type === 'page');
    if (!page) throw new Error('Chromium opened no page');
    browser.sessionId = ((await browser.send('Target.attachToTarget', { targetId: page.targetId, flatten: true })) as { sessionId: string }).sessionId;
    return browser;
  }

  private send(method: string, params: object = {}, sessionId?: string): Promise<unknown> {
    const id = this.nextId++;
    const message = JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) });
    return new Promise((resolve, reject) => {
      this.waits.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(`${message}\0`);
    });
  }

  /** Goes to `url` in a fresh document. */
  async navigate(url: string): Promise<void> {
    await this.send('Page.navigate', { url }, this.sessionId);
  }

  /** The value of `expression` in the page, returned by value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = (await this.send('Runtime.evaluate', { expression, returnByValue: true }, this.sessionId)) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  }

  /** Polls until `expression` is not null, for at most `timeoutMs`. */
  async waitFor<T>(expression: string, timeoutMs: number): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.evaluate<T | null>(expression).catch(() => null);
      if (value !== null && value !== undefined) return value;
      if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async close(): Promise<void> {
    await this.send('Browser.close').catch(() => undefined);
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once('exit', resolve));
    fs.rmSync(this.profile, { recursive: true, force: true });
  }
}
