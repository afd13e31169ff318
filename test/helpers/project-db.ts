import path from 'node:path';
import { createProjectDb, type ProjectDb } from '../../electron/store/db';
import { tempDir } from './temp';

/** Runs `run` on a new, empty project file at the latest schema, closed afterwards. */
export function withProjectDb(run: (db: ProjectDb) => void): void {
  const db = createProjectDb(path.join(tempDir(), 'project.carecover'));
  try {
    run(db);
  } finally {
    db.close();
  }
}
