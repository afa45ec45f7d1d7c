import type { Migration } from '../migration';

/**
 * Indexes for the History filters at 100k runs: counting runs of a kind or status reads the index
 * alone, and the error-class filter finds run ids without touching the checks table.
 */
export const filterIndexes: Migration = {
  version: 6,
  name: 'filter-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX runs_kind ON runs (kind, started_at DESC);
      CREATE INDEX runs_status ON runs (status, started_at DESC);
      DROP INDEX run_checks_class;
      CREATE INDEX run_checks_class ON run_checks (error_class, run_id);
    `);
  },
};
