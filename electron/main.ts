import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import type { AppEvent, MenuCommand } from '../shared/api/bridge';
import { APP_NAME, APP_VERSION } from '../shared/version';
import { APP_INDEX_URL, EVENT_CHANNEL } from './channels';
import { isTrustedSender, registerApiIpc, registerGrantIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol';
import { ServiceWorker } from './services/service-worker';
import { PROJECT_EXTENSION } from './services/project-session';
import { userDataDir } from './services/user-data';
import { resolveNativeBinding, useNativeBinding } from './store/native';
import { buildWindowOptions, denyAllPermissions, hardenWebContents } from './window';

// The shell only wires Electron to the services; everything it calls is
// unit-tested on its own (window options, IPC checks, menu, protocol).

protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);
if (process.env.CARECOVER_USER_DATA) app.setPath('userData', userDataDir());

const distDir = __dirname; // dist/node, beside dist/renderer
const rendererDir = path.join(distDir, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;
let services: ServiceWorker;
let quitting = false;

function send(event: AppEvent): void {
  mainWindow?.webContents.send(EVENT_CHANNEL, event);
}

const projectFilters = [{ name: 'CareCover project', extensions: [PROJECT_EXTENSION.slice(1)] }];

async function chooseProjectFile(purpose: 'open' | 'save'): Promise<string | null> {
  if (!mainWindow) return null;
  if (purpose === 'open') {
    const result = await dialog.showOpenDialog(mainWindow, { title: 'Open project', properties: ['openFile'], filters: projectFilters });
    return result.canceled ? null : result.filePaths[0] ?? null;
  }
  const result = await dialog.showSaveDialog(mainWindow, { title: 'Save project as', filters: projectFilters });
  return result.canceled ? null : result.filePath ?? null;
}

async function chooseExportFile(fileName: string): Promise<string | null> {
  if (!mainWindow) return null;
  const extension = path.extname(fileName).slice(1);
  const result = await dialog.showSaveDialog(mainWindow, { title: 'Export', defaultPath: fileName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] });
  return result.canceled ? null : result.filePath ?? null;
}

async function reportError(error: unknown): Promise<void> {
  if (mainWindow) await dialog.showMessageBox(mainWindow, { type: 'error', message: (error as Error).message });
}

/** A menu's project action: the file is chosen here, granted to the services, and the API does the rest. */
async function runFileAction(purpose: 'open' | 'save', method: 'createProject' | 'openProject' | 'saveProjectAs'): Promise<void> {
  const file = await chooseProjectFile(purpose);
  if (!file) return;
  try {
    const path = await services.offer(file, 'project');
    const request = method === 'createProject' ? { path, template: 'empty', overwrite: true } : method === 'saveProjectAs' ? { path, overwrite: true } : { path };
    const answer = await services.call(method, request);
    if (!answer.ok) throw new Error(answer.error.message);
    send({ type: 'project-changed' });
  } catch (error) {
    await reportError(error);
  }
}

async function attributions(): Promise<string> {
  const answer = await services.call('getProject', {});
  const info = answer.ok ? (answer.value as { attributions: string[] } | null) : null;
  return info?.attributions.join('\n\n') || 'This project has no external data sources.';
}

function menuCommand(command: MenuCommand): () => void {
  return () => send({ type: 'menu', command });
}

async function start(): Promise<void> {
  useNativeBinding(
    resolveNativeBinding({
      electronVersion: process.versions.electron,
      isPackaged: app.isPackaged,
      appRoot: app.getAppPath(),
      platform: process.platform,
      arch: process.arch,
    }),
  );
  // The services run in their own thread: this one only routes IPC and shows dialogs.
  services = new ServiceWorker({ host: 'electron', userData: app.getPath('userData'), dialogs: { chooseProjectFile, chooseExportFile }, onInternalError: (error) => console.error(error) });
  serveRenderer(protocol, rendererDir);
  denyAllPermissions(session.defaultSession);

  const devTools = !app.isPackaged;
  const options = buildWindowOptions({ preloadPath: path.join(distDir, 'preload.cjs'), title: APP_NAME, devTools });
  // The security flags are restated literally so that the static checker
  // (npm run lint:electron) can verify them where the window is made;
  // test/electron/main.test.ts asserts that what reaches BrowserWindow equals
  // buildWindowOptions(), so the two cannot drift apart.
  mainWindow = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  registerApiIpc(ipcMain, services.call, (event) => isTrustedSender(event, mainWindow));
  registerGrantIpc(ipcMain, services, (event) => isTrustedSender(event, mainWindow));

  const template = buildMenuTemplate(
    {
      newProject: () => runFileAction('save', 'createProject'),
      openProject: () => runFileAction('open', 'openProject'),
      saveProjectAs: () => runFileAction('save', 'saveProjectAs'),
      importData: menuCommand('import'),
      exportData: menuCommand('export'),
      undo: menuCommand('undo'),
      redo: menuCommand('redo'),
      about: () =>
        void dialog.showMessageBox({ type: 'info', title: `About ${APP_NAME}`, message: `${APP_NAME} ${APP_VERSION}`, detail: 'Home-care coverage planning for commissioning teams.' }),
      attributions: async () =>
        void dialog.showMessageBox({ type: 'info', title: 'Data attributions', message: 'Data sources of this project', detail: await attributions() }),
    },
    process.platform,
    devTools,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

  const projectArg = process.argv.slice(app.isPackaged ? 1 : 2).find((arg) => arg.endsWith(PROJECT_EXTENSION));
  try {
    await services.openStartupProject(projectArg);
  } catch (error) {
    await reportError(error);
  }
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  await mainWindow.loadURL(APP_INDEX_URL);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (!services || quitting) return;
    // The worker closes the project's connection before the process goes.
    event.preventDefault();
    quitting = true;
    void services.close().finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}
