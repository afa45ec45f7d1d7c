import type Database from 'better-sqlite3';
import { instantOf, type HistoryPage, type HistoryQuery, type RunSummary } from '../../../shared/history/schema';

interface RunRow {
  id: string;
  kind: RunSummary['kind'];
  connector_identifier: string | null;
  started_at: string;
  finished_at: string | null;
  status: RunSummary['status'];
  imported: number;
}

const SORT_COLUMNS: Record<HistoryQuery['sort'], string> = {
  startedAt: 'started_at',
  connector: 'connector_identifier',
  kind: 'kind',
  status: 'status',
};

/**
 * The WHERE clause and its parameters. Every filter is a bound parameter, never text from the
 * query; class and region filters use the indexes of run_checks and run_regions.
 */
function whereOf(query: HistoryQuery): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  const when = (value: unknown, clause: string, name: string) => {
    if (value === undefined) return;
    params[name] = value;
    clauses.push(clause);
  };
  if (query.search)
    when(
      `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      "(connector_identifier LIKE @like ESCAPE '\\' OR id LIKE @like ESCAPE '\\')",
      'like',
    );
  when(query.connector, 'connector_identifier = @connector', 'connector');
  when(query.kind, 'kind = @kind', 'kind');
  query.status?.forEach((status, i) => (params[`status${i}`] = status));
  if (query.status) clauses.push(`status IN (${query.status.map((_, i) => `@status${i}`).join(', ')})`);
  // With a connector the connector's own runs are few: each is checked by primary key. Without one,
  // the class or region index lists the matching runs at once.
  const perRun = query.connector !== undefined;
  when(
    query.errorClass,
    perRun
      ? 'EXISTS (SELECT 1 FROM run_checks c WHERE c.run_id = runs.id AND c.error_class = @errorClass)'
      : 'id IN (SELECT run_id FROM run_checks WHERE error_class = @errorClass)',
    'errorClass',
  );
  when(
    query.region,
    perRun
      ? 'EXISTS (SELECT 1 FROM run_regions g WHERE g.run_id = runs.id AND g.region = @region)'
      : 'id IN (SELECT run_id FROM run_regions WHERE region = @region)',
    'region',
  );
  when(query.since && instantOf(query.since), 'started_at >= @since', 'since');
  when(query.until && instantOf(query.until), 'started_at < @until', 'until');
  when(query.imported === undefined ? undefined : Number(query.imported), 'imported = @imported', 'imported');
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function summaryOf(row: RunRow): RunSummary {
  return {
    id: row.id,
    kind: row.kind,
    connectorIdentifier: row.connector_identifier,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    status: row.status,
    imported: row.imported === 1,
  };
}

/** One page of runs and how many match in all; the page is read from the database, never the whole table. */
export function listRuns(db: Database.Database, query: HistoryQuery): HistoryPage {
  const where = whereOf(query);
  const direction = query.order === 'asc' ? 'ASC' : 'DESC';
  // Ties (same connector, same status) keep time order, newest first, so paging is stable.
  const order =
    query.sort === 'startedAt' ? `started_at ${direction}, id` : `${SORT_COLUMNS[query.sort]} ${direction}, started_at DESC, id`;
  const rows = db
    .prepare<Record<string, unknown>, RunRow>(
      `SELECT id, kind, connector_identifier, started_at, finished_at, status, imported FROM runs ${where.sql}
       ORDER BY ${order} LIMIT @limit OFFSET @offset`,
    )
    .all({ ...where.params, limit: query.limit, offset: query.offset });
  const total = db.prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM runs ${where.sql}`).get(where.params)?.n ?? 0;
  return { total, runs: rows.map(summaryOf) };
}
