import { api } from './api';
import type { ProjectStart } from './useProject';
import { isNoPlanYet, loadWorkspace, type WorkspaceData } from './workspace/useWorkspace';

/** What the app shows first: the app, the project open in it, and that project's workspace. */
export interface FirstScreen extends ProjectStart {
  /**
   * The open project's map, metrics and the rest; 'no-plan' for a project with
   * no plan yet (nothing to draw, nothing to read again); null without a
   * project, or when it could not be read (the app reads it again and says why).
   */
  workspace: WorkspaceData | 'no-plan' | null;
}

/**
 * The first screen's data, read before anything is drawn, so the app's first
 * render is the whole screen: drawing the bar and an empty workspace first
 * cost a frame of layout and a round of effects before the map on a slow
 * laptop (about 60 ms of the default project's first map). The calls were sent
 * as the page started (first-calls.ts); this only waits for their answers.
 * Undefined when the app or project could not be read: the app then asks
 * again as it mounts, and shows what went wrong.
 */
export async function loadFirstScreen(): Promise<FirstScreen | undefined> {
  try {
    const [app, project, recent] = await Promise.all([api.getAppInfo({}), api.getProject({}), api.listRecentProjects({})]);
    const workspace = project ? await loadWorkspace().catch((e: unknown) => (isNoPlanYet(e) ? ('no-plan' as const) : null)) : null;
    if (workspace && workspace !== 'no-plan') performance.mark('carecover:map-data-loaded');
    return { app, project, recent, workspace };
  } catch {
    return undefined;
  }
}
