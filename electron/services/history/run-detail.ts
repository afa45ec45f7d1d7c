import type Database from 'better-sqlite3';
import type { RunResult } from '../../../shared/aws-test/result';
import type { RunDetail } from '../../../shared/history/detail';

interface DetailRow {
  id: string;
  kind: RunResult['kind'];
  connector_identifier: string | null;
  started_at: string;
  finished_at: string | null;
  status: string;
  imported: number;
  import_source: string | null;
  imported_at: string | null;
  app_version: string;
  connector_snapshot: string;
  options: string;
  duration_ms: number;
  findings: string;
  result: string | null;
}

interface RegionRow {
  region: string;
  partition: string;
  status: 'pass' | 'fail' | 'skipped';
  identity_arn: string | null;
}

interface CheckRow {
  region: string;
  name: RunResult['regions'][number]['checks'][number]['name'];
  status: 'pass' | 'fail' | 'skipped';
  duration_ms: number;
  request_id: string | null;
  error_code: string | null;
  error_class: string | null;
  error_message: string | null;
  error_fix: string | null;
}

/** Runs recorded before results were kept whole are rebuilt from their tables; only the caller's user id is lost. */
function rebuiltResult(db: Database.Database, row: DetailRow, connector: Record<string, unknown>): RunResult {
  const regions = db
    .prepare<[string], RegionRow>('SELECT region, partition, status, identity_arn FROM run_regions WHERE run_id = ? ORDER BY position')
    .all(row.id);
  const checks = db
    .prepare<[string], CheckRow>(
      `SELECT region, name, status, duration_ms, request_id, error_code, error_class, error_message, error_fix
       FROM run_checks WHERE run_id = ? ORDER BY region, position`,
    )
    .all(row.id);
  return {
    schemaVersion: 1,
    runId: row.id,
    kind: row.kind,
    connector: {
      identifier: row.connector_identifier ?? '',
      credentialType: String(connector.credentialType ?? ''),
      testRegion: String(connector.testRegion ?? ''),
      crossAccount: Boolean(connector.crossAccount),
    },
    status: row.status === 'passed' ? 'pass' : 'fail',
    cancelled: row.status === 'cancelled',
    startedAt: row.started_at,
    durationMs: row.duration_ms,
    regions: regions.map((region) => ({
      region: region.region,
      partition: region.partition,
      status: region.status,
      identity: region.identity_arn ? { arn: region.identity_arn, account: region.identity_arn.split(':')[4] ?? '', userId: '' } : null,
      checks: checks
        .filter((check) => check.region === region.region)
        .map((check) => ({
          name: check.name,
          status: check.status,
          durationMs: check.duration_ms,
          requestId: check.request_id,
          error: check.error_class
            ? {
                code: check.error_code ?? '',
                class: check.error_class as never,
                message: check.error_message ?? '',
                fix: check.error_fix ?? '',
              }
            : null,
        })),
    })),
    findings: JSON.parse(row.findings) as RunResult['findings'],
  };
}

/** A recorded run with everything its page shows, or null when there is none with that id. */
export function runDetail(db: Database.Database, runId: string): RunDetail | null {
  const row = db
    .prepare<[string], DetailRow>(
      `SELECT r.id, r.kind, r.connector_identifier, r.started_at, r.finished_at, r.status, r.imported, r.import_source,
              r.imported_at, r.app_version, d.connector_snapshot, d.options, d.duration_ms, d.findings, x.result
       FROM runs r JOIN run_details d ON d.run_id = r.id LEFT JOIN run_results x ON x.run_id = r.id
       WHERE r.id = ?`,
    )
    .get(runId);
  if (!row) return null;
  const connector = JSON.parse(row.connector_snapshot) as Record<string, unknown>;
  return {
    // It is in history, so it was recorded: the document reads as `awb test --json` printed it.
    result: {
      ...(row.result ? (JSON.parse(row.result) as RunResult) : rebuiltResult(db, row, connector)),
      recording: { status: 'recorded' },
    },
    connector,
    options: JSON.parse(row.options) as Record<string, unknown>,
    appVersion: row.app_version,
    finishedAt: row.finished_at,
    imported: row.imported === 1,
    importSource: row.import_source,
    importedAt: row.imported_at,
  };
}
