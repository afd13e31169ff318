import type { Database } from 'better-sqlite3';

/** One numbered schema step. `up` runs inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  /**
   * Rebuilds a table other tables refer to: foreign keys are switched off
   * around the transaction (a dropped parent would otherwise cascade into its
   * children) and checked before it commits.
   */
  rebuildsTables?: boolean;
  up(db: Database): void;
}
