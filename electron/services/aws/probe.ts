import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { Identity } from '../../../shared/aws-test/result';
import { ec2Client, stsClient, type ClientSettings } from './clients';

/**
 * One GetCallerIdentity outside the regions under test, to tell causes apart that AWS reports with
 * the same words: a key rejected in an opt-in region but accepted in the partition's main region
 * means the region is not enabled; a key accepted only in another partition is a partition mismatch.
 */
export async function probeIdentity(
  region: string,
  credentials: AwsCredentialIdentity,
  settings: ClientSettings,
  signal?: AbortSignal,
): Promise<Identity | null> {
  const client = stsClient(region, credentials, { ...settings });
  try {
    const out = await client.send(new GetCallerIdentityCommand({}), {
      abortSignal: AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), ...(signal ? [signal] : [])]),
    });
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch {
    // Any failure means "no evidence"; the region's own checks already carry the error.
    return null;
  } finally {
    client.destroy();
  }
}

/**
 * The regions enabled for the account, as ec2:DescribeRegions in the Test Region lists them; null when
 * the call fails, and the sweep then tests the Test Region alone, where the same failure is reported.
 */
export async function reportedRegions(
  region: string,
  credentials: AwsCredentialIdentity,
  settings: ClientSettings,
  signal?: AbortSignal,
): Promise<string[] | null> {
  const client = ec2Client(region, credentials, settings);
  try {
    const out = await client.send(new DescribeRegionsCommand({}), {
      abortSignal: AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), ...(signal ? [signal] : [])]),
    });
    const names = (out.Regions ?? []).map((r) => r.RegionName ?? '').filter(Boolean);
    return names.length > 0 ? names : null;
  } catch {
    return null;
  } finally {
    client.destroy();
  }
}
