import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services';
import { FileHandles, typedPaths } from '../../../electron/services/file-access';

describe('FileHandles', () => {
  it('resolves only handles it gave, for the use they were given for', () => {
    const files = new FileHandles();
    const handle = files.offer('/home/officer/plan.carecover', 'project');
    expect(handle).not.toContain('officer');
    expect(files.resolve(handle, 'project')).toBe('/home/officer/plan.carecover');
    expect(() => files.resolve('/home/officer/plan.carecover', 'project')).toThrow(/only files chosen in its dialogs/);
    expect(() => files.resolve('carecover-file:0000', 'project')).toThrow(/expired/);
    expect(() => files.resolve(handle, 'export')).toThrow(/another purpose/);
  });

  it('gives one handle per file and remembers each use', () => {
    const files = new FileHandles();
    const first = files.offer('/a.carecover', 'project');
    expect(files.offer('/a.carecover', 'export')).toBe(first);
    expect(files.resolve(first, 'export')).toBe('/a.carecover');
  });

  it('leaves typed paths to the services in the browser host', () => {
    expect(typedPaths.resolve('/tmp/x.carecover', 'project')).toBe('/tmp/x.carecover');
  });
});

/** Handlers may throw before they return a promise; dispatch turns both into an envelope, and so does this. */
const call = async <T>(fn: () => T | Promise<T>): Promise<T> => fn();

describe('services in Electron', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function electronServices(chosen: string) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-handles-'));
    dirs.push(dir);
    const services = createServices({
      host: 'electron',
      userData: dir,
      files: new FileHandles(),
      dialogs: { chooseProjectFile: async () => path.join(dir, chosen), chooseExportFile: async (name) => path.join(dir, name) },
    });
    return { dir, services };
  }

  it('refuses typed paths on every path-taking method, the file system untouched', async () => {
    const { dir, services } = electronServices('a.carecover');
    const target = path.join(dir, 'typed.carecover');
    await expect(call(() => services.handlers.createProject({ path: target, template: 'empty' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call(() => services.handlers.openProject({ path: '/etc/passwd' }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call(() => services.handlers.saveProjectAs({ path: target }))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(call(() => services.handlers.startImport({ request: { kind: 'providers', file: '/etc/shadow' }, mode: 'preview' }))).rejects.toThrow(/only files chosen/);
    expect(fs.existsSync(target)).toBe(false);
    services.close();
  });

  it('works end to end with the handles its dialogs and the recent list give', async () => {
    const { services } = electronServices('chosen.carecover');
    const { path: handle } = await services.handlers.chooseProjectFile({ purpose: 'save' });
    expect(handle).toMatch(/^carecover-file:/);
    const info = await services.handlers.createProject({ path: handle!, template: 'empty' });
    expect(info.path).toMatch(/chosen\.carecover$/);
    const [recent] = await services.handlers.listRecentProjects({});
    expect(recent!.path).toBe(info.path);
    await expect(call(() => services.handlers.openProject({ path: recent!.file }))).resolves.toMatchObject({ path: info.path });
    const exportHandle = (await services.handlers.chooseExportFile({ fileName: 'plan.csv' })).path!;
    await expect(call(() => services.handlers.openProject({ path: exportHandle }))).rejects.toMatchObject({ code: 'forbidden' });
    services.close();
  });
});
