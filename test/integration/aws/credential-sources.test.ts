import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TestConnector } from '../../../shared/aws-test/input';
import { valueSecrets } from '../../../electron/services/aws/value-secrets';
import { ACCOUNTS, buildWorld } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { run } from './helpers';

/**
 * The newer credential sources of "Assume IAM Role on Delegate", each against a loopback stand-in:
 * `aws login` sessions (login_session profiles and the SDK's cached token, refreshed at a stand-in
 * sign-in endpoint), credential_process helpers (a real child process) and container credentials as
 * the EKS Pod Identity Agent serves them (a token file, a loopback agent). The SDK reads process.env
 * itself, so the tests set real variables; instance metadata is off so nothing leaves the machine.
 */
const world = buildWorld();
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-sources-');
const saved = { ...process.env };
const connector: TestConnector = {
  identifier: 'inherit',
  credentialType: 'InheritFromDelegate',
  testRegion: 'us-east-1',
  crossAccount: null,
};
const { temporary } = world;

afterAll(() => dir.remove());
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
});

/** Only what the test sets: no AWS variables of the machine, fresh shared files. */
function isolate(config = ''): void {
  for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  const unique = `${Date.now()}-${Math.random()}`;
  process.env.AWS_CONFIG_FILE = join(dir.path, `config-${unique}`);
  process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir.path, `credentials-${unique}`);
  writeFileSync(process.env.AWS_CONFIG_FILE, config);
  writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, '');
}

