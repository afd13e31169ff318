import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../../electron/services';
import { RecentProjects } from '../../../electron/services/recent';
import { tempDir } from '../../helpers/temp';

describe('project services', () => {
  it('opens a first-run project, then reopens the last project on the next start', async () => {
    const userData = tempDir();
    const first = createServices({ host: 'web', userData });
    const startup = await first.openStartupProject();
    expect(startup.path.startsWith(path.join(userData, 'projects'))).toBe(true);
    fs.mkdirSync(path.join(userData, 'work'));
    const other = first.session.create(path.join(userData, 'work', 'Melton review'), 'empty');
    expect(other.path.endsWith('Melton review.carecover')).toBe(true);
    expect(other.name).toBe('Melton review');
    first.close();

    const second = createServices({ host: 'web', userData });
    expect((await second.openStartupProject()).path).toBe(other.path);
    second.close();
  });

  it('falls back to the first-run project when the last one has gone', async () => {
    const userData = tempDir();
    const services = createServices({ host: 'web', userData });
    const gone = services.session.create(path.join(userData, 'gone.carecover'), 'empty');
    services.close();
    fs.rmSync(gone.path);
    const again = createServices({ host: 'web', userData });
    expect((await again.openStartupProject()).path).not.toBe(gone.path);
    expect(again.recent.list().find((r) => r.path === gone.path)?.exists).toBe(false);
    again.close();
  });

  it('save as copies the project and carries on in the copy', async () => {
    const userData = tempDir();
    const services = createServices({ host: 'web', userData });
    const original = services.session.create(path.join(userData, 'a.carecover'), 'empty');
    const copy = await services.handlers.saveProjectAs({ path: path.join(userData, 'b') });
    expect(copy.path).toBe(path.join(userData, 'b.carecover'));
    expect(copy.name).toBe(original.name);
    expect(services.session.file).toBe(copy.path);
    expect(fs.existsSync(original.path)).toBe(true);
    await expect(services.handlers.saveProjectAs({ path: original.path })).rejects.toMatchObject({ code: 'invalid-input' });
    services.close();
  });

  it('says clearly when no project is open', () => {
    const services = createServices({ host: 'web', userData: tempDir() });
    expect(() => services.session.db()).toThrow(/No project is open/);
    expect(services.session.info()).toBeNull();
  });

  it('the browser host has no native dialogs', async () => {
    const services = createServices({ host: 'web', userData: tempDir() });
    await expect(services.handlers.chooseProjectFile({ purpose: 'open' })).rejects.toMatchObject({ code: 'unsupported' });
  });
});

describe('RecentProjects', () => {
  it('keeps newest first, without duplicates, at most ten, and survives a damaged file', () => {
    const dir = tempDir();
    const recent = new RecentProjects(dir);
    for (let i = 0; i < 12; i++) recent.remember(path.join(dir, `p${i}.carecover`), `P${i}`, new Date(2026, 0, 1, 0, i));
    recent.remember(path.join(dir, 'p3.carecover'), 'P3');
    const list = recent.list();
    expect(list).toHaveLength(10);
    expect(list[0]!.name).toBe('P3');
    expect(list.filter((r) => r.name === 'P3')).toHaveLength(1);
    fs.writeFileSync(path.join(dir, 'recent-projects.json'), '{ not json');
    expect(recent.list()).toEqual([]);
  });
});
