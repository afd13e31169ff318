import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';

/**
 * What the disk said, in words a user can act on. SQLite reports a full disk,
 * a read-only file or folder, or a refused permission with its own codes, and
 * Node with errno codes; both come here so that every caller gives the same
 * message for the same cause, naming the file.
 */
const SQLITE_WHY: [RegExp, string][] = [
  [/^SQLITE_FULL/, 'the disk is full'],
  [/^SQLITE_READONLY/, 'the file or its folder is read-only'],
  [/^SQLITE_PERM|^SQLITE_AUTH/, 'permission was refused'],
  [/^SQLITE_CANTOPEN/, 'it cannot be opened (its folder is missing, read-only or not yours)'],
  [/^SQLITE_IOERR/, 'the disk reported an error'],
];

const ERRNO_WHY: Record<string, (file: string) => string> = {
  EACCES: () => 'permission was refused',
  EPERM: () => 'permission was refused',
  ENOENT: (file) => `the folder ${path.dirname(file)} does not exist`,
  ENOTDIR: (file) => `${path.dirname(file)} is not a folder`,
  ENOSPC: () => 'the disk is full',
  EDQUOT: () => 'the disk quota is used up',
  EROFS: () => 'the disk is read-only',
  ENAMETOOLONG: () => 'the name is too long',
  EISDIR: () => 'it is a folder',
  EFBIG: () => 'the file would be larger than this disk allows',
  EIO: () => 'the disk reported an error',
};

/** The plain-words cause of a file system or SQLite error, or null when it is not one (a bug). */
export function storageCause(file: string, error: unknown): string | null {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string') return null;
  // SQLite reports a full disk as an I/O error when it is the -shm or -wal that cannot grow.
  if (/^SQLITE_(IOERR|CANTOPEN)/.test(code) && diskIsFull(file)) return 'the disk is full';
  const sqlite = SQLITE_WHY.find(([pattern]) => pattern.test(code));
  if (sqlite) return sqlite[1];
  return ERRNO_WHY[code]?.(file) ?? null;
}

function diskIsFull(file: string): boolean {
  try {
    return fs.statfsSync(path.dirname(file)).bavail === 0;
  } catch {
    return false;
  }
}

/** A failed save of the project: the transaction was rolled back, so the message can promise nothing changed. */
export function saveProblem(file: string, error: unknown): ApiError | null {
  const why = storageCause(file, error);
  if (!why) return null;
  const advice = /read-only|permission/.test(why) ? ' Use Save As (or copy the file) to work on it somewhere you can write.' : /full|quota|larger/.test(why) ? ' Free some space and try again.' : '';
  return new ApiError('storage', `Could not save ${file}: ${why}. Nothing was changed.${advice}`);
}

/** A file that could not be written (an export, a copy). */
export function fileProblem(file: string, error: unknown): ApiError {
  return new ApiError('storage', `Could not write ${file}: ${storageCause(file, error) ?? `the system said ${(error as { code?: string }).code ?? 'no'}`}.`);
}

/** Whether a project file can be changed here: both it and its folder (for the -wal and -shm) must be writable. */
export function isWritable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    return false;
  }
  // Root passes access() checks even on a read-only mount; a mount says so only when written to.
  try {
    fs.closeSync(fs.openSync(file, 'r+'));
    return true;
  } catch {
    return false;
  }
}
