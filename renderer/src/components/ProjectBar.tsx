import type { AppInfo, ProjectInfo } from '../../../shared/api/contract';
import type { FileDialogPurpose } from './ProjectFileDialog';

interface Props {
  app: AppInfo | null;
  project: ProjectInfo | null;
  busy: boolean;
  /** The plan the map and figures show. */
  planName: string | null;
  onFileAction(purpose: FileDialogPurpose): void;
  onExport(): void;
  onImport(): void;
}

/** The project's name and whether it is sample data are always in view. */
export function ProjectBar({ app, project, busy, planName, onFileAction, onExport, onImport }: Props) {
  return (
    <header className="project-bar">
      <div className="project-bar__brand" aria-hidden="true">
        CareCover
      </div>
      <div className="project-bar__project">
        <h1 className="project-bar__name" title={project?.path}>
          {project ? project.name : 'No project open'}
        </h1>
        {project?.isSample && (
          <span className="badge badge--sample" title="Fictional providers and modelled demand: not real commissioning data">
            Sample data
          </span>
        )}
        {project && planName && (
          <span className="project-bar__plan" title="The plan (scenario) the map and figures show; switch it in Scenarios">
            Plan: <strong>{planName}</strong>
          </span>
        )}
      </div>
      <nav className="project-bar__actions" aria-label="Project">
        <button type="button" className="button" disabled={busy} onClick={() => onFileAction('new')}>
          New…
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => onFileAction('open')}>
          Open…
        </button>
        <button type="button" className="button" disabled={busy || !project} onClick={() => onFileAction('save-as')}>
          Save as…
        </button>
        <button type="button" className="button" disabled={busy || !project} onClick={onImport}>
          Import…
        </button>
        <button type="button" className="button" disabled={busy || !project} onClick={onExport}>
          Export…
        </button>
      </nav>
      {busy && (
        <div className="project-bar__busy" role="status">
          Working…
        </div>
      )}
      <span className="project-bar__version">{app ? `v${app.version}` : ''}</span>
    </header>
  );
}
