import type { RunSummary } from '../../../../shared/history/schema';
import type { Status } from '../../components/StatusBadge.svelte';

/** A run's outcome as a badge: its own word, so a timeout or a cancel never reads as a plain failure. */
export const RUN_LOOK: Record<RunSummary['status'], { status: Status; word: string }> = {
  passed: { status: 'pass', word: 'Passed' },
  failed: { status: 'fail', word: 'Failed' },
  cancelled: { status: 'skip', word: 'Cancelled' },
  timeout: { status: 'warn', word: 'Timed out' },
  running: { status: 'running', word: 'Running' },
  interrupted: { status: 'warn', word: 'Interrupted' },
};

/** A check's or region's outcome in one word: the error class when it failed, as the matrix words it. */
export function outcomeWord(status: 'pass' | 'fail' | 'skipped', errorClass: string | null): string {
  if (status === 'pass') return 'Passed';
  if (status === 'fail') return errorClass ? errorClass.replaceAll('_', ' ') : 'Failed';
  return errorClass === 'cancelled' ? 'Cancelled' : 'Skipped';
}

export const OUTCOME_STATUS: Record<'pass' | 'fail' | 'skipped', Status> = { pass: 'pass', fail: 'fail', skipped: 'skip' };

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dayMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** "Dec 3, 2026, 10:22 AM" in the user's locale and time zone. */
export const formatWhen = (iso: string): string => dateTime.format(new Date(iso));

/** "Dec 3": enough on a chart axis and in "broke on …". */
export const formatDay = (iso: string): string => dayMonth.format(new Date(iso));

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** A run's wall time from its summary; null while it runs. */
export function runDuration(run: Pick<RunSummary, 'startedAt' | 'finishedAt'>): number | null {
  return run.finishedAt ? Date.parse(run.finishedAt) - Date.parse(run.startedAt) : null;
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString()} ${n === 1 ? one : many}`;
