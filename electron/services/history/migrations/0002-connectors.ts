import type { Migration } from '../migration';

/**
 * Saved connectors. `document` is the Harness connector YAML document as JSON (key order kept, so an
 * export reproduces what was saved). It holds secret references, never secret values: those live in
 * the OS keychain under their reference.
 */
export const connectorsTable: Migration = {
  version: 2,
  name: 'connectors',
  up(db) {
    db.exec(`
      CREATE TABLE connectors (
        identifier TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        credential_type TEXT NOT NULL,
        document TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX connectors_name ON connectors (name COLLATE NOCASE);
    `);
  },
};
