import type { Migration } from '../migration';

/**
 * `run_results`: each run's result document exactly as `awb test --json` printed it (secrets
 * redacted), so a run opens as it was shown. `settings`: the app's few preferences that belong with
 * the history (retention). Imported runs remember the report they came from and when.
 */
export const resultsAndSettings: Migration = {
  version: 4,
  name: 'results-settings',
  up(db) {
    db.exec(`
      CREATE TABLE run_results (
        run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        result TEXT NOT NULL
      );
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      ALTER TABLE runs ADD COLUMN import_source TEXT;
      ALTER TABLE runs ADD COLUMN imported_at TEXT;
      CREATE INDEX runs_imported ON runs (imported, started_at DESC);
    `);
  },
};
