import type Database from 'better-sqlite3';
import { DEFAULT_HISTORY_QUERY, type HistoryPage, type HistoryQuery } from '../../../shared/history/schema';
import type { RunDetail } from '../../../shared/history/detail';
import type { PruneRequest, PruneResult, Retention } from '../../../shared/history/retention';
import type { ConnectorTrend } from '../../../shared/history/trend';
import { runDetail } from './run-detail';
import { listRuns } from './run-list';
import { deleteRuns, pruneFor, pruneRuns, readRetention, writeRetention } from './run-maintenance';
import { connectorTrend, type TrendQuery } from './run-trend';
import { importRuns, type RunImport, type RunImportSource } from './run-import';
import { recordRun, type RunRecord } from './run-record';
import { startRun, type RunStart } from './run-owner';
import { writeBriefly } from './database';

/** Reads and writes the local history of test runs. */
export class HistoryService {
  constructor(private readonly db: Database.Database) {}

  /**
   * Shows a run as running while it is under way (see run-owner.ts); a run id already in history is
   * refused. Like `record`, it waits for a lock only briefly and fails with an error value.
   */
  start(run: RunStart): void {
    writeBriefly(this.db, () => startRun(this.db, run));
  }

  /** Stores a finished (or cancelled, or timed-out) test or sweep with all its checks, in one transaction. */
  record(record: RunRecord): void {
    writeBriefly(this.db, () => recordRun(this.db, record));
  }

  /** Adds runs from a report under their ids, marked imported; ids already in history are left alone. */
  importRuns(runs: readonly RunDetail[], from: RunImportSource): RunImport {
    return writeBriefly(this.db, () => importRuns(this.db, runs, from));
  }

  /** The SQLite library's version and the schema version of this file, for `app.info`. */
  databaseInfo(): { sqliteVersion: string; schemaVersion: number } {
    const sqliteVersion = this.db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? 'unknown';
    return { sqliteVersion, schemaVersion: this.db.pragma('user_version', { simple: true }) as number };
  }

  /** A recorded run with all its page shows; null when there is none with that id. */
  show(runId: string): RunDetail | null {
    return runDetail(this.db, runId);
  }

  /** The run of the same connector just before this one, to compare with. */
  previousOf(runId: string): string | null {
    const row = this.db
      .prepare<[string], { id: string }>(
        `SELECT p.id FROM runs r JOIN runs p ON p.connector_identifier = r.connector_identifier AND p.started_at < r.started_at
         WHERE r.id = ? ORDER BY p.started_at DESC LIMIT 1`,
      )
      .get(runId);
    return row?.id ?? null;
  }

  trend(query: TrendQuery): ConnectorTrend {
    return connectorTrend(this.db, query);
  }

  delete(runIds: readonly string[]): number {
    return deleteRuns(this.db, runIds);
  }

  prune(request: PruneRequest, now?: Date): Promise<PruneResult> {
    return pruneRuns(this.db, request, now);
  }

  retention(): Retention {
    return readRetention(this.db);
  }

  setRetention(retention: Retention): void {
    writeRetention(this.db, retention);
  }

  /** Applies the retention setting; nothing happens when it keeps everything. */
  async applyRetention(now?: Date): Promise<PruneResult | null> {
    const request = pruneFor(this.retention());
    return request ? this.prune(request, now) : null;
  }

  /** A page of runs; what the query leaves out takes the schema's defaults. */
  list(query: Partial<HistoryQuery> = {}): HistoryPage {
    return listRuns(this.db, { ...DEFAULT_HISTORY_QUERY, ...query });
  }
}
