import { newRunId } from '../../../../shared/run-id';
import type { CheckName, RegionResult } from '../../../../shared/aws-test/result';
import type { AppErrorValue } from '../../../../shared/errors';
import type { RunDetail } from '../../../../shared/history/detail';
import { api } from '../../lib/api';
import { cellOf, type Cell, type RunView } from '../test/test-state.svelte';

/** A re-run under way: its id (to cancel it) and how far it got. */
interface Rerun {
  readonly runId: string;
  readonly completed: number;
  readonly total: number;
}

/**
 * A recorded run's page: the run as the Test view showed it (so it reads the same in both places),
 * the open cell, and a re-run of it. The matrix's view of a finished run never shows progress.
 */
export class RunPageState implements RunView {
  detail = $state.raw<RunDetail | null>(null);
  error = $state.raw<AppErrorValue | null>(null);
  selected = $state.raw<Cell | null>(null);
  rerun = $state.raw<Rerun | null>(null);
  rerunError = $state.raw<AppErrorValue | null>(null);
  /** Set when a re-run was cancelled: it is in history as cancelled, so there is nothing to compare. */
  cancelledRun = $state<string | null>(null);

  readonly running = false;
  readonly connector = undefined;

  constructor(readonly runId: string) {}

  get result(): RunDetail['result'] | null {
    return this.detail?.result ?? null;
  }

  get rows(): RegionResult[] {
    return this.detail?.result.regions ?? [];
  }

  get completed(): number {
    return this.rows.length;
  }

  get total(): number {
    return this.rows.length;
  }

  cell(row: RegionResult, name: CheckName): Cell {
    return cellOf(row, name);
  }

  async load(): Promise<void> {
    const reply = await api.history.show({ runId: this.runId });
    if (reply.ok) this.detail = reply.value;
    else this.error = reply.error;
  }

  /** Runs the same test again; resolves to the new run's id once it is recorded, or null if it did not finish. */
  async runAgain(): Promise<string | null> {
    const runId = newRunId();
    this.rerun = { runId, completed: 0, total: this.rows.length };
    this.rerunError = null;
    this.cancelledRun = null;
    const unsubscribe = api.onProgress('test.rerun', (event) => {
      if (event.runId === runId) this.rerun = { runId, completed: event.completed, total: event.total };
    });
    try {
      const reply = await api.test.rerun({ fromRunId: this.runId, runId });
      if (!reply.ok) {
        this.rerunError = reply.error;
        return null;
      }
      if (reply.value.cancelled) {
        this.cancelledRun = reply.value.runId;
        return null;
      }
      return reply.value.runId;
    } finally {
      unsubscribe();
      this.rerun = null;
    }
  }

  async cancelRerun(): Promise<void> {
    if (this.rerun) await api.test.cancel({ runId: this.rerun.runId });
  }
}
