import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuActions } from '../../electron/menu';

function actions(): MenuActions {
  return {
    newProject: vi.fn(), openProject: vi.fn(), saveProjectAs: vi.fn(), importData: vi.fn(), exportData: vi.fn(),
    undo: vi.fn(), redo: vi.fn(), about: vi.fn(), attributions: vi.fn(),
  };
}

function items(template: MenuItemConstructorOptions[], menu: string): MenuItemConstructorOptions[] {
  const found = template.find((m) => m.label?.replace('&', '') === menu);
  return (found?.submenu ?? []) as MenuItemConstructorOptions[];
}

const labels = (list: MenuItemConstructorOptions[]) => list.filter((i) => i.type !== 'separator').map((i) => i.label ?? i.role);

describe('buildMenuTemplate', () => {
  it('has File, Edit, View and Help with the commands the app promises', () => {
    const template = buildMenuTemplate(actions(), 'win32', false);
    expect(template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(labels(items(template, 'File'))).toEqual(['New Project…', 'Open Project…', 'Save Project As…', 'Import…', 'Export…', 'Quit']);
    expect(labels(items(template, 'Edit')).slice(0, 2)).toEqual(['Undo', 'Redo']);
    expect(labels(items(template, 'Help'))).toEqual(['About CareCover', 'Data Attributions']);
  });

  it('wires each item to its action', () => {
    const a = actions();
    const template = buildMenuTemplate(a, 'linux', false);
    const click = (menu: string, label: string) => (items(template, menu).find((i) => i.label === label)!.click as () => void)();
    click('File', 'Open Project…');
    click('File', 'Import…');
    click('Edit', 'Undo');
    click('Help', 'Data Attributions');
    expect(a.openProject).toHaveBeenCalledOnce();
    expect(a.importData).toHaveBeenCalledOnce();
    expect(a.undo).toHaveBeenCalledOnce();
    expect(a.attributions).toHaveBeenCalledOnce();
    expect(a.newProject).not.toHaveBeenCalled();
  });

  it('offers developer tools only when allowed', () => {
    const roles = (t: MenuItemConstructorOptions[]) => items(t, 'View').map((i) => i.role);
    expect(roles(buildMenuTemplate(actions(), 'linux', false))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate(actions(), 'linux', true))).toContain('toggleDevTools');
  });

  it('adds the application menu on macOS', () => {
    expect(buildMenuTemplate(actions(), 'darwin', false)[0]).toEqual({ role: 'appMenu' });
  });
});
