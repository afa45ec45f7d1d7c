import { newRunId } from '../../../shared/run-id';
import type { ParsedSweepOptions, ParsedTestOptions, TestConnector } from '../../../shared/aws-test/input';
import { createEndpointResolver, type EndpointResolver } from './endpoints';
import type { RunRequest } from './sweep';
import { planRegions } from './sweep-plan';

/**
 * Turns what a caller asked for (IPC, CLI) into a run: a plain test covers the Test Region, a sweep
 * the planned regions. The endpoint resolver follows the options (custom URL, FIPS). Options and
 * sweep arrive checked by the caller's schema (the IPC router, the CLI's flags).
 */
export function buildRun(
  connector: TestConnector,
  parsed: ParsedTestOptions,
  sweep?: ParsedSweepOptions,
): { request: RunRequest; endpoints: EndpointResolver } {
  const plan = sweep ?? null;
  return {
    endpoints: createEndpointResolver({ endpointUrl: parsed.endpointUrl, fips: parsed.fips }),
    request: {
      kind: plan ? 'sweep' : 'test',
      connector,
      regions: plan ? planRegions(plan.regions) : [connector.testRegion],
      concurrency: plan?.concurrency ?? 1,
      timeoutMs: parsed.timeoutMs,
      regionTimeoutMs: plan?.regionTimeoutMs ?? parsed.timeoutMs * 3,
      resolve: { profile: parsed.profile, irsaRoleArn: parsed.irsaRoleArn, irsaTokenFile: parsed.irsaTokenFile },
      runId: newRunId(),
    },
  };
}
