import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';
import { fileProblem, refuseSystemFolder, saveProblem } from '../store/storage-errors';
import type { ProjectInfo } from '../../shared/api/contract';
import { APP_VERSION } from '../../shared/version';
import { clearForProject, createProjectDb, dataVersion, openProjectDb, removeProjectFiles, schemaVersion, writeTransaction, type ProjectDb } from '../store/db';
import { readAttributions, readMeta, writeMeta } from '../store/project-meta';
import { hasCurrentPlan } from '../store/plans';
import { writeDefaultProject } from './default-project';
import { DEFAULT_BANDS } from '../../shared/domain/types';
import { writeBands } from '../store/model-data';
import type { RecentProjects } from './recent';

export const PROJECT_EXTENSION = '.carecover';

export type ProjectTemplate = 'default' | 'empty';

/** Fills a brand-new project file; runs inside one transaction with its creation. */
export type TemplateWriter = (db: ProjectDb, name: string) => void;

function nameFromPath(file: string): string {
  return path.basename(file, path.extname(file));
}

export function writeEmptyProject(db: ProjectDb, name: string): void {
  writeMeta(db, { name, created_at: new Date().toISOString(), app_version: APP_VERSION, is_sample: '0' });
  writeBands(db, DEFAULT_BANDS);
}

/**
 * The one open project of a window or a browser host. Every service that reads
 * or changes project data goes through `db()`, which fails with a typed error
 * when no project is open.
 */
export class ProjectSession {
  private current: { db: ProjectDb; file: string } | null = null;
  private changes = 0;
  /** Commits by other connections seen so far, and the data_version they were last seen at. */
  private elsewhere = { count: 0, dataVersion: 0 };
  /** This app's own writers on other connections (import workers) still at work, by project file. */
  private readonly ownWriters = new Map<string, number>();

  private readonly keepers: (() => void)[] = [];

  constructor(
    private readonly recent: RecentProjects,
    private readonly templates: Record<ProjectTemplate, TemplateWriter> = { default: (db, name) => writeDefaultProject(db, name), empty: writeEmptyProject },
  ) {}

  db(): ProjectDb {
    if (!this.current) throw new ApiError('no-project', 'No project is open. Open or create a project first.');
    return this.current.db;
  }

  get file(): string | null {
    return this.current?.file ?? null;
  }

  /** Changes whenever the open project or its data changes (here or in another process): a key for caches of derived data. */
  get revision(): string {
    this.noticeOtherWriters();
    return `${this.current?.file ?? ''}#${this.changes}`;
  }

  /**
   * Changes when another connection (the CLI, a second window, an import
   * worker) has committed to the open project since it was opened, so an open
   * view knows to reload. SQLite's data_version moves only for other
   * connections' commits, never for this one's.
   */
  get changesElsewhere(): string {
    this.noticeOtherWriters();
    return `${this.current?.file ?? ''}#${this.elsewhere.count}`;
  }

  private noticeOtherWriters(): void {
    if (!this.current) return;
    const version = dataVersion(this.current.db);
    if (version === this.elsewhere.dataVersion) return;
    // A commit while one of our own workers writes is taken as its own: the view reloads when that work
    // ends, so counting it too would reload the view twice (and disable its buttons under a user's click).
    this.elsewhere = { count: this.elsewhere.count + (this.ownWriters.has(this.current.file) ? 0 : 1), dataVersion: version };
    this.changes += 1;
  }

  /**
   * Runs `work`, in which this app writes to the project on another connection (an import worker),
   * then marks derived data stale. What it committed is this app's own change, not one made elsewhere.
   */
  async writeElsewhere<T>(work: () => Promise<T>): Promise<T> {
    const file = this.file;
    if (!file) return work();
    this.ownWriters.set(file, (this.ownWriters.get(file) ?? 0) + 1);
    try {
      return await work();
    } finally {
      if (this.file === file) {
        this.noticeOtherWriters();
        this.changes += 1;
      }
      const left = this.ownWriters.get(file)! - 1;
      if (left > 0) this.ownWriters.set(file, left);
      else this.ownWriters.delete(file);
    }
  }

