import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestConnector } from '../../../shared/aws-test/input';
import { runResultSchema } from '../../../shared/aws-test/result';
import { harnessIssuerHost, harnessIssuerUrl } from '../../../shared/oidc/harness';
import { valueSecrets } from '../../../electron/services/aws/value-secrets';
import { ACCOUNTS, buildWorld, EXTERNAL_ID, webIdentityToken, type EndpointConfig, type RoleSpec } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { run } from './helpers';

/**
 * OIDC connectors against the loopback endpoint: the Harness token is exchanged with
 * AssumeRoleWithWebIdentity at the Test Region's STS, the checks then run as the role. The endpoint
 * knows an IAM OIDC provider for one Harness account (audiences sts.amazonaws.com and a custom one)
 * and a role trusting it for the organization `default`, as `awb oidc trust-policy --org default` writes it.
 */
const HARNESS_ACCOUNT = 'Hue1lBsaSx2APlXjzVEPIg';
const ISSUER = harnessIssuerHost(HARNESS_ACCOUNT);
const SUBJECT = `account/${HARNESS_ACCOUNT}:org/default:project/OIDC_Test`;
const base = buildWorld();
const oidcRole: RoleSpec = {
  arn: `arn:aws:iam::${ACCOUNTS.main}:role/harness-oidc`,
  roleId: 'AROAHARNESSOIDC000001',
  allow: ['*'],
  trust: { webIdentity: { issuer: ISSUER, sub: `account/${HARNESS_ACCOUNT}:org/default:project/*`, aud: 'sts.amazonaws.com' } },
  maxSessionDuration: 28_800,
};
/** The cross-account role on top: it trusts the OIDC role's sessions, with an External Id. */
const targetRole: RoleSpec = {
  arn: `arn:aws:iam::${ACCOUNTS.target}:role/HarnessTarget`,
  roleId: 'AROATARGETEXAMPLE0001',
  allow: ['ec2:DescribeRegions'],
  trust: { principals: [oidcRole.arn], externalId: EXTERNAL_ID },
};
const config: EndpointConfig = {
  ...base.config,
  accounts: base.config.accounts.map((account) =>
    account.id === ACCOUNTS.main
      ? {
          ...account,
          oidcProviders: [
            ...(account.oidcProviders ?? []),
            { url: harnessIssuerUrl(HARNESS_ACCOUNT), clientIds: ['sts.amazonaws.com', 'custom-aud'] },
          ],
        }
      : account,
  ),
  roles: [...(base.config.roles ?? []), oidcRole, targetRole],
};
const endpoint = sharedEndpoint({ beforeAll, afterAll }, config);
const dir = tempDir('awb-oidc-');
afterAll(() => dir.remove());

function token(claims: Partial<{ iss: string; sub: string; aud: string; exp: number }> = {}): string {
  return webIdentityToken({
    iss: harnessIssuerUrl(HARNESS_ACCOUNT),
    sub: SUBJECT,
    aud: 'sts.amazonaws.com',
    exp: Math.floor(Date.now() / 1000) + 3600,
    ...claims,
  });
}

function oidcConnector(roleArn = oidcRole.arn, overrides: Partial<TestConnector> = {}): TestConnector {
  return {
    identifier: 'aws_oidc',
    credentialType: 'OidcAuthentication',
    oidc: { roleArn, sessionTagKeys: [] },
    testRegion: 'us-east-1',
    crossAccount: null,
    ...overrides,
  };
}

async function test(webIdentityToken: string | undefined, connector = oidcConnector()) {
  const { request, endpoints } = await import('../../../electron/services/aws/request').then((m) =>
    m.buildRun(connector, { timeoutMs: 5000, endpointUrl: endpoint.url }),
  );
  const { runChecks } = await import('../../../electron/services/aws/sweep');
  return runChecks({ ...request, resolve: { ...request.resolve, webIdentityToken } }, { env: {}, endpoints, secrets: valueSecrets({}) });
}

const resolveError = (result: Awaited<ReturnType<typeof test>>) => result.regions[0]?.checks[0]?.error;
/** The signature part: the one piece of a token that is nothing but secret. */
const signatureOf = (value: string) => value.split('.')[2] ?? '';

