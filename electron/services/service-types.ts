import type { ApiHandlers, ProjectInfo } from '../../shared/api/contract';
import type { CostService } from './costs';
import type { CoverageService } from './coverage';
import type { FileAccess } from './file-access';
import type { ImportService } from './imports';
import type { OverTimeService } from './over-time';
import type { PlanEditor } from './plan-editor';
import type { ProjectSession } from './project-session';
import type { ProposalService } from './proposals';
import type { RecentProjects } from './recent';

export interface Dialogs {
  chooseProjectFile(purpose: 'open' | 'save'): Promise<string | null>;
  chooseExportFile(fileName: string): Promise<string | null>;
}

export interface ServiceOptions {
  host: 'electron' | 'web';
  userData: string;
  /** Native dialogs, present only in Electron. */
  dialogs?: Dialogs;
  /** How the page names files: Electron's handles, or (the default) typed paths the services check. */
  files?: FileAccess;
  /**
   * Whether what a first screen needs, once worked out, is kept with the
   * project for its next open (the map layer, plans' maps, metrics): the
   * app's, yes (the default); the CLI's commands write only what they are
   * asked to, so an app open on the same project sees no change from a report.
   */
  keepsForNextOpen?: boolean;
}

export interface Services {
  handlers: ApiHandlers;
  session: ProjectSession;
  coverage: CoverageService;
  costs: CostService;
  overTime: OverTimeService;
  editor: PlanEditor;
  imports: ImportService;
  proposals: ProposalService;
  recent: RecentProjects;
  files: FileAccess;
  /** Opens `file`, or else the last project, or else the first-run project (created when missing). */
  openStartupProject(file?: string): Promise<ProjectInfo>;
  close(): void;
}
