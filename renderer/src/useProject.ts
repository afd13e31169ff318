import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppInfo, ProjectInfo, RecentProject } from '../../shared/api/contract';
import { api, onAppEvent } from './api';
import { dropFirstCalls } from './first-calls';

/** How often an open window asks whether another program has saved to its project. */
const OUTSIDE_CHANGES_POLL_MS = 2000;

export interface ProjectState {
  app: AppInfo | null;
  project: ProjectInfo | null;
  recent: RecentProject[];
  error: string | null;
  busy: boolean;
  /** Bumped whenever the project (or its file) may have changed, so views reload. */
  revision: number;
  clearError(): void;
  setError(message: string): void;
  /** Runs a project-changing call, then reloads what depends on it; failures become the banner. */
  run(action: () => Promise<unknown>): Promise<void>;
}

/** The app and project as the page found them before its first render (first-screen.ts), when it could read them. */
export interface ProjectStart {
  app: AppInfo;
  project: ProjectInfo | null;
  recent: RecentProject[];
}

export function useProject(start?: ProjectStart): ProjectState {
  const [app, setApp] = useState<AppInfo | null>(start?.app ?? null);
  const [project, setProject] = useState<ProjectInfo | null>(start?.project ?? null);
  const [recent, setRecent] = useState<RecentProject[]>(start?.recent ?? []);
  const started = useRef(start !== undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [revision, setRevision] = useState(0);

  /** Fetches, then sets everything in one go: views keyed on the project must not see it change twice. */
  const reload = useCallback(async (bump: boolean) => {
    const [info, current, recents] = await Promise.all([api.getAppInfo({}), api.getProject({}), api.listRecentProjects({})]);
    setApp(info);
    setProject(current);
    setRecent(recents);
    if (bump) setRevision((r) => r + 1);
  }, []);

  const run = useCallback(
    async (action: () => Promise<unknown>) => {
      setBusy(true);
      try {
        await action();
        await reload(true);
        setError(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [reload],
  );

  useEffect(() => {
    // Read before the first render already: read again only on a later mount.
    if (started.current) started.current = false;
    else void run(async () => {});
    return onAppEvent((event) => {
      if (event.type !== 'project-changed') return;
      dropFirstCalls(); // answers about the project that was open are not this one's
      void run(async () => {});
    });
  }, [run]);

  // Another program (the CLI, a second window) may save to the same project:
  // ask now and then, while the window is visible, and reload when it has.
  useEffect(() => {
    let seen: string | null = null;
    const check = async () => {
      if (document.visibilityState !== 'visible') return;
      try {
        const { key } = await api.getOutsideChanges({});
        if (seen !== null && key !== seen && key.split('#')[0] === seen.split('#')[0]) void run(async () => {});
        seen = key;
      } catch {
        // No project open, or the host is gone: the next call that matters says so.
      }
    };
    void check();
    const timer = window.setInterval(() => void check(), OUTSIDE_CHANGES_POLL_MS);
    return () => window.clearInterval(timer);
  }, [run]);

  return { app, project, recent, error, busy, revision, clearError: () => setError(null), setError, run };
}
