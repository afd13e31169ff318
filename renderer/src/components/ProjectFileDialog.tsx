import { useEffect, useId, useRef, useState } from 'react';
import { useModal } from './use-modal';
import type { RecentProject } from '../../../shared/api/contract';

export type FileDialogPurpose = 'open' | 'new' | 'save-as';

interface Props {
  purpose: FileDialogPurpose;
  recent: RecentProject[];
  onSubmit(path: string): void;
  onCancel(): void;
}

const TITLES: Record<FileDialogPurpose, { title: string; action: string; hint: string }> = {
  open: { title: 'Open project', action: 'Open', hint: 'Full path of a .carecover file on this computer.' },
  new: { title: 'New project', action: 'Create', hint: 'Where to create the new project (.carecover is added when missing).' },
  'save-as': { title: 'Save project as', action: 'Save copy', hint: 'A new file; CareCover carries on in the copy.' },
};

/**
 * The browser host cannot show native file dialogs, so it asks for a path.
 * Electron uses its native dialogs instead and never shows this.
 */
export function ProjectFileDialog({ purpose, recent, onSubmit, onCancel }: Props) {
  const [path, setPath] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const text = TITLES[purpose];
  const modal = useModal<HTMLDivElement>(onCancel);

  useEffect(() => input.current?.focus(), []);

  return (
    <div className="dialog-backdrop" onKeyDown={modal.onKeyDown}>
      <div ref={modal.ref} tabIndex={-1} className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${inputId}-title`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) onSubmit(path.trim());
        }}
      >
        <h2 id={`${inputId}-title`}>{text.title}</h2>
        <label htmlFor={inputId}>Project file</label>
        <input id={inputId} ref={input} type="text" value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} autoComplete="off" />
        <p className="hint">{text.hint}</p>
        {purpose === 'open' && recent.length > 0 && (
          <fieldset className="recent">
            <legend>Recent projects</legend>
            <ul>
              {recent.map((entry) => (
                <li key={entry.path}>
                  <button type="button" className="link-button" disabled={!entry.exists} onClick={() => onSubmit(entry.file)} title={entry.path}>
                    {entry.name}
                  </button>
                  <span className="recent__path">{entry.exists ? entry.path : `${entry.path} (missing)`}</span>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <div className="dialog__actions">
          <button type="button" className="button button--quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!path.trim()}>
            {text.action}
          </button>
        </div>
      </form>
      </div>
    </div>
  );
}
