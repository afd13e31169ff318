import crypto from 'node:crypto';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';

/** What a file the page names is for: a project to open or save, an export to write, a file to import. */
export type FileUse = 'project' | 'export' | 'import';

/**
 * How the page refers to files. In Electron the page never sends a path: the
 * main process hands it an opaque handle for each file the user chose in a
 * native dialog, dropped, or opened before (the recent list), and the API
 * accepts only those handles, for the use they were given for. So even a page
 * taken over by injected script can reach no file the user did not choose.
 * The browser host cannot show native dialogs, so there the page sends the
 * typed path and the services check what it names (regular file, kind, first
 * bytes) before touching it.
 */
export interface FileAccess {
  /** What the page is given for a file the user chose. */
  offer(file: string, use: FileUse): string;
  /** The path behind what the page sent, if the page may use it for `use`. */
  resolve(value: string, use: FileUse): string;
}

/** The browser host's: the page types paths, and the services check them. */
export const typedPaths: FileAccess = {
  offer: (file) => file,
  resolve: (value) => {
    // Relative to what? The host's working folder is no place the user chose.
    if (!path.isAbsolute(value)) throw new ApiError('invalid-input', `${value}: type the whole path of the file, from the top of the disk (for example /home/you/plans/${path.basename(value) || 'county.carecover'}).`);
    return value;
  },
};

const HANDLE_PREFIX = 'carecover-file:';
/** Handles are kept for the session; a long session choosing many files keeps only the newest. */
const KEPT_HANDLES = 1000;

/** Electron's: handles for the files the user chose, nothing else. */
export class FileHandles implements FileAccess {
  private readonly handles = new Map<string, { file: string; uses: Set<FileUse> }>();

  offer(file: string, use: FileUse): string {
    for (const [handle, entry] of this.handles) {
      if (entry.file === file) {
        entry.uses.add(use);
        return handle;
      }
    }
    const handle = HANDLE_PREFIX + crypto.randomBytes(16).toString('hex');
    this.handles.set(handle, { file, uses: new Set([use]) });
    if (this.handles.size > KEPT_HANDLES) this.handles.delete(this.handles.keys().next().value!);
    return handle;
  }

  resolve(value: string, use: FileUse): string {
    const entry = this.handles.get(value);
    if (!entry) {
      throw new ApiError('forbidden', value.startsWith(HANDLE_PREFIX) ? 'That file choice has expired; choose the file again.' : 'The desktop app opens and saves only files chosen in its dialogs; choose the file again.');
    }
    if (!entry.uses.has(use)) throw new ApiError('forbidden', `That file was chosen for another purpose; choose it again to ${use === 'export' ? 'export to it' : use === 'import' ? 'import it' : 'use it as a project'}.`);
    return entry.file;
  }
}
