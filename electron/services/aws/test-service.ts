import { AppError, isAppError } from '../../../shared/errors';
import type { ParsedSweepOptions, ParsedTestOptions, TestConnector } from '../../../shared/aws-test/input';
import type { Recording, RunProgress, RunResult } from '../../../shared/aws-test/result';
import type { HistoryService } from '../history/history-service';
import { recordPatiently } from '../history/recording';
import type { RunRecord } from '../history/run-record';
import type { SecretStore } from '../secrets/secret-store';
import type { EndpointResolver } from './endpoints';
import { proxyFor, type Env } from './http';
import { buildRun } from './request';

export interface TestServiceDeps {
  readonly secrets: Pick<SecretStore, 'get'>;
  /**
   * Where runs are recorded; `null` for `--no-history`. Its calls may fail (a database that cannot be
   * opened or written): the run goes on, and the result says whether it was recorded.
   */
  readonly history: Pick<HistoryService, 'start' | 'record'> | null;
  readonly appVersion: string;
  readonly env: Env;
  readonly clock?: () => Date;
  /** How long a finished run keeps retrying a locked history (default 10 s). */
  readonly recordRetryMs?: number;
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
 * The proxy the run's STS calls went through (HTTPS_PROXY unless NO_PROXY exempts the endpoint), as
 * its origin: a proxy URL may carry user:password, and a value that is not a URL is not quoted.
 */
function recordableProxy(endpoints: EndpointResolver, region: string, env: Env): string | null {
  const proxy = proxyFor(endpoints('sts', region), env);
  if (!proxy) return null;
  return URL.canParse(proxy) ? new URL(proxy).origin : 'set, but not a URL';
}

type BuiltRequest = ReturnType<typeof buildRun>['request'];

/** What a run gets besides its connector and options: none of it is recorded. */
export interface RunHooks {
  readonly runId?: string | undefined;
  readonly onProgress?: (event: RunProgress) => void;
  readonly signal?: AbortSignal;
  /** OidcAuthentication: the Harness token pasted or read for this run. */
  readonly webIdentityToken?: string | undefined;
}

/**
 * Runs tests and sweeps, keeps a cancel handle per running run, and records every run (passed,
 * failed, cancelled or timed out) in history: as running when it starts, completed when it ends.
 * A finished result is returned whether or not history could take it, with its recording status.
 */
export class AwsTestService {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<RunResult> }>();

  constructor(private readonly deps: TestServiceDeps) {}

  async run(
    connector: TestConnector,
    options: ParsedTestOptions,
    sweep: ParsedSweepOptions | undefined,
    hooks: RunHooks = {},
  ): Promise<RunResult> {
    const built = buildRun(connector, options, sweep);
    const { endpoints } = built;
    // The token joins the run's request only, never its record: history keeps the connector and options.
    const request = { ...built.request, resolve: { ...built.request.resolve, webIdentityToken: hooks.webIdentityToken } };
    const runId = hooks.runId ?? request.runId!;
    if (this.running.has(runId))
      throw new AppError('invalid_argument', `A run with id ${runId} is already running.`, 'Start the run with a new id.');
    // Before the network work: the history refuses a run id it already has.
    this.start(runId, request.kind, connector);
    const controller = new AbortController();
    hooks.signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const done = (async (): Promise<RunResult> => {
      // The AWS SDK loads with the first run, so commands and windows that never test start without it.
      const { runChecks } = await import('./sweep');
      const result = await runChecks(
        { ...request, runId },
        { secrets: this.deps.secrets, endpoints, env: this.deps.env, ...(this.deps.clock ? { clock: this.deps.clock } : {}) },
        { signal: controller.signal, onProgress: hooks.onProgress },
      );
      const proxy = recordableProxy(endpoints, connector.testRegion, this.deps.env);
      return { ...result, recording: await this.record(result, connector, request, { ...options, proxy }, sweep) };
    })();
    this.running.set(runId, { controller, done });
    try {
      return await done;
    } finally {
      this.running.delete(runId);
    }
  }

  /**
   * Shows the run in history as running. Only a run id already there stops the run: a history that
   * cannot be written now (locked, read-only, full) gets the whole run at its end, or the result says why not.
   */
  private start(runId: string, kind: RunResult['kind'], connector: TestConnector): void {
    const startedAt = (this.deps.clock?.() ?? new Date()).toISOString();
    try {
      this.deps.history?.start({ id: runId, kind, connectorIdentifier: connector.identifier, startedAt, appVersion: this.deps.appVersion });
    } catch (error) {
      if (isAppError(error) && error.value.class === 'invalid_argument') throw error;
    }
  }

  private record(
    result: RunResult,
    connector: TestConnector,
    request: BuiltRequest,
    options: ParsedTestOptions & { readonly proxy: string | null },
    sweep: ParsedSweepOptions | undefined,
  ): Promise<Recording> {
    const history = this.deps.history;
    if (!history) return Promise.resolve({ status: 'disabled' });
    const record: RunRecord = {
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
        proxy: options.proxy,
      },
      appVersion: this.deps.appVersion,
    };
    return recordPatiently(() => history.record(record), this.deps.recordRetryMs);
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
