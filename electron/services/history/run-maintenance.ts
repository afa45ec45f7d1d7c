import type Database from 'better-sqlite3';
import { DEFAULT_RETENTION, retentionSchema, type PruneRequest, type PruneResult, type Retention } from '../../../shared/history/retention';

/**
 * Deletes in batches this size, yielding between them: one batch holds the thread for about a
 * tenth of a second at 100k runs, so the window's reads wait no longer than that.
 */
const BATCH = 500;
const DAY_MS = 86_400_000;
const DETAIL_TABLES = ['run_checks', 'run_regions', 'run_details', 'run_results'] as const;

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A run's detail rows go first, table by table, then the runs. Foreign keys are off for the batch:
 * with them on, SQLite checks every deleted row's children one by one, which doubles the cost, and
 * here the children are already gone. The pragma cannot change inside a transaction, so it wraps it.
 */
function deleteBatch(db: Database.Database, ids: readonly string[]): number {
  const list = ids.map(() => '?').join(', ');
  const details = DETAIL_TABLES.map((table) => db.prepare(`DELETE FROM ${table} WHERE run_id IN (${list})`));
  const runs = db.prepare(`DELETE FROM runs WHERE id IN (${list})`);
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(() => {
      for (const statement of details) statement.run(...ids);
      return runs.run(...ids).changes;
    })();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Deletes these runs with all their detail; returns how many there were. Unknown ids are ignored. */
export function deleteRuns(db: Database.Database, ids: readonly string[]): number {
  let deleted = 0;
  for (let i = 0; i < ids.length; i += BATCH) deleted += deleteBatch(db, ids.slice(i, i + BATCH));
  return deleted;
}

/** The local runs a prune removes: older than the cutoff, or beyond the newest `keep` of their connector. */
function prunable(db: Database.Database, request: PruneRequest, now: Date): string[] {
  const ids = new Set<string>();
  if (request.olderThanDays !== undefined) {
    const cutoff = new Date(now.getTime() - request.olderThanDays * DAY_MS).toISOString();
    for (const row of db.prepare<[string], { id: string }>('SELECT id FROM runs WHERE imported = 0 AND started_at < ?').iterate(cutoff)) {
      ids.add(row.id);
    }
  }
  if (request.keep !== undefined) {
    const ranked = db.prepare<[number], { id: string }>(
      `SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY connector_identifier ORDER BY started_at DESC, id) AS rank
       FROM runs WHERE imported = 0) WHERE rank > ?`,
    );
    for (const row of ranked.iterate(request.keep)) ids.add(row.id);
  }
  return [...ids];
}

/** Applies a prune in batches, giving the event loop back between them; imported runs are kept. */
export async function pruneRuns(db: Database.Database, request: PruneRequest, now = new Date()): Promise<PruneResult> {
  const ids = prunable(db, request, now);
  let deleted = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    deleted += deleteBatch(db, ids.slice(i, i + BATCH));
    await yieldToOthers();
  }
  const kept = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM runs').get()?.n ?? 0;
  return { deleted, kept };
}

export function readRetention(db: Database.Database): Retention {
  const row = db.prepare<[], { value: string }>("SELECT value FROM settings WHERE key = 'retention'").get();
  const parsed = row ? retentionSchema.safeParse(JSON.parse(row.value)) : null;
  return parsed?.success ? parsed.data : DEFAULT_RETENTION;
}

export function writeRetention(db: Database.Database, retention: Retention): void {
  db.prepare("INSERT INTO settings (key, value) VALUES ('retention', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    JSON.stringify(retention),
  );
}

/** The prune a retention setting asks for, or null when it keeps everything. */
export function pruneFor(retention: Retention): PruneRequest | null {
  if (retention.maxAgeDays === null && retention.keepPerConnector === null) return null;
  return {
    ...(retention.maxAgeDays !== null ? { olderThanDays: retention.maxAgeDays } : {}),
    ...(retention.keepPerConnector !== null ? { keep: retention.keepPerConnector } : {}),
  };
}
