import type Database from 'better-sqlite3';
import { trendOf, type ConnectorTrend, type TrendRow } from '../../../shared/history/trend';

export interface TrendQuery {
  readonly connector: string;
  readonly region?: string | undefined;
  readonly since?: string | undefined;
  /** The newest runs of the connector that the trend covers. */
  readonly runs: number;
}

/**
 * Each region's status, duration (its checks together) and first failing class in the connector's
 * newest runs, oldest first. The runs are picked by the connector's index before any region is read.
 */
export function connectorTrend(db: Database.Database, query: TrendQuery): ConnectorTrend {
  const rows = db
    .prepare<Record<string, unknown>, TrendRow>(
      `WITH recent AS (
         SELECT id, started_at FROM runs
         WHERE connector_identifier = @connector AND (@since IS NULL OR started_at >= @since)
         ORDER BY started_at DESC LIMIT @runs
       )
       SELECT g.region, recent.id AS runId, recent.started_at AS startedAt, g.status,
         (SELECT COALESCE(SUM(c.duration_ms), 0) FROM run_checks c WHERE c.run_id = g.run_id AND c.region = g.region) AS durationMs,
         (SELECT c.error_class FROM run_checks c WHERE c.run_id = g.run_id AND c.region = g.region AND c.status = 'fail'
          ORDER BY c.position LIMIT 1) AS class
       FROM recent JOIN run_regions g ON g.run_id = recent.id
       WHERE @region IS NULL OR g.region = @region
       ORDER BY recent.started_at ASC, g.position`,
    )
    .all({ connector: query.connector, region: query.region ?? null, since: query.since ?? null, runs: query.runs });
  return trendOf(query.connector, rows);
}
