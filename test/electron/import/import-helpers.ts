import path from 'node:path';
import { afterEach } from 'vitest';
import { createProjectDb, type ProjectDb } from '../../../electron/store/db';
import { writeDefaultProject } from '../../../electron/services/default-project';
import { writeEmptyProject } from '../../../electron/services/project-session';
import { runImport } from '../../../electron/import/importer';
import { silentProgress } from '../../../electron/import/progress';
import type { ImportRequest } from '../../../shared/import/request';
import { repoRoot, tempDir } from '../../helpers/temp';

export const fixture = (name: string) => (path.isAbsolute(name) ? name : path.join(repoRoot, 'test', 'fixtures', 'import', name));

const opened: ProjectDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A project file of its own for one test (closed after it): empty, or the embedded Leicestershire sample. */
export function project(template: 'empty' | 'default' = 'empty'): { db: ProjectDb; file: string } {
  const file = path.join(tempDir(), 'import-test.carecover');
  const db = createProjectDb(file);
  opened.push(db);
  db.transaction(() => (template === 'default' ? writeDefaultProject(db, 'Sample') : writeEmptyProject(db, 'Empty')))();
  return { db, file };
}

export function importFile(db: ProjectDb, kind: ImportRequest['kind'], name: string, options: Partial<ImportRequest> = {}) {
  return runImport(db, { kind, file: fixture(name), ...options }, 'import', silentProgress);
}

export function previewFile(db: ProjectDb, kind: ImportRequest['kind'], name: string, options: Partial<ImportRequest> = {}) {
  return runImport(db, { kind, file: fixture(name), ...options }, 'preview', silentProgress).then((r) => r.preview);
}
