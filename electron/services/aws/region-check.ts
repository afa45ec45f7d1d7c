import { randomUUID } from 'node:crypto';
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { TestConnector } from '../../../shared/aws-test/input';
import type { CheckResult, Identity, RegionResult } from '../../../shared/aws-test/result';
import { partitionOfRegion } from '../../../shared/regions';
import { ec2Client, stsClient, type ClientSettings } from './clients';
import type { FailureContext } from './classify';
import { runStep, skippedCheck, type StepRuntime } from './step';

export interface RegionCheckInput {
  readonly connector: TestConnector;
  readonly region: string;
  readonly resolve: CheckResult;
  readonly credentials: AwsCredentialIdentity;
  readonly settings: ClientSettings;
  readonly runtime: StepRuntime;
  /** The whole region's budget across its steps (retries and a slow role included). */
  readonly regionTimeoutMs: number;
  readonly now: () => Date;
  /** Called after every finished check with the region's result so far. */
  readonly onUpdate: (result: RegionResult) => void;
}

function contextFor(region: string, credentials: AwsCredentialIdentity, now: () => Date): Omit<FailureContext, 'step'> {
  return {
    region,
    accessKeyId: credentials.accessKeyId,
    hasSessionToken: !!credentials.sessionToken,
    expiresAt: credentials.expiration,
    now: now(),
    knownSecrets: [credentials.secretAccessKey, credentials.sessionToken ?? ''],
  };
}

/** A region passes when its last step, the call Harness's test makes, passed and nothing failed. */
export function regionStatus(checks: readonly CheckResult[]): RegionResult['status'] {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  return checks.some((c) => c.name === 'ec2_describe_regions' && c.status === 'pass') ? 'pass' : 'skipped';
}

/**
 * The connection test in one region, as the delegate would run it: who am I (regional STS), the
 * cross-account role if any, then ec2:DescribeRegions, the call Harness's own connection test makes.
 * A failed step skips the steps that need its result; a deactivated regional STS endpoint does not
 * stop the EC2 call, because Harness's test never calls STS for static keys.
 */
export async function checkRegion(input: RegionCheckInput): Promise<RegionResult> {
  const { connector, region, settings, now } = input;
  const budget = AbortSignal.timeout(input.regionTimeoutMs);
  const runtime: StepRuntime = { ...input.runtime, deadline: { signal: budget, ms: input.regionTimeoutMs } };
  const checks: CheckResult[] = [input.resolve];
  let identity: Identity | null = null;
  const result = (): RegionResult => ({
    region,
    partition: partitionOfRegion(region) ?? 'unknown',
    status: regionStatus(checks),
    identity,
    checks: [...checks],
  });
  const push = (check: CheckResult) => {
    checks.push(check);
    input.onUpdate(result());
  };

  const base = input.credentials;
  const sts = stsClient(region, base, settings);
  const stsHost = settings.endpoints('sts', region).host;
  const who = await runStep(
    'sts_get_caller_identity',
    runtime,
    () => contextFor(region, base, now),
    (signal) => sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal }),
    stsHost,
  );
  push(who.check);
  if (who.value) identity = { account: who.value.Account ?? '', arn: who.value.Arn ?? '', userId: who.value.UserId ?? '' };
  const carryOn = who.check.status === 'pass' || who.check.error?.class === 'sts_region_disabled';

  let ec2Credentials: AwsCredentialIdentity | null = carryOn ? base : null;
  if (connector.crossAccount) {
    const role = connector.crossAccount;
    if (!carryOn || runtime.signal?.aborted) {
      push(skippedCheck('sts_assume_role', runtime.signal?.aborted, region));
      ec2Credentials = null;
    } else {
      const assumed = await runStep(
        'sts_assume_role',
        runtime,
        () => contextFor(region, base, now),
        (signal) =>
          sts.send(new AssumeRoleCommand({ RoleArn: role.roleArn, RoleSessionName: `awb-${randomUUID()}`, ExternalId: role.externalId }), {
            abortSignal: signal,
          }),
        stsHost,
      );
      push(assumed.check);
      const c = assumed.value?.Credentials;
      ec2Credentials =
        c?.AccessKeyId && c.SecretAccessKey
          ? { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }
          : null;
    }
  } else {
    push(skippedCheck('sts_assume_role'));
  }

  if (!ec2Credentials || runtime.signal?.aborted) {
    push(skippedCheck('ec2_describe_regions', runtime.signal?.aborted, region));
  } else {
    const creds = ec2Credentials;
    const ec2 = ec2Client(region, creds, settings);
    const described = await runStep(
      'ec2_describe_regions',
      runtime,
      () => contextFor(region, creds, now),
      (signal) => ec2.send(new DescribeRegionsCommand({}), { abortSignal: signal }),
      settings.endpoints('ec2', region).host,
    );
    push(described.check);
    ec2.destroy();
  }
  sts.destroy();
  return result();
}
