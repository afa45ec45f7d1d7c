import type { CheckName, CheckResult } from '../../../shared/aws-test/result';
import { isAppError } from '../../../shared/errors';
import { describeFailure, fixFor, rawFailure, type FailureContext } from './classify';

export interface StepRuntime {
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
  /** A region's own time budget: when it fires, the step in flight fails as a timeout, not as a cancel. */
  readonly deadline?: { readonly signal: AbortSignal; readonly ms: number } | undefined;
  /** Monotonic milliseconds for durations; wall-clock jumps must not distort them. */
  readonly monotonic: () => number;
}

export interface StepOutcome<T> {
  readonly check: CheckResult;
  readonly value: T | undefined;
}

class StepAbort extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled') {
    super(reason);
  }
}

export function skippedCheck(name: CheckName, cancelled = false, region = ''): CheckResult {
  return {
    name,
    status: 'skipped',
    durationMs: 0,
    requestId: null,
    error: cancelled
      ? {
          code: 'Cancelled',
          message: 'The run was cancelled before this check finished.',
          class: 'cancelled',
          fix: fixFor('cancelled', { region, step: name }),
        }
      : null,
  };
}

/**
 * Runs one step with its timeout and the run's cancel signal. The work gets a signal to pass to the
 * SDK (which then aborts the HTTP request); work that cannot be aborted (credential providers) is
 * abandoned instead, so neither a hung endpoint nor a hung provider holds the run.
 */
export async function runStep<T>(
  name: CheckName,
  runtime: StepRuntime,
  failure: (error: unknown) => Omit<FailureContext, 'step'>,
  work: (signal: AbortSignal) => Promise<T & { $metadata?: { requestId?: string } }>,
  host = 'the endpoint',
): Promise<StepOutcome<T>> {
  const start = runtime.monotonic();
  const controller = new AbortController();
  let stop: (reason: StepAbort) => void = () => undefined;
  const stopped = new Promise<never>((_, reject) => {
    stop = reject;
  });
  const onCancel = () => {
    controller.abort();
    stop(new StepAbort('cancelled'));
  };
  let why = `No answer from ${host} within ${runtime.timeoutMs} ms.`;
  const onTimeout = (message?: string) => {
    if (message) why = message;
    controller.abort();
    stop(new StepAbort('timeout'));
  };
  const onDeadline = () => onTimeout(`The region did not finish within its ${runtime.deadline?.ms} ms budget (waiting for ${host}).`);
  const timer = setTimeout(onTimeout, runtime.timeoutMs);
  if (runtime.signal?.aborted) onCancel();
  else if (runtime.deadline?.signal.aborted) onDeadline();
  runtime.signal?.addEventListener('abort', onCancel, { once: true });
  runtime.deadline?.signal.addEventListener('abort', onDeadline, { once: true });
  const elapsed = () => Math.round(runtime.monotonic() - start);
  try {
    const value = await Promise.race([work(controller.signal), stopped]);
    return { value, check: { name, status: 'pass', durationMs: elapsed(), requestId: value?.$metadata?.requestId ?? null, error: null } };
  } catch (error) {
    const context = { ...failure(error), step: name };
    if (error instanceof StepAbort && error.reason === 'cancelled')
      return { value: undefined, check: { ...skippedCheck(name, true, context.region), durationMs: elapsed() } };
    const raw = rawFailure(error);
    const described =
      error instanceof StepAbort
        ? describeFailure({ code: 'Timeout', message: why, status: null, requestId: null }, context, 'network_unreachable')
        : isAppError(error)
          ? { code: error.value.class, message: error.value.message, class: error.value.class, fix: error.value.fix }
          : describeFailure(raw, context);
    return { value: undefined, check: { name, status: 'fail', durationMs: elapsed(), requestId: raw.requestId, error: described } };
  } finally {
    clearTimeout(timer);
    runtime.signal?.removeEventListener('abort', onCancel);
    runtime.deadline?.signal.removeEventListener('abort', onDeadline);
  }
}
