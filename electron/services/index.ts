import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import type { ApiHandlers, ProjectInfo } from '../../shared/api/contract';
import { APP_NAME, APP_VERSION } from '../../shared/version';
import { CoverageService } from './coverage';
import { ProjectSession, PROJECT_EXTENSION, type ProjectTemplate } from './project-session';
import { RecentProjects } from './recent';
import { projectsDir } from './user-data';

export interface Dialogs {
  chooseProjectFile(purpose: 'open' | 'save'): Promise<string | null>;
}

export interface ServiceOptions {
  host: 'electron' | 'web';
  userData: string;
  /** Native dialogs, present only in Electron. */
  dialogs?: Dialogs;
}

/** The project CareCover opens on first run, kept in the user-data folder. */
export const STARTUP_PROJECT_NAME = 'Leicestershire sample';
const STARTUP_TEMPLATE: ProjectTemplate = 'default';

export interface Services {
  handlers: ApiHandlers;
  session: ProjectSession;
  coverage: CoverageService;
  recent: RecentProjects;
  /** Opens `file`, or else the last project, or else the first-run project (created when missing). */
  openStartupProject(file?: string): Promise<ProjectInfo>;
  close(): void;
}

export function createServices(options: ServiceOptions): Services {
  const recent = new RecentProjects(options.userData);
  const session = new ProjectSession(recent);
  const coverage = new CoverageService(session);

  const handlers: ApiHandlers = {
    getAppInfo: () => ({
      name: APP_NAME,
      version: APP_VERSION,
      host: options.host,
      nativeDialogs: Boolean(options.dialogs),
      platform: process.platform,
    }),
    getProject: () => session.info(),
    openProject: ({ path: file }) => session.open(file),
    createProject: ({ path: file, template, overwrite }) => session.create(file, template, overwrite),
    saveProjectAs: ({ path: file, overwrite }) => session.saveAs(file, overwrite),
    listRecentProjects: () => recent.list(),
    chooseProjectFile: async ({ purpose }) => {
      if (!options.dialogs) throw new ApiError('unsupported', 'This host has no file dialogs; type the project file path instead.');
      return { path: await options.dialogs.chooseProjectFile(purpose) };
    },
    listPlans: () => coverage.plans(),
    getMapData: ({ plan }) => coverage.mapData(plan),
    getPlanMetrics: ({ plan }) => coverage.metrics(plan),
    listProviders: () => coverage.providers(),
    getContingency: ({ zoneId, plan }) => coverage.contingency(zoneId, plan),
    simulateWithdrawal: ({ providerId, cutPercent, plan }) => coverage.withdrawal(providerId, cutPercent, plan),
    getSettings: () => coverage.settings(),
    updateSettings: (change) => coverage.updateSettings(change),
  };

  async function openStartupProject(file?: string): Promise<ProjectInfo> {
    if (file) return session.open(file);
    const last = recent.last();
    if (last) {
      try {
        return await session.open(last);
      } catch (error) {
        // The last project may have been moved or damaged; fall back to the first-run project.
        console.warn(`CareCover: could not reopen ${last}: ${(error as Error).message}`);
      }
    }
    const startup = path.join(projectsDir(options.userData), STARTUP_PROJECT_NAME + PROJECT_EXTENSION);
    if (fs.existsSync(startup)) return session.open(startup);
    return session.create(startup, STARTUP_TEMPLATE);
  }

  return { handlers, session, coverage, recent, openStartupProject, close: () => session.close() };
}
