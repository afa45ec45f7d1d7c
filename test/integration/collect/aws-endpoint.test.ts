import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNTS, buildWorld, OIDC_ISSUER, trustPolicyOf, type PrincipalSpec } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { TOOLS } from './harness';

/**
 * The IAM (Query, XML) and EKS (REST-JSON) reads the collect script makes, answered by the loopback
 * endpoint and read by the real AWS CLI: the answers and the errors parse as the CLI parses AWS's.
 */
const run = promisify(execFile);
const dir = tempDir('awb-collect-aws-');
afterAll(() => dir.remove());
const world = buildWorld();
const endpoint = sharedEndpoint(
  { beforeAll, afterAll },
  {
    ...world.config,
    clusters: [{ name: 'delegates', account: ACCOUNTS.main, region: 'us-east-1', version: '1.31', issuer: `https://${OIDC_ISSUER}` }],
  },
);

async function aws(keys: PrincipalSpec, ...args: string[]): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir.path,
    AWS_CONFIG_FILE: join(dir.path, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir.path, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_ENDPOINT_URL: endpoint.url,
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
  };
  try {
    // --endpoint-url as well as AWS_ENDPOINT_URL: CLIs before 2.13 (Debian 12 has 2.9) read only the flag.
    const { stdout } = await run(TOOLS.aws, ['--endpoint-url', endpoint.url, ...args, '--region', 'us-east-1', '--output', 'json'], {
      env,
    });
    return { ok: true, value: JSON.parse(stdout) };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    // AWS CLI v2 adds how many retries it made; v1 does not. The error itself is what is compared.
    const message = /An error occurred .*/.exec(stderr)?.[0] ?? stderr;
    return { ok: false, error: message.replace(/ \(reached max retries: \d+\)/, '') };
  }
}

describe.skipIf(!TOOLS.aws)('IAM and EKS reads through the AWS CLI', () => {
  it('iam get-role: the trust policy, URL-encoded by IAM, decoded by the CLI', async () => {
    expect(await aws(world.admin, 'iam', 'get-role', '--role-name', 'HarnessDelegateIrsa')).toEqual({
      ok: true,
      value: {
        Role: {
          Path: '/',
          RoleName: 'HarnessDelegateIrsa',
          RoleId: world.irsaRole.roleId,
          Arn: world.irsaRole.arn,
          // AWS CLI v1 prints the timestamp as sent, v2 in its own ISO form.
          CreateDate: expect.stringMatching(/^2024-03-01T09:30:00(?:Z|\+00:00)$/),
          AssumeRolePolicyDocument: trustPolicyOf(world.irsaRole),
          MaxSessionDuration: 3600,
        },
      },
    });
  });

  it('iam list-open-id-connect-providers: the account’s providers', async () => {
    expect(await aws(world.admin, 'iam', 'list-open-id-connect-providers')).toEqual({
      ok: true,
      value: { OpenIDConnectProviderList: [{ Arn: `arn:aws:iam::${ACCOUNTS.main}:oidc-provider/${OIDC_ISSUER}` }] },
    });
  });

  it('eks describe-cluster: the OIDC issuer', async () => {
    const answer = await aws(world.admin, 'eks', 'describe-cluster', '--name', 'delegates');
    expect(answer).toMatchObject({
      ok: true,
      value: {
        cluster: {
          name: 'delegates',
          arn: `arn:aws:eks:us-east-1:${ACCOUNTS.main}:cluster/delegates`,
          identity: { oidc: { issuer: `https://${OIDC_ISSUER}` } },
          status: 'ACTIVE',
        },
      },
    });
  });

  it.each([
    [
      'an unknown role',
      () => aws(world.admin, 'iam', 'get-role', '--role-name', 'Nope'),
      'An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name Nope cannot be found.',
    ],
    [
      'a user without iam:GetRole',
      () => aws(world.noEc2, 'iam', 'get-role', '--role-name', 'HarnessDelegateIrsa'),
      `An error occurred (AccessDenied) when calling the GetRole operation: User: ${world.noEc2.arn} is not authorized to perform: iam:GetRole on resource: role HarnessDelegateIrsa because no identity-based policy allows the iam:GetRole action`,
    ],
    [
      'an unknown cluster',
      () => aws(world.admin, 'eks', 'describe-cluster', '--name', 'nope'),
      'An error occurred (ResourceNotFoundException) when calling the DescribeCluster operation: No cluster found for name: nope.',
    ],
    [
      'a user without eks:DescribeCluster',
      () => aws(world.noEc2, 'eks', 'describe-cluster', '--name', 'delegates'),
      `An error occurred (AccessDeniedException) when calling the DescribeCluster operation: User: ${world.noEc2.arn} is not authorized to perform: eks:DescribeCluster on resource: arn:aws:eks:us-east-1:${ACCOUNTS.main}:cluster/delegates`,
    ],
    [
      'a wrong secret key',
      () => aws({ ...world.admin, secretAccessKey: 'x'.repeat(40) }, 'iam', 'list-open-id-connect-providers'),
      'An error occurred (SignatureDoesNotMatch) when calling the ListOpenIDConnectProviders operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    ],
  ])('%s: the error AWS gives', async (_, call, error) => {
    expect(await call()).toEqual({ ok: false, error });
  });
});
