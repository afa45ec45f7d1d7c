import type Database from 'better-sqlite3';
import type { TestConnector } from '../../../shared/aws-test/input';
import type { RunResult } from '../../../shared/aws-test/result';
import type { RunSummary } from '../../../shared/history/schema';
import { redactSecrets } from '../../../shared/redact';

export interface RunRecord {
  readonly result: RunResult;
  /** What was tested; secret references only, never values. */
  readonly connector: TestConnector;
  /** How it was run: regions asked for, concurrency, timeout, endpoint URL. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly appVersion: string;
}

/** cancelled beats everything; a run whose only failures are timeouts is `timeout`. */
export function historyStatus(result: RunResult): RunSummary['status'] {
  if (result.cancelled) return 'cancelled';
  if (result.status === 'pass') return 'passed';
  const failures = result.regions.flatMap((r) => r.checks).filter((c) => c.status === 'fail');
  return failures.length > 0 && failures.every((c) => c.error?.code === 'Timeout') ? 'timeout' : 'failed';
}

/** JSON for the database, with anything that looks like a secret removed as a last line of defence. */
function safeJson(value: unknown): string {
  return redactSecrets(JSON.stringify(value));
}

/** Writes a run and all its detail in one transaction: a crash leaves either the whole run or nothing. */
export function recordRun(db: Database.Database, record: RunRecord): void {
  const { result } = record;
  const finishedAt = new Date(Date.parse(result.startedAt) + result.durationMs).toISOString();
  const identity = result.regions.find((r) => r.identity)?.identity?.arn ?? null;
  // A run written as running when it started (run-owner.ts) is completed in place, also when another
  // process took it for abandoned meanwhile; a run whose start could not be written is inserted whole.
  const completeRun = db.prepare(
    `UPDATE runs SET kind = @kind, connector_identifier = @connector, started_at = @startedAt, finished_at = @finishedAt,
     status = @status, app_version = @appVersion WHERE id = @id AND status IN ('running', 'interrupted')`,
  );
  const insertRun = db.prepare(
    `INSERT INTO runs (id, kind, connector_identifier, started_at, finished_at, status, imported, app_version)
     VALUES (@id, @kind, @connector, @startedAt, @finishedAt, @status, 0, @appVersion)`,
  );
  const insertDetail = db.prepare(
    `INSERT INTO run_details (run_id, connector_snapshot, options, identity_arn, duration_ms, findings)
     VALUES (@runId, @snapshot, @options, @identity, @durationMs, @findings)`,
  );
  const insertRegion = db.prepare(
    `INSERT INTO run_regions (run_id, region, partition, position, status, identity_arn)
     VALUES (@runId, @region, @partition, @position, @status, @identity)`,
  );
  const insertCheck = db.prepare(
    `INSERT INTO run_checks (run_id, region, name, position, status, duration_ms, request_id, error_code, error_class, error_message, error_fix)
     VALUES (@runId, @region, @name, @position, @status, @durationMs, @requestId, @code, @class, @message, @fix)`,
  );
  const insertResult = db.prepare('INSERT INTO run_results (run_id, result) VALUES (?, ?)');
  const run = {
    id: result.runId,
    kind: result.kind,
    connector: result.connector.identifier,
    startedAt: result.startedAt,
    finishedAt,
    status: historyStatus(result),
    appVersion: record.appVersion,
  };
  // IMMEDIATE takes the write lock at BEGIN, where the busy wait applies, rather than halfway through.
  db.transaction(() => {
    if (completeRun.run(run).changes === 0) insertRun.run(run);
    insertDetail.run({
      runId: result.runId,
      snapshot: safeJson(record.connector),
      options: safeJson(record.options),
      identity,
      durationMs: Math.round(result.durationMs),
      findings: safeJson(result.findings),
    });
    result.regions.forEach((region, position) => {
      insertRegion.run({
        runId: result.runId,
        region: region.region,
        partition: region.partition,
        position,
        status: region.status,
        identity: region.identity?.arn ?? null,
      });
      region.checks.forEach((check, index) => {
        insertCheck.run({
          runId: result.runId,
          region: region.region,
          name: check.name,
          position: index,
          status: check.status,
          durationMs: Math.round(check.durationMs),
          requestId: check.requestId,
          code: check.error?.code ?? null,
          class: check.error?.class ?? null,
          message: check.error ? redactSecrets(check.error.message) : null,
          fix: check.error?.fix ?? null,
        });
      });
    });
    insertResult.run(result.runId, safeJson(result));
  }).immediate();
}