  /** Runs `change` in one transaction and marks derived data stale. */
  write<T>(change: (db: ProjectDb) => T): T {
    const db = this.db();
    const result = writeTransaction(db, () => change(db));
    this.changes += 1;
    return result;
  }

  info(): ProjectInfo | null {
    if (!this.current) return null;
    const { db, file } = this.current;
    const meta = readMeta(db);
    return {
      path: file,
      name: meta.name ?? nameFromPath(file),
      isSample: meta.is_sample === '1',
      schemaVersion: schemaVersion(db),
      createdAt: meta.created_at ?? '',
      attributions: readAttributions(db),
      hasPlan: hasCurrentPlan(db),
    };
  }

  private adopt(db: ProjectDb, file: string, remember = true): ProjectInfo {
    this.close();
    this.current = { db, file };
    this.changes += 1;
    this.elsewhere = { count: 0, dataVersion: dataVersion(db) };
    const info = this.info()!;
    if (remember) this.recent.remember(file, info.name);
    return info;
  }

  /** `remember: false` for background readers (export workers) that must not reorder the recent list. */
  async open(file: string, options: { remember?: boolean } = {}): Promise<ProjectInfo> {
    const absolute = path.resolve(file);
    return this.adopt(await openProjectDb(absolute), absolute, options.remember ?? true);
  }

  create(file: string, template: ProjectTemplate, overwrite = false): ProjectInfo {
    const absolute = path.resolve(withExtension(file));
    if (this.current?.file === absolute) throw new ApiError('invalid-input', `${absolute} is the project that is open now; choose another file.`);
    requireFolder(absolute);
    const db = createProjectDb(absolute, { overwrite });
    try {
      writeTransaction(db, () => this.templates[template](db, nameFromPath(absolute)));
    } catch (error) {
      db.close();
      removeProjectFiles(absolute);
      throw error;
    }
    return this.adopt(db, absolute);
  }

  /** Copies the open project to a new file with SQLite's backup API and carries on in the copy. */
  async saveAs(file: string, overwrite = false): Promise<ProjectInfo> {
    const source = this.db();
    const absolute = path.resolve(withExtension(file));
    if (absolute === this.current!.file) return this.info()!;
    clearForProject(absolute, overwrite);
    requireFolder(absolute);
    try {
      await source.backup(absolute);
    } catch (error) {
      removeProjectFiles(absolute);
      throw saveProblem(absolute, error) ?? error;
    }
    return this.adopt(await openProjectDb(absolute), absolute);
  }

  /** Asks `keep` to store what it keeps for the next open, each time a project is about to close (quit, or another opened). */
  beforeClose(keep: () => void): void {
    this.keepers.push(keep);
  }

  close(): void {
    if (!this.current) return;
    for (const keep of this.keepers) {
      try {
        keep();
      } catch (error) {
        // What is kept is a copy made for speed: failing to keep it never stops a project closing.
        console.warn(`CareCover: could not keep the map of ${this.current.file} for its next open: ${(error as Error).message}`);
      }
    }
    this.current.db.close();
    this.current = null;
  }
}

/**
 * A project goes into a folder that exists: as in a save dialog, CareCover does
 * not make folders on the way (a recursive mkdir under /proc never returns).
 */
function requireFolder(file: string): void {
  refuseSystemFolder(file);
  const folder = path.dirname(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(folder, { throwIfNoEntry: false });
  } catch (error) {
    throw fileProblem(file, error);
  }
  if (!stat) throw new ApiError('storage', `Could not write ${file}: the folder ${folder} does not exist.`);
  if (!stat.isDirectory()) throw new ApiError('storage', `Could not write ${file}: ${folder} is not a folder.`);
}

/** A project file ends .carecover: one typed without an ending gets it; one with another ending is refused, so a project is never written over a document's name. */
export function withExtension(file: string): string {
  const ending = path.extname(file);
  if (!ending) return file + PROJECT_EXTENSION;
  if (ending.toLowerCase() !== PROJECT_EXTENSION) throw new ApiError('invalid-input', `${file}: a CareCover project file ends ${PROJECT_EXTENSION}; choose a name ending ${PROJECT_EXTENSION}.`);
  return file;
}
