import type Database from 'better-sqlite3';

/** One step of the schema. Versions are consecutive from 1; each runs in its own transaction. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}
