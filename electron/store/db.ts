import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ApiError } from '../../shared/api/errors';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { sqliteOptions } from './native';
import { matchesSignature, readHead } from '../file-signatures';
import { isWritable, saveProblem, storageCause } from './storage-errors';

export type ProjectDb = Database.Database;

/** PRAGMA application_id of every CareCover project: "CCov" in ASCII. */
export const APPLICATION_ID = 0x43436f76;
/** Sets the connection up the same way for every project: WAL, foreign keys, a short wait on locks. */
function configure(db: ProjectDb): void {
  // A read-only connection keeps the file's journal mode: it cannot change it.
  if (!db.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/** The project's schema version (PRAGMA user_version). */
export function schemaVersion(db: ProjectDb): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Moves whenever another connection commits to the file (never for this connection's own commits). */
export function dataVersion(db: ProjectDb): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/**
 * Runs `change` as one write transaction that takes the write lock at its
 * start (BEGIN IMMEDIATE). A deferred transaction starts as a read and fails at
 * once with "database is locked" when it turns into a write while another
 * connection (the CLI, a second window, an import) is writing: SQLite cannot
 * wait there without risking deadlock. Taking the lock first lets the busy
 * timeout wait for the other writer; one that still cannot get it in time is a
 * typed "busy" error the user can act on, never an internal one. A full disk
 * or a read-only file is a typed "storage" error naming the file.
 */
export function writeTransaction<T>(db: ProjectDb, change: () => T): T {
  try {
    return db.transaction(change).immediate();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) {
      throw new ApiError('busy', 'Another CareCover (or the command line) is saving this project; try again in a moment.');
    }
    throw saveProblem(projectFile(db), error) ?? error;
  }
}

/**
 * Saves what is only a convenience (a cache for the next open, the export
 * dialog's last choices) when the project can be saved: a read-only project,
 * a full disk or another writer must never stop a map, a report or an export.
 */
export function saveIfPossible<T>(db: ProjectDb, change: () => T): T | null {
  if (db.readonly) return null;
  try {
    return writeTransaction(db, change);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'storage' || error.code === 'busy')) return null;
    throw error;
  }
}

/**
 * Applies migrations after `from` up to `to` in one transaction, recording the
 * result in PRAGMA user_version: a failed step leaves the file as it was.
 */
export function migrate(db: ProjectDb, to: number = LATEST_SCHEMA_VERSION): void {
  const from = schemaVersion(db);
  if (to < from) throw new Error(`Cannot migrate down from schema ${from} to ${to}.`);
  if (to === from) return;
  const steps = MIGRATIONS.filter((m) => m.version > from && m.version <= to);
  // SQLite's way to rebuild a table others refer to: foreign keys off outside the transaction, checked inside it.
  const rebuilds = steps.some((m) => m.rebuildsTables) && (db.pragma('foreign_keys', { simple: true }) as number) === 1;
  if (rebuilds) db.pragma('foreign_keys = OFF');
  try {
    writeTransaction(db, () => {
      for (const migration of steps) migration.up(db);
      if (rebuilds) {
        const broken = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (broken.length) throw new Error(`Migrating to schema ${to} would leave ${broken.length} rows of ${broken[0]!.table} pointing at missing ${broken[0]!.parent}; the project was left as it was.`);
      }
      db.pragma(`user_version = ${to}`);
    });
  } finally {
    if (rebuilds) db.pragma('foreign_keys = ON');
  }
}

export interface CreateOptions {
  /** Replace an existing file at the path (its -wal and -shm too). */
  overwrite?: boolean;
  /** Stop at this schema version; tests use it to check migrations one by one. */
  schemaVersion?: number;
}

/**
 * Whether a file may be replaced by a new project: only an empty file or a
 * CareCover project (an SQLite file carrying CareCover's application id), so
 * that "overwrite" can never delete a document, a folder or a device.
 */
function replaceableByProject(file: string): boolean {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return true;
  if (!stat.isFile()) return false;
  if (stat.size === 0) return true;
  if (stat.size < 100) return false;
  const header = readHead(file, 72);
  return matchesSignature(header, 'sqlite') && header.readUInt32BE(68) === APPLICATION_ID;
}

