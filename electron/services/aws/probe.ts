import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { Identity } from '../../../shared/aws-test/result';
import { stsClient, type ClientSettings } from './clients';

/**
 * One GetCallerIdentity outside the regions under test, to tell causes apart that AWS reports with
 * the same words: a key rejected in an opt-in region but accepted in the partition's main region
 * means the region is not enabled; a key accepted only in another partition is a partition mismatch.
 */
export async function probeIdentity(region: string, credentials: AwsCredentialIdentity, settings: ClientSettings, signal?: AbortSignal): Promise<Identity | null> {
  const client = stsClient(region, credentials, { ...settings });
  try {
    const out = await client.send(new GetCallerIdentityCommand({}), { abortSignal: AbortSignal.any([AbortSignal.timeout(settings.timeoutMs), ...(signal ? [signal] : [])]) });
    return { account: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  } catch {
    // Any failure means "no evidence"; the region's own checks already carry the error.
    return null;
  } finally {
    client.destroy();
  }
}
