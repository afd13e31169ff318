import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './channels';

export interface WindowSettings {
  preloadPath: string;
  title: string;
  /** Developer tools only outside a packaged build. */
  devTools: boolean;
}

/**
 * The main window's options. Every security-relevant flag is spelled out (not
 * left to Electron's defaults) and asserted by test/electron/window.test.ts.
 */
export function buildWindowOptions(settings: WindowSettings): BrowserWindowConstructorOptions {
  return {
    title: settings.title,
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#f4f4f1',
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: settings.devTools,
    },
  };
}

/** True only for pages of the app itself (app://carecover/...). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

type Hardenable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** No navigation away from the app, no new windows, no <webview>. */
export function hardenWebContents(contents: Hardenable): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** CareCover needs no camera, location, notifications or any other permission. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
