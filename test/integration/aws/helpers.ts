import type { TestConnector } from '../../../shared/aws-test/input';
import type { PrincipalSpec } from '../../aws-endpoint';
import { runChecks, type AwsTestDeps, type RunHooks } from '../../../electron/services/aws/sweep';
import { buildRun } from '../../../electron/services/aws/request';
import { valueSecrets } from '../../../electron/services/aws/value-secrets';
import { sweepOptionsSchema, testOptionsSchema, type SweepOptions, type TestOptions } from '../../../shared/aws-test/input';

/** A ManualConfig connector whose secret key (and session token) are given as values for the run. */
export function manualConnector(principal: Pick<PrincipalSpec, 'accessKeyId'>, overrides: Partial<TestConnector> = {}): TestConnector {
  return {
    identifier: 'aws_test',
    credentialType: 'ManualConfig',
    manual: { accessKey: principal.accessKeyId, secretKeyRef: 'account.aws_secret', sessionTokenRef: undefined },
    testRegion: 'us-east-1',
    crossAccount: null,
    ...overrides,
  };
}

export function secretsOf(principal: Pick<PrincipalSpec, 'secretAccessKey' | 'sessionToken'>) {
  return valueSecrets({
    'account.aws_secret': principal.secretAccessKey,
    ...(principal.sessionToken ? { 'account.aws_token': principal.sessionToken } : {}),
  });
}

export async function run(
  connector: TestConnector,
  options: TestOptions & { endpointUrl: string },
  deps: Pick<AwsTestDeps, 'secrets'> & Partial<AwsTestDeps>,
  sweep?: SweepOptions,
  hooks?: RunHooks,
) {
  const { request, endpoints } = buildRun(
    connector,
    testOptionsSchema.parse({ timeoutMs: 5000, ...options }),
    sweep && sweepOptionsSchema.parse(sweep),
  );
  return runChecks(request, { env: {}, endpoints, ...deps }, hooks);
}
