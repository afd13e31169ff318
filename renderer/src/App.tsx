import { useState } from 'react';
import { api } from './api';
import { ErrorBanner } from './components/ErrorBanner';
import { MapView } from './components/MapView';
import { ProjectBar } from './components/ProjectBar';
import { ProjectFileDialog, type FileDialogPurpose } from './components/ProjectFileDialog';
import { useProject } from './useProject';

export function App() {
  const state = useProject();
  const [dialog, setDialog] = useState<FileDialogPurpose | null>(null);

  function perform(purpose: FileDialogPurpose, path: string) {
    setDialog(null);
    void state.run(() => {
      if (purpose === 'open') return api.openProject({ path });
      if (purpose === 'new') return api.createProject({ path, template: 'empty' });
      return api.saveProjectAs({ path });
    });
  }

  async function fileAction(purpose: FileDialogPurpose) {
    if (!state.app?.nativeDialogs) return setDialog(purpose);
    await state.run(async () => {
      const { path } = await api.chooseProjectFile({ purpose: purpose === 'open' ? 'open' : 'save' });
      if (!path) return;
      if (purpose === 'open') await api.openProject({ path });
      else if (purpose === 'new') await api.createProject({ path, template: 'empty', overwrite: true });
      else await api.saveProjectAs({ path, overwrite: true });
    });
  }

  return (
    <div className="app">
      <ProjectBar app={state.app} project={state.project} busy={state.busy} onFileAction={(p) => void fileAction(p)} />
      <ErrorBanner message={state.error} onDismiss={state.clearError} />
      <main className="workspace">
        <MapView />
        <aside className="side-panel" aria-label="Project">
          <h2>Project</h2>
          {state.project ? (
            <dl className="facts">
              <dt>File</dt>
              <dd className="facts__path">{state.project.path}</dd>
              <dt>Created</dt>
              <dd>{state.project.createdAt ? new Date(state.project.createdAt).toLocaleString('en-GB') : '—'}</dd>
            </dl>
          ) : (
            <p>Open or create a project to begin.</p>
          )}
        </aside>
      </main>
      <footer className="attribution-bar">
        {state.project?.attributions.length ? state.project.attributions.join(' ') : 'No external data in this project.'}
      </footer>
      {dialog && <ProjectFileDialog purpose={dialog} recent={state.recent} onSubmit={(path) => perform(dialog, path)} onCancel={() => setDialog(null)} />}
    </div>
  );
}
