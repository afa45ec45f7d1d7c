import type Database from 'better-sqlite3';
import type { TestConnector } from '../../../shared/aws-test/input';
import type { RunDetail } from '../../../shared/history/detail';
import { recordRun } from './run-record';

/** Where imported runs came from: the report's title and creation time, and when they were imported. */
export interface RunImportSource {
  readonly source: string;
  readonly importedAt: string;
}

export interface RunImport {
  /** Runs added, by id. */
  readonly added: string[];
  /** Runs whose id history already had (imported before, or this machine's own run): left as they are. */
  readonly present: string[];
}

/**
 * Adds runs from a report under their own ids, written as every run is (`recordRun`) and then marked
 * imported, all in one transaction: a failure leaves history as it was, and importing the same
 * report again adds nothing. The connector snapshot is stored as the report has it; a re-run
 * checks it again (`rerunRequest`), as it would anyone's.
 */
export function importRuns(db: Database.Database, runs: readonly RunDetail[], from: RunImportSource): RunImport {
  const exists = db.prepare<[string], number>('SELECT 1 FROM runs WHERE id = ?').pluck();
  const mark = db.prepare('UPDATE runs SET imported = 1, import_source = ?, imported_at = ? WHERE id = ?');
  const added: string[] = [];
  const present: string[] = [];
  db.transaction(() => {
    for (const run of runs) {
      const id = run.result.runId;
      if (exists.get(id) !== undefined) {
        present.push(id);
        continue;
      }
      recordRun(db, { result: run.result, connector: run.connector as TestConnector, options: run.options, appVersion: run.appVersion });
      mark.run(from.source, from.importedAt, id);
      added.push(id);
    }
  }).immediate();
  return { added, present };
}
