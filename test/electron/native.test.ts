import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveNativeBinding } from '../../electron/store/native';

describe('resolveNativeBinding', () => {
  const base = { appRoot: '/repo', platform: 'linux', arch: 'x64' };
  it('uses node_modules under Node', () => {
    expect(resolveNativeBinding({ ...base, electronVersion: undefined, isPackaged: false })).toBeUndefined();
  });
  it('uses the separate Electron build in an unpackaged Electron', () => {
    expect(resolveNativeBinding({ ...base, electronVersion: '39.8.10', isPackaged: false })).toBe(
      path.join('/repo', '.electron-native', 'electron-v39.8.10-linux-x64', 'better_sqlite3.node'),
    );
  });
  it('uses the rebuilt node_modules in a packaged app', () => {
    expect(resolveNativeBinding({ ...base, electronVersion: '39.8.10', isPackaged: true })).toBeUndefined();
  });
});
