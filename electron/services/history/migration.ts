import type Database from 'better-sqlite3';

/** One step of the schema. Versions are consecutive from 1; each runs in its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  /**
   * Set when `up` rebuilds a table that others reference (SQLite cannot change a CHECK constraint in
   * place). The step then runs with foreign keys off, as SQLite's table-rebuild procedure requires:
   * with them on, dropping the old table would delete every row that references it. The references
   * are checked before the step commits.
   */
  readonly rebuildsTables?: boolean;
  readonly up: (db: Database.Database) => void;
}
