import os from 'node:os';
import path from 'node:path';
import { APP_NAME } from '../../shared/version';

/**
 * The folder where CareCover keeps its recent-projects list and the projects it
 * creates itself. It is the same folder Electron's app.getPath('userData') gives
 * for our productName, so the desktop app and the browser host share it;
 * CARECOVER_USER_DATA overrides it (tests use a temporary folder).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = os.homedir()): string {
  if (env.CARECOVER_USER_DATA) return path.resolve(env.CARECOVER_USER_DATA);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export function projectsDir(userData: string): string {
  return path.join(userData, 'projects');
}