describe('OidcAuthentication', () => {
  it('exchanges a valid token at the Test Region’s STS, then passes every check as the assumed role', async () => {
    const before = endpoint.requests.length;
    const value = token();
    const result = await test(value);
    expect(result.status).toBe('pass');
    expect(result.regions[0]?.identity?.arn).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNTS.main}:assumed-role/harness-oidc/awb-oidc-`));
    expect(result.regions[0]?.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'skipped', 'pass']);
    const calls = endpoint.requests.slice(before);
    expect(calls[0]).toMatchObject({ action: 'AssumeRoleWithWebIdentity', region: 'us-east-1', status: 200 });
    expect(calls.map((c) => c.action)).toEqual(['AssumeRoleWithWebIdentity', 'GetCallerIdentity', 'DescribeRegions']);
    expect(JSON.stringify(result)).not.toContain(signatureOf(value));
  });

  it('assumes the cross-account role on top of the OIDC role', async () => {
    const result = await test(token(), oidcConnector(oidcRole.arn, { crossAccount: { roleArn: targetRole.arn, externalId: EXTERNAL_ID } }));
    expect(result.status).toBe('pass');
    expect(result.regions[0]?.checks.map((c) => `${c.name}:${c.status}`)).toEqual([
      'resolve_credentials:pass',
      'sts_get_caller_identity:pass',
      'sts_assume_role:pass',
      'ec2_describe_regions:pass',
    ]);
  });

  it('an expired token is expired_credentials, with the Harness fix', async () => {
    const result = await test(token({ exp: Math.floor(Date.now() / 1000) - 120 }));
    expect(result.status).toBe('fail');
    expect(resolveError(result)).toMatchObject({ code: 'ExpiredTokenException', class: 'expired_credentials' });
    expect(resolveError(result)?.fix).toMatch(/Harness token expired at .+ mints one per pipeline run/);
    expect(result.regions[0]?.checks.slice(1).every((c) => c.status === 'skipped')).toBe(true);
  });

  it("a token whose audience the role's trust policy rejects is web_identity_trust_denied, naming the audience", async () => {
    const result = await test(token({ aud: 'custom-aud' }));
    expect(resolveError(result)).toMatchObject({ code: 'AccessDenied', class: 'web_identity_trust_denied' });
    expect(resolveError(result)?.fix).toContain(`"${ISSUER}:aud" = custom-aud`);
    expect(resolveError(result)?.fix).toContain(`awb oidc trust-policy --harness-account ${HARNESS_ACCOUNT} --account ${ACCOUNTS.main}`);
  });

  it('an audience the OIDC provider does not list is web_identity_token_rejected, with the client-ID fix', async () => {
    const result = await test(token({ aud: 'https://example.invalid' }));
    expect(resolveError(result)).toMatchObject({ message: 'Incorrect token audience', class: 'web_identity_token_rejected' });
    expect(resolveError(result)?.fix).toMatch(/add-client-id-to-open-id-connect-provider/);
  });

  it("a role that does not trust the token's issuer (an IRSA role) is web_identity_trust_denied, naming the Harness provider", async () => {
    const result = await test(token(), oidcConnector(base.irsaRole.arn));
    expect(resolveError(result)).toMatchObject({ code: 'AccessDenied', class: 'web_identity_trust_denied' });
    expect(resolveError(result)?.fix).toContain(`oidc-provider/${ISSUER}`);
  });

  it('a subject outside the trusted organization is web_identity_trust_denied', async () => {
    const result = await test(token({ sub: `account/${HARNESS_ACCOUNT}:org/other:project/p` }));
    expect(resolveError(result)).toMatchObject({ class: 'web_identity_trust_denied' });
    expect(resolveError(result)?.fix).toContain(`admits account/${HARNESS_ACCOUNT}:org/other:project/p`);
  });

  it('a Harness account without an IAM OIDC provider is oidc_provider_missing, with the setup command', async () => {
    const other = 'OtherHarnessAccount000';
    const result = await test(token({ iss: harnessIssuerUrl(other) }));
    expect(resolveError(result)).toMatchObject({ code: 'InvalidIdentityToken', class: 'oidc_provider_missing' });
    expect(resolveError(result)?.fix).toContain(`awb oidc setup --harness-account ${other} --account ${ACCOUNTS.main}`);
  });

  it('without a token the credentials step fails with how to get one, and nothing is sent to AWS', async () => {
    const before = endpoint.requests.length;
    const result = await test(undefined);
    expect(resolveError(result)).toMatchObject({ class: 'web_identity_token_file_error' });
    expect(resolveError(result)?.message).toMatch(/OIDC connectors authenticate with a token Harness mints per pipeline run/);
    expect(resolveError(result)?.fix).toMatch(/PLUGIN_OIDC_TOKEN_ID/);
    expect(endpoint.requests.length).toBe(before);
  });

  it('a run without a token (a re-run from history) fails the same way; a token STS cannot read is rejected without being quoted', async () => {
    const result = await run(oidcConnector(), { endpointUrl: endpoint.url }, { secrets: valueSecrets({}) });
    expect(resolveError(result)?.class).toBe('web_identity_token_file_error');
    const garbage = `e30.bm90IGpzb24.${signatureOf(token())}`;
    const rejected = await test(garbage);
    expect(resolveError(rejected)).toMatchObject({ code: 'InvalidIdentityToken', class: 'web_identity_token_rejected' });
    expect(JSON.stringify(rejected)).not.toContain(signatureOf(garbage));
  });
});

/** `awb` in a child process; async, because the loopback endpoint lives in this process. */
function awb(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['electron/cli/awb.mjs', ...args], {
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

function file(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

describe('awb test --web-identity-token-file with an OIDC connector', () => {
  const connector = () =>
    file(
      'oidc.yaml',
      `connector:
  name: aws oidc
  identifier: aws_oidc
  orgIdentifier: default
  projectIdentifier: OIDC_Test
  type: Aws
  spec:
    credential:
      type: OidcAuthentication
      spec:
        iamRoleArn: ${oidcRole.arn}
      region: us-east-1
    executeOnDelegate: false
`,
    );

  it('shows the claims first, passes as the role, and the token is in no output and no history byte', async () => {
    const value = token();
    const data = join(dir.path, 'history');
    const db = join(data, 'history.sqlite');
    const result = await awb([
      'test',
      '--connector',
      connector(),
      '--web-identity-token-file',
      file('token', `${value}\n`),
      '--endpoint-url',
      endpoint.url,
      '--json',
      '--db',
      db,
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`issuer   ${harnessIssuerUrl(HARNESS_ACCOUNT)}`);
    expect(result.stderr).toContain(`subject  ${SUBJECT}`);
    expect(result.stderr).toContain('audience sts.amazonaws.com');
    expect(result.stderr).toMatch(/expires \d{4}-\d\d-\d\dT[\d:.]+Z \(in (59|60) min\)/);
    const json = runResultSchema.parse(JSON.parse(result.stdout));
    expect(json).toMatchObject({ status: 'pass', connector: { credentialType: 'OidcAuthentication' } });
    expect(json.regions[0]?.identity?.arn).toMatch(/assumed-role\/harness-oidc\//);
    const signature = signatureOf(value);
    expect(result.stdout + result.stderr).not.toContain(signature);
    const shown = await awb(['history', 'show', json.runId, '--json', '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain(signature);
    for (const name of readdirSync(data)) expect(readFileSync(join(data, name)).includes(signature), name).toBe(false);
  });

  it('an expired token fails with its class and fix, exit 1, after the claims warned about it', async () => {
    const expired = file('expired', token({ exp: Math.floor(Date.now() / 1000) - 600 }));
    const result = await awb([
      'test',
      '--connector',
      connector(),
      '--web-identity-token-file',
      expired,
      '--endpoint-url',
      endpoint.url,
      '--no-history',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: The token expired 10 minutes ago/);
    expect(result.stdout).toMatch(/expired_credentials/);
    expect(result.stdout).toMatch(/Harness token expired/);
  });

  it('no token file, or a file that is not a token: exit 2 with how to get one, never the file’s text', async () => {
    const missing = await awb(['test', '--connector', connector(), '--no-history']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /OIDC connectors authenticate with a token[\s\S]*fix: .*PLUGIN_OIDC_TOKEN_ID.*--web-identity-token-file/,
    );
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY';
    const notToken = await awb(['test', '--connector', connector(), '--web-identity-token-file', file('wrong', secret), '--no-history']);
    expect(notToken.code).toBe(2);
    expect(notToken.stderr).toMatch(/not a JSON Web Token/);
    expect(notToken.stderr).not.toContain(secret);
  });
});
