import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { buildWindowOptions } from '../../electron/window';
import { API_CHANNEL, APP_INDEX_URL, GRANT_CHANNEL } from '../../electron/channels';
import { repoRoot } from '../helpers/temp';

// Runs electron/main.ts against a fake Electron to check how the shell wires
// itself up: window options, IPC, permissions, protocol, menu, single instance.
const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-main-'));
const fake = vi.hoisted(() => ({
  windows: [] as { options: unknown; loaded?: string }[],
  ipc: new Map<string, unknown>(),
  protocols: new Map<string, unknown>(),
  privileged: [] as unknown[],
  permissionHandlers: 0,
  appEvents: new Map<string, unknown>(),
  menu: null as unknown,
  ready: null as Promise<void> | null,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { id: 1, send: vi.fn() };
    entry: { options: unknown; loaded?: string };
    constructor(options: unknown) {
      this.entry = { options };
      fake.windows.push(this.entry);
    }
    once() {}
    show() {}
    async loadURL(url: string) {
      this.entry.loaded = url;
    }
  }
  let resolveReady!: () => void;
  fake.ready = new Promise<void>((r) => (resolveReady = r));
  return {
    app: {
      requestSingleInstanceLock: () => true,
      on: (name: string, fn: unknown) => fake.appEvents.set(name, fn),
      whenReady: () => Promise.resolve().then(async () => undefined),
      getPath: () => userData,
      setPath: () => {},
      getAppPath: () => '/app',
      isPackaged: false,
      quit: vi.fn(),
      exit: vi.fn(),
      __resolveReady: () => resolveReady(),
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showMessageBox: vi.fn(async () => ({})) },
    ipcMain: { handle: (channel: string, fn: unknown) => fake.ipc.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => (fake.menu = m) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (scheme: string, fn: unknown) => fake.protocols.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => (fake.permissionHandlers += 1),
        setPermissionCheckHandler: () => (fake.permissionHandlers += 1),
      },
    },
  };
});

afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

describe('electron/main.ts', () => {
  it('starts one hardened window on the app page with the API on one IPC channel and file handles on another', async () => {
    delete process.env.CARECOVER_USER_DATA;
    await import('../../electron/main');
    await vi.waitFor(() => expect(fake.windows[0]?.loaded).toBe(APP_INDEX_URL), { timeout: 5000 });

    expect(fake.windows).toHaveLength(1);
    const expected = buildWindowOptions({ preloadPath: path.join(repoRoot, 'electron', 'preload.cjs'), title: 'CareCover', devTools: true });
    expect(fake.windows[0]!.options).toEqual(expected);
    expect([...fake.ipc.keys()]).toEqual([API_CHANNEL, GRANT_CHANNEL]);
    expect(fake.permissionHandlers).toBe(2);
    expect([...fake.protocols.keys()]).toEqual(['app']);
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(fake.appEvents.has('second-instance')).toBe(true);
    expect(fake.appEvents.has('web-contents-created')).toBe(true);
    expect((fake.menu as { label?: string }[]).map((m) => m.label)).toContain('&File');
    // First run: a project was created in the user-data folder.
    expect(fs.readdirSync(path.join(userData, 'projects')).some((f) => f.endsWith('.carecover'))).toBe(true);
  });
});
