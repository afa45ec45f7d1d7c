import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestConnector } from '../../../shared/aws-test/input';
import { valueSecrets } from '../../../electron/services/aws/value-secrets';
import { ACCOUNTS, buildWorld, EXTERNAL_ID } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { run } from './helpers';

/**
 * The default chain reads the process environment and the shared files itself, so these tests set
 * real variables and point the shared files at temporary ones. Instance metadata is switched off so
 * nothing leaves the machine.
 */
const world = buildWorld();
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-inherit-');
const saved = { ...process.env };
const connector: TestConnector = {
  identifier: 'inherit',
  credentialType: 'InheritFromDelegate',
  testRegion: 'us-east-1',
  crossAccount: null,
};

afterAll(() => dir.remove());
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

function isolate(files: { config?: string; credentials?: string } = {}) {
  for (const key of [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
    'AWS_ROLE_ARN',
    'AWS_WEB_IDENTITY_TOKEN_FILE',
    'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'AWS_CONTAINER_AUTHORIZATION_TOKEN',
    'AWS_EC2_METADATA_SERVICE_ENDPOINT',
    'AWS_ENDPOINT_URL_SSO',
  ]) {
    delete process.env[key];
  }
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const config = join(dir.path, `config-${Math.random()}`);
  const credentials = join(dir.path, `credentials-${Math.random()}`);
  writeFileSync(config, files.config ?? '');
  writeFileSync(credentials, files.credentials ?? '');
  process.env.AWS_CONFIG_FILE = config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
}

const resolveCheck = (result: Awaited<ReturnType<typeof run>>) => result.regions[0]?.checks[0];

