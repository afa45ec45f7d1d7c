import type { Recording } from '../../../shared/aws-test/result';
import { isAppError, type AppErrorValue } from '../../../shared/errors';

/** How long a finished run keeps trying a locked history before it says it could not be recorded. */
export const RECORD_RETRY_MS = 10_000;
const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function errorValue(error: unknown): AppErrorValue {
  if (isAppError(error)) return error.value;
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { class: 'internal', message: `The run could not be recorded (${detail}).`, fix: 'Report this; the result itself is complete.' };
}

/**
 * Writes a finished run, retrying while another program holds the database. Each attempt waits for
 * the lock only briefly (SQLite's wait blocks the thread); the attempts are spaced by timers with
 * backoff, so the window and the CLI stay responsive meanwhile. Never throws: a run that cannot be
 * written (still locked, read-only, disk full) says why in the returned recording.
 */
export async function recordPatiently(write: () => void, retryForMs = RECORD_RETRY_MS): Promise<Recording> {
  const deadline = performance.now() + retryForMs;
  for (let delay = FIRST_DELAY_MS; ; delay = Math.min(delay * 2, MAX_DELAY_MS)) {
    try {
      write();
      return { status: 'recorded' };
    } catch (error) {
      const value = errorValue(error);
      // Only a lock goes away by itself; a read-only folder or a full disk needs the user.
      if (value.class !== 'database_locked' || performance.now() + delay > deadline) return { status: 'not_recorded', error: value };
      await sleep(delay);
    }
  }
}
