import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  saveProjectAs(): void;
  importData(): void;
  exportData(): void;
  undo(): void;
  redo(): void;
  about(): void;
  attributions(): void;
}

/**
 * The native menu. Undo and Redo go to the app's own history (zone edits and
 * settings), not only to text fields, so they are actions rather than roles.
 */
export function buildMenuTemplate(actions: MenuActions, platform: NodeJS.Platform, devTools: boolean): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ role: 'appMenu' });
  template.push(
    {
      label: '&File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        { label: 'Save Project As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveProjectAs() },
        { type: 'separator' },
        { label: 'Import…', accelerator: 'CmdOrCtrl+I', click: () => actions.importData() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportData() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => actions.undo() },
        { label: 'Redo', accelerator: isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y', click: () => actions.redo() },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[]) : []),
      ],
    },
    {
      label: '&Help',
      submenu: [
        { label: 'About CareCover', click: () => actions.about() },
        { label: 'Data Attributions', click: () => actions.attributions() },
      ],
    },
  );
  return template;
}
