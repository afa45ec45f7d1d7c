import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@aws-sdk/types';
import type { EndpointResolver } from './endpoints';
import { createRequestHandler, type Env } from './http';

export interface ClientSettings {
  readonly endpoints: EndpointResolver;
  readonly env: Env;
  readonly timeoutMs: number;
}

/**
 * Client configuration shared by every call of a test. Clock-skew correction is off: the SDK would
 * otherwise quietly adopt AWS's clock after one failed attempt, hiding the skew that a delegate
 * signing with this machine's clock would trip over.
 */
export function clientConfig(service: 'sts' | 'ec2', region: string, settings: ClientSettings) {
  const endpoint = settings.endpoints(service, region);
  return {
    region,
    endpoint: endpoint.toString(),
    requestHandler: createRequestHandler(endpoint, settings.env, settings.timeoutMs),
    disableClockSkewCorrection: true,
    maxAttempts: 3,
  };
}

type Credentials = AwsCredentialIdentity | AwsCredentialIdentityProvider;

export function stsClient(region: string, credentials: Credentials, settings: ClientSettings): STSClient {
  return new STSClient({ ...clientConfig('sts', region, settings), credentials });
}

export function ec2Client(region: string, credentials: Credentials, settings: ClientSettings): EC2Client {
  return new EC2Client({ ...clientConfig('ec2', region, settings), credentials });
}
