import { AppError } from '../../../shared/errors';
import type { ParsedSweepOptions, ParsedTestOptions, TestConnector } from '../../../shared/aws-test/input';
import type { RunProgress, RunResult } from '../../../shared/aws-test/result';
import type { HistoryService } from '../history/history-service';
import type { SecretStore } from '../secrets/secret-store';
import type { Env } from './http';
import { buildRun } from './request';

export interface TestServiceDeps {
  readonly secrets: Pick<SecretStore, 'get'>;
  /** Where runs are recorded; `null` for `--no-history`. */
  readonly history: Pick<HistoryService, 'record' | 'has'> | null;
  readonly appVersion: string;
  readonly env: Env;
  readonly clock?: () => Date;
}

/** Strips user:password from a custom endpoint URL before it is recorded. */
function recordableUrl(url: string | undefined): string | null {
  if (!url) return null;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}

/**
 * Runs tests and sweeps, keeps a cancel handle per running run, and records every run (passed,
 * failed, cancelled or timed out) in history.
 */
export class AwsTestService {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<RunResult> }>();

  constructor(private readonly deps: TestServiceDeps) {}

  async run(
    connector: TestConnector,
    options: ParsedTestOptions,
    sweep: ParsedSweepOptions | undefined,
    hooks: { runId?: string | undefined; onProgress?: (event: RunProgress) => void; signal?: AbortSignal } = {},
  ): Promise<RunResult> {
    const { request, endpoints } = buildRun(connector, options, sweep);
    const runId = hooks.runId ?? request.runId!;
    if (this.running.has(runId))
      throw new AppError('invalid_argument', `A run with id ${runId} is already running.`, 'Start the run with a new id.');
    // Checked up front: otherwise the history's primary key refuses the record after all the network work.
    if (this.deps.history?.has(runId))
      throw new AppError('invalid_argument', `A run with id ${runId} is already in history.`, 'Start the run with a new id.');
    const controller = new AbortController();
    hooks.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const done = (async () => {
      // The AWS SDK loads with the first run, so commands and windows that never test start without it.
      const { runChecks } = await import('./sweep');
      const result = await runChecks(
        { ...request, runId },
        { secrets: this.deps.secrets, endpoints, env: this.deps.env, ...(this.deps.clock ? { clock: this.deps.clock } : {}) },
        { signal: controller.signal, onProgress: hooks.onProgress },
      );
      this.deps.history?.record({
        result,
        connector,
        options: {
          regions: sweep?.regions ?? [connector.testRegion],
          concurrency: request.concurrency,
          timeoutMs: request.timeoutMs,
          regionTimeoutMs: request.regionTimeoutMs,
          endpointUrl: recordableUrl(options.endpointUrl),
          profile: options.profile ?? null,
          fips: options.fips ?? false,
        },
        appVersion: this.deps.appVersion,
      });
      return result;
    })();
    this.running.set(runId, { controller, done });
    try {
      return await done;
    } finally {
      this.running.delete(runId);
    }
  }

  /** How many runs are under way. */
  get active(): number {
    return this.running.size;
  }

  /** Cancels every running run and resolves once each has been recorded: the app calls it before quitting. */
  async cancelAll(): Promise<void> {
    const runs = [...this.running.values()];
    for (const run of runs) run.controller.abort();
    await Promise.allSettled(runs.map((run) => run.done));
  }

  /** Cancels a running run; false when no run has that id (it may just have finished). */
  cancel(runId: string): boolean {
    const run = this.running.get(runId);
    run?.controller.abort();
    return run !== undefined;
  }
}
