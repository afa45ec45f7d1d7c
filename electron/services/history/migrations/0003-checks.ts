import type { Migration } from '../migration';

/**
 * The detail of a test or sweep run: what was tested (a connector snapshot with secret references,
 * never values), each region's outcome and each check with its timing, request id and error class,
 * so runs can be opened, compared and trended per region later.
 */
export const checksTables: Migration = {
  version: 3,
  name: 'checks',
  up(db) {
    db.exec(`
      CREATE TABLE run_details (
        run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
        connector_snapshot TEXT NOT NULL,
        options TEXT NOT NULL,
        identity_arn TEXT,
        duration_ms INTEGER NOT NULL,
        findings TEXT NOT NULL
      );
      CREATE TABLE run_regions (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        region TEXT NOT NULL,
        partition TEXT NOT NULL,
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'skipped')),
        identity_arn TEXT,
        PRIMARY KEY (run_id, region)
      );
      CREATE INDEX run_regions_trend ON run_regions (region, run_id);
      CREATE TABLE run_checks (
        run_id TEXT NOT NULL,
        region TEXT NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'skipped')),
        duration_ms INTEGER NOT NULL,
        request_id TEXT,
        error_code TEXT,
        error_class TEXT,
        error_message TEXT,
        error_fix TEXT,
        PRIMARY KEY (run_id, region, name),
        FOREIGN KEY (run_id, region) REFERENCES run_regions (run_id, region) ON DELETE CASCADE
      );
      CREATE INDEX run_checks_class ON run_checks (error_class);
    `);
  },
};
