import fs from 'node:fs';
import path from 'node:path';
import type { ProjectInfo } from '../../shared/api/contract';
import { CostService } from './costs';
import { CoverageService } from './coverage';
import { OverTimeService } from './over-time';
import { typedPaths } from './file-access';
import { createHandlers } from './handlers';
import { ImportService } from './imports';
import { PlanEditor } from './plan-editor';
import { ProposalService } from './proposals';
import { ProjectSession, PROJECT_EXTENSION, type ProjectTemplate } from './project-session';
import { RecentProjects } from './recent';
import type { ServiceOptions, Services } from './service-types';
import { projectsDir } from './user-data';

// The composition root: builds each service once and wires them together; the API's handlers are in handlers.ts.
export type { Dialogs, ServiceOptions, Services } from './service-types';

/** The project CareCover opens on first run, kept in the user-data folder. */
export const STARTUP_PROJECT_NAME = 'Leicestershire sample';
const STARTUP_TEMPLATE: ProjectTemplate = 'default';

export function createServices(options: ServiceOptions): Services {
  const recent = new RecentProjects(options.userData);
  const session = new ProjectSession(recent);
  const coverage = new CoverageService(session, { keepsForNextOpen: options.keepsForNextOpen ?? true });
  session.beforeClose(() => coverage.keepForNextOpen());
  const costs = new CostService(session, coverage);
  const overTime = new OverTimeService(session, coverage, costs);
  const editor = new PlanEditor(session, coverage, costs);
  const imports = new ImportService(session);
  const proposals = new ProposalService(session, coverage);
  const files = options.files ?? typedPaths;

  const parts = { session, coverage, costs, overTime, editor, imports, proposals, recent, files, openStartupProject, close: () => session.close() };

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
    fs.mkdirSync(path.dirname(startup), { recursive: true });
    return session.create(startup, STARTUP_TEMPLATE);
  }

  return { ...parts, handlers: createHandlers(parts, options) };
}
