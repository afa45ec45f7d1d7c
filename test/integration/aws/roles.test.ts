import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestConnector } from '../../../shared/aws-test/input';
import { valueSecrets } from '../../../electron/services/aws/value-secrets';
import { buildWorld, EXTERNAL_ID } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { manualConnector, run, secretsOf } from './helpers';

const world = buildWorld();
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-roles-');
afterAll(() => dir.remove());

const check = (result: Awaited<ReturnType<typeof run>>, name: string) => result.regions[0]?.checks.find((c) => c.name === name);

describe('cross-account AssumeRole', () => {
  const crossAccount = (externalId?: string): Partial<TestConnector> => ({ crossAccount: { roleArn: world.deployRole.arn, externalId } });

  it('assumes the role with the right External Id and describes regions as the role', async () => {
    const result = await run(
      manualConnector(world.admin, crossAccount(EXTERNAL_ID)),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin) },
    );
    expect(result.status).toBe('pass');
    expect(check(result, 'sts_assume_role')).toMatchObject({ status: 'pass', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const ec2Calls = endpoint.requests.filter((r) => r.action === 'DescribeRegions');
    expect(ec2Calls.at(-1)?.accessKeyId).toMatch(/^ASIA/);
  });

  it('a wrong External Id is assume_role_denied with the trust-policy fix, and EC2 is skipped', async () => {
    const result = await run(
      manualConnector(world.admin, crossAccount('wrong-id')),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin) },
    );
    const error = check(result, 'sts_assume_role')?.error;
    expect(error).toMatchObject({ code: 'AccessDenied', class: 'assume_role_denied' });
    expect(error?.message).toContain(`not authorized to perform: sts:AssumeRole on resource: ${world.deployRole.arn}`);
    expect(error?.fix).toMatch(/External Id/);
    expect(check(result, 'ec2_describe_regions')?.status).toBe('skipped');
  });

  it('a missing External Id is refused the same way', async () => {
    const result = await run(
      manualConnector(world.admin, crossAccount()),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin) },
    );
    expect(check(result, 'sts_assume_role')?.error?.class).toBe('assume_role_denied');
  });
});

describe('Irsa', () => {
  const irsa: TestConnector = { identifier: 'irsa', credentialType: 'Irsa', testRegion: 'us-east-1', crossAccount: null };
  const tokenFile = (name: string, token: string) => {
    const file = join(dir.path, name);
    writeFileSync(file, token);
    return file;
  };

  it('exchanges the token file for role credentials from AWS_ROLE_ARN / AWS_WEB_IDENTITY_TOKEN_FILE', async () => {
    const env = { AWS_ROLE_ARN: world.irsaRole.arn, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile('ok', world.token()) };
    const result = await run(irsa, { endpointUrl: endpoint.url }, { secrets: valueSecrets({}), env });
    expect(result.status).toBe('pass');
    expect(result.regions[0]?.identity?.arn).toMatch(/^arn:aws:sts::111111111111:assumed-role\/HarnessDelegateIrsa\/awb-irsa-/);
    expect(endpoint.requests.some((r) => r.action === 'AssumeRoleWithWebIdentity' && r.region === 'us-east-1' && r.status === 200)).toBe(
      true,
    );
  });

  it('a token for another service account is web_identity_trust_denied', async () => {
    const file = tokenFile('other-sa', world.token({ sub: 'system:serviceaccount:default:other' }));
    const result = await run(
      irsa,
      { endpointUrl: endpoint.url, irsaRoleArn: world.irsaRole.arn, irsaTokenFile: file },
      { secrets: valueSecrets({}) },
    );
    expect(check(result, 'resolve_credentials')?.error).toMatchObject({ code: 'AccessDenied', class: 'web_identity_trust_denied' });
    expect(check(result, 'resolve_credentials')?.error?.fix).toMatch(/system:serviceaccount/);
  });

  it('an issuer without an IAM OIDC provider is oidc_provider_missing', async () => {
    const file = tokenFile('other-issuer', world.token({ iss: 'https://oidc.eks.us-east-1.amazonaws.com/id/UNKNOWN' }));
    const result = await run(
      irsa,
      { endpointUrl: endpoint.url, irsaRoleArn: world.irsaRole.arn, irsaTokenFile: file },
      { secrets: valueSecrets({}) },
    );
    expect(check(result, 'resolve_credentials')?.error).toMatchObject({ code: 'InvalidIdentityToken', class: 'oidc_provider_missing' });
  });

  it('a wrong audience is web_identity_token_rejected', async () => {
    const file = tokenFile('aud', world.token({ aud: 'https://kubernetes.default.svc' }));
    const result = await run(
      irsa,
      { endpointUrl: endpoint.url, irsaRoleArn: world.irsaRole.arn, irsaTokenFile: file },
      { secrets: valueSecrets({}) },
    );
    expect(check(result, 'resolve_credentials')?.error).toMatchObject({
      message: 'Incorrect token audience',
      class: 'web_identity_token_rejected',
    });
  });

  it('an expired token is expired_credentials', async () => {
    const file = tokenFile('expired', world.token({ exp: Math.floor(Date.now() / 1000) - 60 }));
    const result = await run(
      irsa,
      { endpointUrl: endpoint.url, irsaRoleArn: world.irsaRole.arn, irsaTokenFile: file },
      { secrets: valueSecrets({}) },
    );
    expect(check(result, 'resolve_credentials')?.error).toMatchObject({ code: 'ExpiredTokenException', class: 'expired_credentials' });
  });

  it('a missing token file or role ARN is web_identity_token_file_error, without calling STS', async () => {
    const before = endpoint.requests.length;
    const missing = await run(
      irsa,
      { endpointUrl: endpoint.url, irsaRoleArn: world.irsaRole.arn, irsaTokenFile: join(dir.path, 'nope') },
      { secrets: valueSecrets({}) },
    );
    expect(check(missing, 'resolve_credentials')?.error).toMatchObject({
      class: 'web_identity_token_file_error',
      message: expect.stringContaining('ENOENT'),
    });
    mkdirSync(join(dir.path, 'a-dir.path'), { recursive: true });
    const directory = await run(
      irsa,
      { endpointUrl: endpoint.url, irsaRoleArn: world.irsaRole.arn, irsaTokenFile: join(dir.path, 'a-dir.path') },
      { secrets: valueSecrets({}) },
    );
    expect(check(directory, 'resolve_credentials')?.error?.message).toMatch(/is a directory/);
    const noRole = await run(
      irsa,
      { endpointUrl: endpoint.url },
      { secrets: valueSecrets({}), env: { AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile('x', world.token()) } },
    );
    expect(check(noRole, 'resolve_credentials')?.error).toMatchObject({
      class: 'web_identity_token_file_error',
      message: expect.stringContaining('AWS_ROLE_ARN'),
    });
    expect(endpoint.requests.length).toBe(before);
  });
});
