import {
  testConnectorSchema,
  testOptionsSchema,
  sweepOptionsSchema,
  type ParsedSweepOptions,
  type ParsedTestOptions,
  type TestConnector,
} from '../../shared/aws-test/input';
import { compareRuns, type RunComparison } from '../../shared/history/compare';
import type { RunDetail } from '../../shared/history/detail';
import { AppError } from '../../shared/errors';
import type { AppServices } from './services';

function notFound(): AppError {
  return new AppError(
    'not_found',
    'There is no run with that id in history.',
    'Check the id in the History list; the run may have been deleted or pruned.',
  );
}

export function requireRun(services: AppServices, runId: string): RunDetail {
  const detail = services.history.show(runId);
  if (!detail) throw notFound();
  return detail;
}

/** `a` the earlier run, `b` the later; without `a`, the connector's run before `b`. */
export function compareInHistory(services: AppServices, b: string, a?: string): RunComparison {
  const later = requireRun(services, b);
  const earlierId = a ?? services.history.previousOf(b);
  if (!earlierId) {
    throw new AppError(
      'not_found',
      'This run is the first of its connector: there is no earlier run to compare with.',
      'Pick another run to compare with.',
    );
  }
  return compareRuns(requireRun(services, earlierId).result, later.result);
}

/**
 * What a recorded run asked for, checked again: history can hold imported runs from anyone, so the
 * connector and options are parsed as any caller's would be. IRSA paths are not recorded (they are
 * machine-local), so a re-run uses this machine's AWS_ROLE_ARN and token file.
 */
export function rerunRequest(detail: RunDetail): {
  connector: TestConnector;
  options: ParsedTestOptions;
  sweep: ParsedSweepOptions | undefined;
} {
  const connector = testConnectorSchema.safeParse(detail.connector);
  const recorded = detail.options;
  const options = testOptionsSchema.safeParse({
    endpointUrl: recorded.endpointUrl ?? undefined,
    profile: recorded.profile ?? undefined,
    fips: recorded.fips ?? undefined,
    timeoutMs: recorded.timeoutMs ?? undefined,
  });
  const sweep =
    detail.result.kind === 'sweep'
      ? sweepOptionsSchema.safeParse({
          regions: recorded.regions,
          concurrency: recorded.concurrency,
          regionTimeoutMs: recorded.regionTimeoutMs ?? undefined,
        })
      : null;
  if (!connector.success || !options.success || (sweep && !sweep.success)) {
    throw new AppError(
      'invalid_input',
      'This run does not record enough of what was tested to run it again.',
      'Run the test again from the Test view.',
    );
  }
  return { connector: connector.data, options: options.data, sweep: sweep?.data };
}