/** Replacing an existing file: allowed only when asked, and only for a CareCover project or an empty file. */
export function clearForProject(file: string, overwrite: boolean): void {
  if (!fs.existsSync(file)) return;
  if (!overwrite) throw new ApiError('invalid-input', `${file} already exists; choose another name or allow overwriting.`);
  if (!replaceableByProject(file)) throw new ApiError('invalid-input', `${file} is not a CareCover project, so CareCover will not replace it; choose another name.`);
  removeProjectFiles(file);
}

/** Creates a new, empty project file at the latest schema. */
export function createProjectDb(file: string, options: CreateOptions = {}): ProjectDb {
  clearForProject(file, options.overwrite ?? false);
  let db: ProjectDb;
  try {
    db = new Database(file, sqliteOptions());
  } catch (error) {
    throw saveProblem(file, error) ?? error;
  }
  try {
    configure(db);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    migrate(db, options.schemaVersion ?? LATEST_SCHEMA_VERSION);
    return db;
  } catch (error) {
    db.close();
    removeProjectFiles(file);
    throw error;
  }
}

export function removeProjectFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}

/** The project file behind a connection opened on a read-only snapshot. */
const projectFiles = new WeakMap<ProjectDb, string>();

/** The project file a connection works on, as the user named it. */
export function projectFile(db: ProjectDb): string {
  return projectFiles.get(db) ?? db.name;
}

/**
 * SQLite cannot open a WAL project in a folder it may not write (it needs to
 * make the -shm beside it, and this build takes no "immutable" URIs), so a
 * read-only project is read from a copy in the temporary folder, removed when
 * CareCover exits. It is still read-only: every save says why it cannot be made.
 */
const snapshotDirs = new Set<string>();
function readOnlySnapshot(file: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carecover-readonly-'));
  if (snapshotDirs.size === 0) process.once('exit', () => snapshotDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  snapshotDirs.add(dir);
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  return copy;
}

/**
 * Opens an existing project: refuses files that are not CareCover projects or
 * come from a newer CareCover, checks integrity, and migrates older files
 * after taking a `.bak` copy with SQLite's backup API.
 */
export async function openProjectDb(file: string): Promise<ProjectDb> {
  if (!fs.existsSync(file)) throw new ApiError('not-found', `There is no project file at ${file}.`);
  if (!fs.statSync(file).isFile()) throw new ApiError('not-a-project', `${file} is a folder, not a CareCover project file.`);
  if (!matchesSignature(readHead(file, 16), 'sqlite')) {
    throw new ApiError('not-a-project', `${file} is not a CareCover project: it is not an SQLite database.`);
  }

  // A project on a read-only disk or in a folder this user may not write is
  // opened read-only: it can be viewed, reported and exported, and each save
  // says why it cannot be made. (SQLite cannot open a WAL file read-write there.)
  const readonly = !isWritable(file);
  let db: ProjectDb;
  try {
    db = new Database(readonly ? readOnlySnapshot(file) : file, sqliteOptions({ fileMustExist: true, readonly }));
    if (readonly) projectFiles.set(db, file);
  } catch (error) {
    const why = storageCause(file, error);
    if (why) throw new ApiError('storage', `Could not open ${file}: ${why}.`);
    throw new ApiError('not-a-project', `${file} could not be opened as a project: ${(error as Error).message}`);
  }

  try {
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    if (applicationId !== APPLICATION_ID) {
      throw new ApiError('not-a-project', `${file} is an SQLite database but not a CareCover project.`);
    }
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') {
      throw new ApiError('corrupt', `${file} failed its integrity check (${String(check)}). Open the .bak copy if there is one.`);
    }
    const version = schemaVersion(db);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new ApiError(
        'newer-version',
        `${file} was saved by a newer version of CareCover (project schema ${version}; this version reads up to ${LATEST_SCHEMA_VERSION}). Update CareCover to open it.`,
      );
    }
    configure(db);
    if (version < LATEST_SCHEMA_VERSION) {
      if (readonly) throw new ApiError('storage', `${file} was saved by an older CareCover and must be upgraded, but it is read-only here; copy it to a folder you can write to and open the copy.`);
      await db.backup(`${file}.bak`);
      migrate(db);
    }
    return db;
  } catch (error) {
    db.close();
    if (error instanceof ApiError) throw error;
    const why = storageCause(file, error);
    if (why && !/^SQLITE_(CORRUPT|NOTADB)/.test(String((error as { code?: unknown }).code))) throw new ApiError('storage', `Could not open ${file}: ${why}.`);
    throw new ApiError('corrupt', `${file} could not be read as a project: ${(error as Error).message}`);
  }
}
