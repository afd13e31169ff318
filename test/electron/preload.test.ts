import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/api/methods';
import { API_CHANNEL, EVENT_CHANNEL, GRANT_CHANNEL } from '../../electron/channels';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: 'answer' }));
const listeners = new Map<string, (...args: unknown[]) => void>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, fn),
    removeListener: (channel: string) => listeners.delete(channel),
  },
  webUtils: { getPathForFile: (file: { fakePath: string }) => file.fakePath },
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('../../electron/preload');
  });

  it('exposes only window.carecover with one function per contract method and an event subscription', () => {
    expect(Object.keys(exposed)).toEqual(['carecover']);
    const bridge = exposed.carecover as { api: Record<string, unknown>; onEvent: unknown };
    expect(Object.keys(bridge).sort()).toEqual(['api', 'fileHandle', 'onEvent']);
    expect(Object.keys(bridge.api).sort()).toEqual([...API_METHODS].sort());
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function');
    expect(JSON.stringify(Object.keys(bridge.api))).not.toContain('ipcRenderer');
  });

  it('sends each call over the API channel with its method name', async () => {
    const bridge = exposed.carecover as { api: Record<string, (r: unknown) => Promise<unknown>> };
    await expect(bridge.api.openProject!({ path: '/a' })).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledWith(API_CHANNEL, 'openProject', { path: '/a' });
  });

  it('forwards app events without the IPC event object and can unsubscribe', () => {
    const bridge = exposed.carecover as { onEvent(fn: (e: unknown) => void): () => void };
    const seen: unknown[] = [];
    const off = bridge.onEvent((e) => seen.push(e));
    listeners.get(EVENT_CHANNEL)!({ sender: 'secret' }, { type: 'project-changed' });
    expect(seen).toEqual([{ type: 'project-changed' }]);
    off();
    expect(listeners.has(EVENT_CHANNEL)).toBe(false);
  });

  it('turns a File the page was handed into a handle from the main process, never a path the page could choose', async () => {
    const bridge = exposed.carecover as { fileHandle(file: unknown): Promise<string> };
    invoke.mockResolvedValueOnce('carecover-file:abc' as never);
    await expect(bridge.fileHandle({ fakePath: '/home/officer/providers.csv' })).resolves.toBe('carecover-file:abc');
    expect(invoke).toHaveBeenLastCalledWith(GRANT_CHANNEL, '/home/officer/providers.csv');
    invoke.mockResolvedValueOnce(null as never);
    await expect(bridge.fileHandle({ fakePath: '' })).rejects.toThrow(/cannot read that file/);
  });
});
