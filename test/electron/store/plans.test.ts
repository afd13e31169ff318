import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/errors';
import { createProjectDb } from '../../../electron/store/db';
import { hasCurrentPlan, insertPlan, resolvePlan, setCurrentPlan } from '../../../electron/store/plans';
import { tempDir } from '../../helpers/temp';

/** The error resolvePlan throws, to assert on its code (what the UI and the CLI act on) and its words. */
function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('resolvePlan', () => {
  it('tells a project with no plan yet by its own code, which the UI takes as "nothing to draw" and not as a failure', () => {
    const db = createProjectDb(path.join(tempDir(), 'plans.carecover'));
    try {
      expect(hasCurrentPlan(db)).toBe(false);
      const none = refusal(() => resolvePlan(db));
      expect(none.code).toBe('no-plan');
      expect(none.message).toContain('no zone plan yet');
      // A plan named but missing is a different thing: that name is not found.
      setCurrentPlan(db, insertPlan(db, 'Draft'));
      expect(hasCurrentPlan(db)).toBe(true);
      expect(resolvePlan(db).name).toBe('Draft');
      const missing = refusal(() => resolvePlan(db, 'Final'));
      expect(missing.code).toBe('not-found');
      expect(missing.message).toContain('There is no plan called "Final". Plans: Draft.');
    } finally {
      db.close();
    }
  });
});
