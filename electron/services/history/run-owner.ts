import { hostname } from 'node:os';
import type Database from 'better-sqlite3';
import type { RunResult } from '../../../shared/aws-test/result';
import { AppError } from '../../../shared/errors';

/** The process a run belongs to while it is under way. */
export interface RunOwner {
  readonly pid: number;
  readonly host: string;
}

export const THIS_PROCESS: RunOwner = { pid: process.pid, host: hostname() };

/** What is known of a run when it starts. */
export interface RunStart {
  readonly id: string;
  readonly kind: RunResult['kind'];
  readonly connectorIdentifier: string;
  readonly startedAt: string;
  readonly appVersion: string;
}

/** Writes the run as `running`, owned by this process; `recordRun` completes it. A run id already in history is refused. */
export function startRun(db: Database.Database, run: RunStart, owner: RunOwner = THIS_PROCESS): void {
  try {
    db.prepare(
      `INSERT INTO runs (id, kind, connector_identifier, started_at, status, app_version, owner_pid, owner_host)
       VALUES (@id, @kind, @connectorIdentifier, @startedAt, 'running', @appVersion, @pid, @host)`,
    ).run({ ...run, ...owner });
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw error;
    throw new AppError('invalid_argument', `A run with id ${run.id} is already in history.`, 'Start the run with a new id.');
  }
}

/** Signal 0 asks whether a process exists without touching it; EPERM means it exists but is someone else's. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs left `running` by a process that is gone (killed, crashed, the machine switched off). Runs of
 * another host are left alone, as their process cannot be asked; a pid reused since counts as the
 * owner still alive, so such a run waits until that process ends too.
 */
export function abandonedRuns(db: Database.Database, self: RunOwner = THIS_PROCESS): string[] {
  const rows = db
    .prepare<[], { id: string; owner_pid: number | null; owner_host: string | null }>(
      "SELECT id, owner_pid, owner_host FROM runs WHERE status = 'running'",
    )
    .all();
  return rows.filter((row) => row.owner_pid === null || (row.owner_host === self.host && !isAlive(row.owner_pid))).map((row) => row.id);
}

/** Marks abandoned runs `interrupted`: done whenever the history is opened (in a reader's private copy when it only reads). */
export function interruptAbandonedRuns(db: Database.Database): void {
  const ids = abandonedRuns(db);
  const mark = db.prepare("UPDATE runs SET status = 'interrupted' WHERE id = ? AND status = 'running'");
  db.transaction(() => ids.forEach((id) => mark.run(id)))();
}
