import type Database from 'better-sqlite3';
import type { Migration } from '../migration';

/**
 * The `runs` table as it is, rebuilt with `interrupted` allowed as a status. Built from the table's
 * own definition, so every column earlier steps added is kept without being listed here.
 */
function allowInterrupted(db: Database.Database): void {
  const table = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'runs'").get();
  const statusCheck = "'running')";
  if (!table?.sql.includes(statusCheck)) throw new Error('The runs table has no status check to extend.');
  const indexes = db
    .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'runs' AND sql IS NOT NULL")
    .all();
  db.exec(table.sql.replace(/^CREATE TABLE runs\b/, 'CREATE TABLE runs_new').replace(statusCheck, "'running', 'interrupted')"));
  db.exec('INSERT INTO runs_new SELECT * FROM runs; DROP TABLE runs; ALTER TABLE runs_new RENAME TO runs;');
  for (const index of indexes) db.exec(index.sql);
}

/**
 * A run is written as `running` when it starts, with the process that runs it, and completed when it
 * ends. A process that is killed (SIGKILL, a crash, a power cut) leaves its run `running`; the next
 * start finds the owner gone and marks the run `interrupted` (see run-owner.ts).
 */
export const interruptedRuns: Migration = {
  version: 5,
  name: 'interrupted-runs',
  rebuildsTables: true,
  up(db) {
    allowInterrupted(db);
    db.exec(`
      ALTER TABLE runs ADD COLUMN owner_pid INTEGER;
      ALTER TABLE runs ADD COLUMN owner_host TEXT;
      CREATE INDEX runs_running ON runs (status) WHERE status = 'running';
    `);
  },
};
