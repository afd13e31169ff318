import { describe, expect, it, vi } from 'vitest';
import { buildWindowOptions, denyAllPermissions, hardenWebContents, isAppUrl } from '../../electron/window';

describe('buildWindowOptions', () => {
  const options = buildWindowOptions({ preloadPath: '/app/dist/node/preload.cjs', title: 'CareCover', devTools: false });
  const prefs = options.webPreferences!;

  it('isolates and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and insecure features off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
  });

  it('uses our preload and hides developer tools when asked', () => {
    expect(prefs.preload).toBe('/app/dist/node/preload.cjs');
    expect(prefs.devTools).toBe(false);
    expect(buildWindowOptions({ preloadPath: 'p', title: 't', devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('is a pure function: same input, equal output, fresh object', () => {
    const again = buildWindowOptions({ preloadPath: '/app/dist/node/preload.cjs', title: 'CareCover', devTools: false });
    expect(again).toEqual(options);
    expect(again).not.toBe(options);
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://carecover/index.html', true],
    ['app://carecover/assets/x.js', true],
    ['app://evil/index.html', false],
    ['https://carecover/index.html', false],
    ['file:///etc/passwd', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => expect(isAppUrl(url)).toBe(expected));
});

describe('hardenWebContents', () => {
  function fakeContents() {
    const listeners: Record<string, (event: { preventDefault(): void }, url?: string) => void> = {};
    let openHandler: (() => { action: string }) | undefined;
    const contents = {
      on: vi.fn((name: string, fn: (event: { preventDefault(): void }, url?: string) => void) => {
        listeners[name] = fn;
        return contents;
      }),
      setWindowOpenHandler: vi.fn((fn: () => { action: string }) => {
        openHandler = fn;
      }),
    };
    return { contents, listeners, open: () => openHandler!() };
  }

  function fire(listener: ((e: { preventDefault(): void }, url?: string) => void) | undefined, url?: string): boolean {
    let prevented = false;
    listener!({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  }

  it('blocks navigation and redirects away from the app, and every webview', () => {
    const { contents, listeners } = fakeContents();
    hardenWebContents(contents as never);
    expect(fire(listeners['will-navigate'], 'https://example.com/')).toBe(true);
    expect(fire(listeners['will-navigate'], 'app://carecover/index.html')).toBe(false);
    expect(fire(listeners['will-redirect'], 'http://127.0.0.1:1/')).toBe(true);
    expect(fire(listeners['will-attach-webview'])).toBe(true);
  });

  it('denies window.open', () => {
    const { contents, open } = fakeContents();
    hardenWebContents(contents as never);
    expect(open()).toEqual({ action: 'deny' });
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    denyAllPermissions({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
    } as never);
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) request!(null, permission, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false, false]);
    expect(check!()).toBe(false);
  });
});