async function listen(
  handler: (request: IncomingMessage, body: string, response: ServerResponse) => void,
): Promise<{ url: string; close(): void }> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handler(request, body, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const test = (profile?: string) =>
  run(connector, { endpointUrl: endpoint.url, ...(profile ? { profile } : {}) }, { secrets: valueSecrets({}), env: process.env });
const resolveError = (result: Awaited<ReturnType<typeof test>>) => result.regions[0]?.checks[0]?.error;

describe('aws login sessions (login_session profiles, AWS CLI 2.32+)', () => {
  const SESSION = `arn:aws:iam::${ACCOUNTS.main}:user/console-user`;
  const dpopKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'sec1' }).toString();

  /** The profile and the cached token `aws login` writes: AWS_LOGIN_CACHE_DIRECTORY/<sha256 of the session>.json. */
  function signedIn(expiresInMs: number | null): string {
    isolate(`[profile console]\nlogin_session = ${SESSION}\nregion = us-east-1\n`);
    const cache = join(dir.path, `login-cache-${Math.random()}`);
    mkdirSync(cache);
    process.env.AWS_LOGIN_CACHE_DIRECTORY = cache;
    const file = join(cache, `${createHash('sha256').update(SESSION).digest('hex')}.json`);
    if (expiresInMs !== null) {
      writeFileSync(
        file,
        JSON.stringify({
          accessToken: {
            accessKeyId: temporary.accessKeyId,
            secretAccessKey: temporary.secretAccessKey,
            sessionToken: temporary.sessionToken,
            accountId: ACCOUNTS.main,
            expiresAt: new Date(Date.now() + expiresInMs).toISOString(),
          },
          tokenType: 'aws_sigv4',
          clientId: 'arn:aws:signin:::devtools/same-device',
          refreshToken: 'refresh-1',
          idToken: 'id-token',
          dpopKey,
          signInRegion: 'us-east-1',
        }),
      );
    }
    return file;
  }

  /** The sign-in service's CreateOAuth2Token (restJson, POST /v1/token): a refresh, or the error `error` names. */
  function signIn(error?: string) {
    const calls: Array<{ dpop: boolean; refreshToken: unknown }> = [];
    const server = listen((request, body, response) => {
      const input = JSON.parse(body || '{}') as { refreshToken?: unknown };
      calls.push({ dpop: typeof request.headers.dpop === 'string', refreshToken: input.refreshToken });
      if (error) {
        response.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'AccessDeniedException' });
        return response.end(JSON.stringify({ error, message: 'denied' }));
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          accessToken: {
            accessKeyId: temporary.accessKeyId,
            secretAccessKey: temporary.secretAccessKey,
            sessionToken: temporary.sessionToken,
          },
          tokenType: 'aws_sigv4',
          expiresIn: 900,
          refreshToken: 'refresh-2',
          idToken: 'id-token',
        }),
      );
    });
    return { calls, server };
  }

  it('a signed-in session passes with the session’s identity, without calling the sign-in service', async () => {
    signedIn(3_600_000);
    const { calls, server } = signIn();
    process.env.AWS_ENDPOINT_URL_SIGNIN = (await server).url;
    try {
      const result = await test('console');
      expect(result.status).toBe('pass');
      expect(result.regions[0]?.identity?.arn).toBe(temporary.arn);
      expect(calls).toEqual([]);
    } finally {
      (await server).close();
    }
  });

  it('a session about to expire is refreshed at the sign-in endpoint (with a DPoP proof), then passes', async () => {
    const file = signedIn(60_000);
    const { calls, server } = signIn();
    process.env.AWS_ENDPOINT_URL_SIGNIN = (await server).url;
    try {
      const result = await test('console');
      expect(resolveError(result)).toBeNull();
      expect(result.status).toBe('pass');
      expect(calls).toEqual([{ dpop: true, refreshToken: 'refresh-1' }]);
      expect(JSON.parse(readFileSync(file, 'utf8')).refreshToken).toBe('refresh-2');
    } finally {
      (await server).close();
    }
  });

  it('an expired session the sign-in service will not refresh is sso_session_expired, with aws login as the fix', async () => {
    signedIn(-60_000);
    const { server } = signIn('TOKEN_EXPIRED');
    process.env.AWS_ENDPOINT_URL_SIGNIN = (await server).url;
    try {
      const result = await test('console');
      expect(resolveError(result)).toMatchObject({ class: 'sso_session_expired' });
      expect(resolveError(result)?.message).toMatch(/aws login session of profile console .*Your session has expired/);
      expect(resolveError(result)?.fix).toMatch(/^Sign in again with aws login --profile console \(AWS CLI 2\.32 or later\)/);
    } finally {
      (await server).close();
    }
  });

  it('a profile whose cached token is missing is sso_session_expired too; a refresh without permission is permission_denied', async () => {
    signedIn(null);
    const missing = await test('console');
    expect(resolveError(missing)).toMatchObject({ class: 'sso_session_expired' });
    expect(resolveError(missing)?.message).toMatch(/Failed to load token from/);

    signedIn(-60_000);
    const { server } = signIn('INSUFFICIENT_PERMISSIONS');
    process.env.AWS_ENDPOINT_URL_SIGNIN = (await server).url;
    try {
      const denied = await test('console');
      expect(resolveError(denied)).toMatchObject({ class: 'permission_denied' });
      expect(resolveError(denied)?.fix).toMatch(/signin:CreateOAuth2Token/);
    } finally {
      (await server).close();
    }
  });
});

