import { describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../shared/api/contract';
import { API_CHANNEL, GRANT_CHANNEL } from '../../electron/channels';
import { inThisThread } from '../../electron/api-caller';
import { isTrustedSender, registerApiIpc, registerGrantIpc } from '../../electron/ipc';
import { FileHandles } from '../../electron/services/file-access';

const window = { webContents: { id: 7 } };
const topFrame = (url: string) => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('accepts the app page in our window', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: topFrame('app://carecover/index.html') } as never, window)).toBe(true);
  });
  it.each([
    ['another web contents', { sender: { id: 8 }, senderFrame: topFrame('app://carecover/index.html') }],
    ['a remote page', { sender: { id: 7 }, senderFrame: topFrame('https://example.com/') }],
    ['a sub-frame', { sender: { id: 7 }, senderFrame: { url: 'app://carecover/index.html', parent: {} } }],
    ['a destroyed frame', { sender: { id: 7 }, senderFrame: null }],
  ])('refuses %s', (_label, event) => {
    expect(isTrustedSender(event as never, window)).toBe(false);
  });
  it('refuses everything before the window exists', () => {
    expect(isTrustedSender({ sender: { id: 7 }, senderFrame: topFrame('app://carecover/index.html') } as never, null)).toBe(false);
  });
});

describe('registerApiIpc', () => {
  const handlers = { getProject: () => null, openProject: ({ path }: { path: string }) => ({ path }) } as unknown as ApiHandlers;

  function register(trusted: boolean) {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    registerApiIpc({ handle: (channel: string, fn: never) => registered.set(channel, fn) } as never, inThisThread(handlers), () => trusted);
    return registered;
  }

  it('registers one channel for the whole contract', () => {
    expect([...register(true).keys()]).toEqual([API_CHANNEL]);
  });

  it('dispatches a valid call from a trusted sender', async () => {
    const handler = register(true).get(API_CHANNEL)!;
    expect(await handler({}, 'getProject', {})).toEqual({ ok: true, value: null });
  });

  it('answers a malformed request with a typed error instead of throwing', async () => {
    const handler = register(true).get(API_CHANNEL)!;
    const result = (await handler({}, 'openProject', { path: 12 })) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-request');
  });

  it('refuses an untrusted sender without calling the service', async () => {
    const handler = register(false).get(API_CHANNEL)!;
    const result = (await handler({}, 'getProject', {})) as { ok: boolean; error: { code: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });
});

describe('registerGrantIpc', () => {
  function register(trusted: boolean) {
    const files = new FileHandles();
    let grant: ((event: unknown, file: unknown) => Promise<string | null>) | undefined;
    registerGrantIpc({ handle: (channel: string, fn: never) => channel === GRANT_CHANNEL && (grant = fn) } as never, files, () => trusted);
    return { files, grant: grant! };
  }

  it('gives a trusted sender a handle for an import, and for nothing else', async () => {
    const { files, grant } = register(true);
    const handle = (await grant({}, '/home/officer/providers.csv'))!;
    expect(handle).toMatch(/^carecover-file:[0-9a-f]{32}$/);
    expect(files.resolve(handle, 'import')).toBe('/home/officer/providers.csv');
    expect(() => files.resolve(handle, 'export')).toThrow(/another purpose/);
  });

  it.each([['an untrusted sender', false, '/home/officer/a.csv'], ['an empty path (a File the page made up)', true, ''], ['a relative path', true, 'a.csv'], ['a NUL byte', true, '/tmp/a\u0000.csv'], ['a non-string', true, 42]])(
    'gives %s nothing',
    async (_label, trusted, file) => {
      expect(await register(trusted as boolean).grant({}, file)).toBeNull();
    },
  );
});