describe('InheritFromDelegate', () => {
  it('uses the environment variables first', async () => {
    isolate();
    process.env.AWS_ACCESS_KEY_ID = world.admin.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = world.admin.secretAccessKey;
    const result = await run(connector, { endpointUrl: endpoint.url }, { secrets: valueSecrets({}) });
    expect(result.status).toBe('pass');
    expect(result.regions[0]?.identity?.arn).toBe(world.admin.arn);
  });

  it('uses the chosen profile from the shared credentials file', async () => {
    isolate({
      credentials: `[default]\naws_access_key_id = ${world.noEc2.accessKeyId}\naws_secret_access_key = ${world.noEc2.secretAccessKey}\n\n[deploy]\naws_access_key_id = ${world.admin.accessKeyId}\naws_secret_access_key = ${world.admin.secretAccessKey}\n`,
    });
    const chosen = await run(connector, { endpointUrl: endpoint.url, profile: 'deploy' }, { secrets: valueSecrets({}) });
    expect(chosen.regions[0]?.identity?.arn).toBe(world.admin.arn);
    const fallback = await run(connector, { endpointUrl: endpoint.url }, { secrets: valueSecrets({}) });
    expect(fallback.regions[0]?.identity?.arn).toBe(world.noEc2.arn);
  });

  it('uses container credentials (ECS task role, EKS Pod Identity) from the loopback agent the variables name', async () => {
    isolate();
    const { temporary } = world;
    const agent = createServer((request, response) => {
      const authorized = request.url === '/v2/credentials' && request.headers.authorization === 'agent-token';
      response.writeHead(authorized ? 200 : 401, { 'content-type': 'application/json' });
      response.end(
        authorized
          ? JSON.stringify({
              AccessKeyId: temporary.accessKeyId,
              SecretAccessKey: temporary.secretAccessKey,
              Token: temporary.sessionToken,
              Expiration: temporary.expiresAt?.toISOString(),
            })
          : '{}',
      );
    });
    await new Promise<void>((resolve) => agent.listen(0, '127.0.0.1', resolve));
    try {
      process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `http://127.0.0.1:${(agent.address() as AddressInfo).port}/v2/credentials`;
      process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN = 'agent-token';
      const result = await run(connector, { endpointUrl: endpoint.url }, { secrets: valueSecrets({}) });
      expect(result.status).toBe('pass');
      expect(result.regions[0]?.identity?.arn).toBe(temporary.arn);
    } finally {
      agent.close();
    }
  });

  it('uses instance metadata (IMDSv2: token, role name, then its credentials) at the endpoint the variable names', async () => {
    isolate();
    delete process.env.AWS_EC2_METADATA_DISABLED;
    const { temporary } = world;
    const path = '/latest/meta-data/iam/security-credentials/';
    const imds = createServer((request, response) => {
      if (request.method === 'PUT' && request.url === '/latest/api/token') return response.end('imds-session');
      if (request.headers['x-aws-ec2-metadata-token'] !== 'imds-session') return response.writeHead(401).end();
      if (request.url === path) return response.end('DelegateNodeRole');
      if (request.url === `${path}DelegateNodeRole`) {
        return response.end(
          JSON.stringify({
            Code: 'Success',
            Type: 'AWS-HMAC',
            AccessKeyId: temporary.accessKeyId,
            SecretAccessKey: temporary.secretAccessKey,
            Token: temporary.sessionToken,
            Expiration: temporary.expiresAt?.toISOString(),
          }),
        );
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => imds.listen(0, '127.0.0.1', resolve));
    try {
      process.env.AWS_EC2_METADATA_SERVICE_ENDPOINT = `http://127.0.0.1:${(imds.address() as AddressInfo).port}`;
      const result = await run(connector, { endpointUrl: endpoint.url }, { secrets: valueSecrets({}) });
      expect(result.status).toBe('pass');
      expect(result.regions[0]?.identity?.arn).toBe(temporary.arn);
    } finally {
      imds.close();
    }
  });

  it('uses an SSO profile: the cached token is exchanged at the SSO portal of its sso_region, not at the STS endpoint', async () => {
    const startUrl = 'https://example.awsapps.com/start';
    isolate({
      config: `[profile sso]\nsso_start_url = ${startUrl}\nsso_region = eu-west-1\nsso_account_id = ${ACCOUNTS.main}\nsso_role_name = HarnessDelegate\n`,
    });
    const home = join(dir.path, `home-${Math.random()}`);
    mkdirSync(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    const cacheFile = `${createHash('sha1').update(startUrl).digest('hex')}.json`;
    writeFileSync(
      join(home, '.aws', 'sso', 'cache', cacheFile),
      JSON.stringify({
        accessToken: 'sso-access-token',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        region: 'eu-west-1',
        startUrl,
      }),
    );
    process.env.HOME = home;
    const { temporary } = world;
    const portal = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://portal');
      const granted =
        url.pathname === '/federation/credentials' &&
        url.searchParams.get('role_name') === 'HarnessDelegate' &&
        request.headers['x-amz-sso_bearer_token'] === 'sso-access-token';
      response.writeHead(granted ? 200 : 401, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          granted
            ? {
                roleCredentials: {
                  accessKeyId: temporary.accessKeyId,
                  secretAccessKey: temporary.secretAccessKey,
                  sessionToken: temporary.sessionToken,
                  expiration: temporary.expiresAt?.getTime(),
                },
              }
            : { message: 'Session token not found or invalid' },
        ),
      );
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    try {
      process.env.AWS_ENDPOINT_URL_SSO = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
      const result = await run(connector, { endpointUrl: endpoint.url, profile: 'sso' }, { secrets: valueSecrets({}), env: process.env });
      expect(resolveCheck(result)?.error).toBeNull();
      expect(result.regions[0]?.identity?.arn).toBe(temporary.arn);
    } finally {
      portal.close();
    }
  });

  it("a role profile (role_arn, source_profile, external_id) assumes the role at the test's STS endpoint", async () => {
    isolate({
      config: `[profile deploy]\nrole_arn = ${world.deployRole.arn}\nsource_profile = base\nexternal_id = ${EXTERNAL_ID}\n`,
      credentials: `[base]\naws_access_key_id = ${world.admin.accessKeyId}\naws_secret_access_key = ${world.admin.secretAccessKey}\n`,
    });
    const before = endpoint.requests.length;
    const result = await run(connector, { endpointUrl: endpoint.url, profile: 'deploy' }, { secrets: valueSecrets({}), env: process.env });
    expect(result.status).toBe('pass');
    expect(result.regions[0]?.identity?.arn).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNTS.target}:assumed-role/HarnessDeploy/`));
    expect(endpoint.requests.slice(before).some((request) => request.action === 'AssumeRole')).toBe(true);
  });

  it('a profile that does not exist is profile_not_found', async () => {
    isolate({ config: '[profile other]\nregion = us-east-1\n' });
    const result = await run(connector, { endpointUrl: endpoint.url, profile: 'missing' }, { secrets: valueSecrets({}), env: process.env });
    expect(resolveCheck(result)?.error).toMatchObject({ class: 'profile_not_found' });
    expect(resolveCheck(result)?.error?.fix).toMatch(/~\/\.aws\/config/);
  });

  it('nothing configured is no_credentials_found', async () => {
    isolate();
    const result = await run(connector, { endpointUrl: endpoint.url }, { secrets: valueSecrets({}) });
    expect(resolveCheck(result)).toMatchObject({
      status: 'fail',
      error: { code: 'CredentialsProviderError', class: 'no_credentials_found' },
    });
    expect(result.regions[0]?.checks.slice(1).every((c) => c.status === 'skipped')).toBe(true);
  });
});
