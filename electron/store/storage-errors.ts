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
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
    // Opening the file for writing, rather than asking access(), also catches a file under a read-only bind mount.
    fs.closeSync(fs.openSync(file, 'r+'));
    return true;
  } catch {
    return false;
  }
}

/**
 * A Node or SQLite error that escaped a caller's own handling, as a typed
 * error naming the file it carries (Node's errors say which): the last net
 * before a host would answer "internal" with raw system text.
 */
export function asStorageError(error: unknown, fallbackFile: string | null): ApiError | null {
  if (error instanceof ApiError) return null;
  const file = typeof (error as { path?: unknown }).path === 'string' ? (error as { path: string }).path : fallbackFile ?? 'the file';
  const why = storageCause(file, error);
  return why ? new ApiError('storage', `Could not use ${file}: ${why}.`) : null;
}

/**
 * Folders no project or export is written into, whoever runs CareCover: the
 * system's own. (The browser host runs as the user; a page that was tricked
 * into naming /etc/cron.d must not get a file written there.)
 */
const SYSTEM_FOLDERS = ['/etc', '/dev', '/proc', '/sys', '/boot', '/bin', '/sbin', '/usr', '/lib', '/lib32', '/lib64', '/libx32', '/run', '/var/lib', '/var/spool', '/var/log', '/var/run', '/System', '/Library', '/private/etc', '/private/var/db'];
const WINDOWS_SYSTEM = /^[a-z]:\\(windows|program files( \(x86\))?|programdata)(\\|$)/i;

export function isSystemFolder(file: string): boolean {
  let real = path.resolve(file);
  try {
    real = path.join(fs.realpathSync(path.dirname(real)), path.basename(real));
  } catch {
    // A folder that does not exist is refused later, as missing.
  }
  if (WINDOWS_SYSTEM.test(file) || WINDOWS_SYSTEM.test(real)) return true;
  return SYSTEM_FOLDERS.some((folder) => real === folder || real.startsWith(`${folder}/`));
}

/** Refuses a write into a system folder, naming it. */
export function refuseSystemFolder(file: string): void {
  if (isSystemFolder(file)) throw new ApiError('forbidden', `Could not write ${file}: ${path.dirname(file)} is a system folder; choose a folder of your own, such as your Documents.`);
}