describe('credential_process', () => {
  /** A helper script the profile runs with this Node: it prints `output` and exits with `code`. */
  function helper(output: object | string, code = 0, stderr = ''): string {
    const script = join(dir.path, `helper-${Math.random()}.mjs`);
    const text = typeof output === 'string' ? output : JSON.stringify(output);
    writeFileSync(
      script,
      `process.stdout.write(${JSON.stringify(text)}); process.stderr.write(${JSON.stringify(stderr)}); process.exit(${code});\n`,
    );
    isolate(`[profile helper]\ncredential_process = "${process.execPath}" "${script}" --password hunter2-secret\n`);
    return script;
  }
  const credentials = (expiration: Date) => ({
    Version: 1,
    AccessKeyId: temporary.accessKeyId,
    SecretAccessKey: temporary.secretAccessKey,
    SessionToken: temporary.sessionToken,
    Expiration: expiration.toISOString(),
  });

  it('passes with the credentials the helper prints', async () => {
    helper(credentials(new Date(Date.now() + 3_600_000)));
    const result = await test('helper');
    expect(result.status).toBe('pass');
    expect(result.regions[0]?.identity?.arn).toBe(temporary.arn);
  });

  it('a helper that fails is no_credentials_found, and neither its command line nor its output is repeated', async () => {
    helper('', 3, `token=${temporary.sessionToken}`);
    const result = await test('helper');
    expect(resolveError(result)).toMatchObject({ class: 'no_credentials_found' });
    expect(resolveError(result)?.message).toMatch(/credential_process command of profile helper failed/);
    expect(resolveError(result)?.fix).toMatch(/"Version": 1/);
    const text = JSON.stringify(result);
    expect(text).not.toContain('hunter2-secret');
    expect(text).not.toContain(temporary.sessionToken!.slice(0, 40));
  });

  it('expired credentials are expired_credentials; output that is not Version 1 JSON is no_credentials_found', async () => {
    helper(credentials(new Date(Date.now() - 60_000)));
    expect(resolveError(await test('helper'))).toMatchObject({ class: 'expired_credentials' });
    helper({ AccessKeyId: 'x' });
    const wrong = await test('helper');
    expect(resolveError(wrong)).toMatchObject({ class: 'no_credentials_found' });
    expect(resolveError(wrong)?.message).toMatch(/did not return Version 1/);
  });
});

describe('container credentials as EKS Pod Identity serves them', () => {
  /** The agent: credentials for the token in the projected file, or the answer `status` says. */
  function agent(status = 200) {
    return listen((request, _body, response) => {
      const authorized = request.url === '/v1/credentials' && request.headers.authorization === 'pod-identity-token';
      const code = authorized ? status : 401;
      response.writeHead(code, { 'content-type': 'application/json' });
      response.end(
        code === 200
          ? JSON.stringify({
              AccessKeyId: temporary.accessKeyId,
              SecretAccessKey: temporary.secretAccessKey,
              Token: temporary.sessionToken,
              AccountId: ACCOUNTS.main,
              Expiration: temporary.expiresAt?.toISOString(),
            })
          : JSON.stringify({ Code: code >= 500 ? 'InternalError' : 'AccessDeniedException', Message: 'no' }),
      );
    });
  }
  function podIdentity(url: string, tokenFile = join(dir.path, 'eks-pod-identity-token')): void {
    isolate();
    writeFileSync(join(dir.path, 'eks-pod-identity-token'), 'pod-identity-token');
    process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = `${url}/v1/credentials`;
    process.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE = tokenFile;
  }

  it('passes with the credentials the agent gives for the token file', async () => {
    const server = await agent();
    try {
      podIdentity(server.url);
      const result = await test();
      expect(result.status).toBe('pass');
      expect(result.regions[0]?.identity?.arn).toBe(temporary.arn);
    } finally {
      server.close();
    }
  });

  it('an agent that refuses the pod is no_credentials_found, naming the endpoint and the status', async () => {
    const server = await agent(403);
    try {
      podIdentity(server.url);
      const result = await test();
      expect(resolveError(result)).toMatchObject({ class: 'no_credentials_found' });
      expect(resolveError(result)?.message).toBe(
        `The container credentials endpoint ${server.url}/v1/credentials refused to give credentials: HTTP 403 (AccessDeniedException).`,
      );
      expect(resolveError(result)?.fix).toMatch(/Pod Identity|authorization token/);
    } finally {
      server.close();
    }
  });

  it('a missing token file is web_identity_token_file_error; no agent is imds_unreachable', async () => {
    const server = await agent();
    try {
      podIdentity(server.url, join(dir.path, 'no-token-here'));
      const noFile = await test();
      expect(resolveError(noFile)).toMatchObject({ class: 'web_identity_token_file_error' });
      expect(resolveError(noFile)?.message).toMatch(/no-token-here cannot be read \(ENOENT\)/);
    } finally {
      server.close();
    }
    podIdentity(server.url);
    const gone = await test();
    expect(resolveError(gone)).toMatchObject({ class: 'imds_unreachable' });
    expect(resolveError(gone)?.message).toMatch(/does not answer/);
  });
});
