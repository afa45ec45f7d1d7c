import type { Migration } from '../migration';

export const runsTable: Migration = {
  version: 1,
  name: 'runs',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('test', 'sweep')),
        connector_identifier TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('passed', 'failed', 'cancelled', 'timeout', 'running')),
        imported INTEGER NOT NULL DEFAULT 0,
        app_version TEXT NOT NULL
      );
      CREATE INDEX runs_started_at ON runs (started_at DESC);
      CREATE INDEX runs_connector ON runs (connector_identifier, started_at DESC);
    `);
  },
};
