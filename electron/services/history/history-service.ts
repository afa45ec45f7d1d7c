import type Database from 'better-sqlite3';
import type { RunSummary } from '../../../shared/history/schema';
import { recordRun, type RunRecord } from './run-record';

interface RunRow {
  id: string;
  kind: RunSummary['kind'];
  connector_identifier: string | null;
  started_at: string;
  finished_at: string | null;
  status: RunSummary['status'];
  imported: number;
}

export interface ListQuery {
  readonly limit: number;
  readonly search?: string | undefined;
}

/** Reads and writes the local history of test runs. */
export class HistoryService {
  constructor(private readonly db: Database.Database) {}

  /** Stores a finished (or cancelled, or timed-out) test or sweep with all its checks, in one transaction. */
  record(record: RunRecord): void {
    recordRun(this.db, record);
  }

  /** True when a run with this id is already recorded. */
  has(runId: string): boolean {
    return this.db.prepare('SELECT 1 FROM runs WHERE id = ?').get(runId) !== undefined;
  }

  /** The SQLite library's version and the schema version of this file, for `app.info`. */
  databaseInfo(): { sqliteVersion: string; schemaVersion: number } {
    const sqliteVersion = this.db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? 'unknown';
    return { sqliteVersion, schemaVersion: this.db.pragma('user_version', { simple: true }) as number };
  }

  list(query: ListQuery): { runs: RunSummary[]; total: number } {
    const like = query.search ? `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = like ? "WHERE connector_identifier LIKE @like ESCAPE '\\' OR id LIKE @like ESCAPE '\\'" : '';
    const rows = this.db
      .prepare<{ like: string | null; limit: number }, RunRow>(
        `SELECT id, kind, connector_identifier, started_at, finished_at, status, imported FROM runs ${where} ORDER BY started_at DESC LIMIT @limit`,
      )
      .all({ like, limit: query.limit });
    const total = this.db.prepare<{ like: string | null }, { n: number }>(`SELECT count(*) AS n FROM runs ${where}`).get({ like })?.n ?? 0;
    return {
      total,
      runs: rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        connectorIdentifier: row.connector_identifier,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        status: row.status,
        imported: row.imported === 1,
      })),
    };
  }
}
