import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ConnectorDocument } from '../../../shared/connector';
import { channelNames, type Channel } from '../../../shared/ipc/contract';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter, type Router } from '../../../electron/app/ipc-router';
import { createTestContext, type TestContext } from '../../helpers/app-context';
import { checkRequirement, keychainRequirement } from '../../helpers/requirements';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { harnessIssuerHost, harnessIssuerUrl } from '../../../shared/oidc/harness';
import { ACCOUNTS, buildWorld, issueTemporary, type EndpointConfig, type PrincipalSpec, type RoleSpec } from '../../aws-endpoint';
import { canary, filesUnder, findCanaries } from './leaks';
import { exportEveryReport } from './report-canaries';

const available = checkRequirement('keychain', await keychainRequirement());

/**
 * One canary per way a secret enters the app. Each is random per run, so a match can only be a leak.
 * `wrongSecretKey` is a real secret too: a mistyped key is still the user's key material.
 */
const CANARIES = {
  sessionSecretKey: canary(40),
  sessionToken: canary(360),
  setSecretKey: canary(40),
  wrongSecretKey: canary(40),
  plainPassword: canary(24),
  delegateToken: canary(32),
  proxyPassword: canary(24),
  pastedSecretKey: canary(40),
  endpointPassword: canary(24),
  proxyEnvPassword: canary(24),
  /** The signature part of a pasted Harness OIDC token: the part of a token that is nothing but secret. */
  oidcTokenSignature: canary(342),
};

const world = buildWorld();
const user: PrincipalSpec = {
  accessKeyId: 'AKIACANARYUSER000001',
  secretAccessKey: CANARIES.setSecretKey,
  arn: `arn:aws:iam::${ACCOUNTS.main}:user/canary`,
  userId: 'AIDACANARYUSERXXXXXX',
  allow: ['*'],
};
const session: PrincipalSpec = {
  ...issueTemporary(
    `arn:aws:sts::${ACCOUNTS.main}:assumed-role/Ops/canary`,
    'AROAOPSEXAMPLE:canary',
    ['*'],
    new Date(Date.now() + 3_600_000),
  ),
  secretAccessKey: CANARIES.sessionSecretKey,
  sessionToken: CANARIES.sessionToken,
};

/** A Harness OIDC connector's role, trusted through the provider for one Harness account (as awb oidc trust-policy writes it). */
const HARNESS_ACCOUNT = 'CanaryHarnessAccount01';
const oidcRole: RoleSpec = {
  arn: `arn:aws:iam::${ACCOUNTS.main}:role/harness-oidc`,
  roleId: 'AROAHARNESSOIDCCANARY',
  allow: ['*'],
  trust: { webIdentity: { issuer: harnessIssuerHost(HARNESS_ACCOUNT), sub: '*', aud: 'sts.amazonaws.com' } },
};
const endpointConfig: EndpointConfig = {
  ...world.config,
  principals: [...world.config.principals, user, session],
  accounts: world.config.accounts.map((account) =>
    account.id === ACCOUNTS.main
      ? { ...account, oidcProviders: [{ url: harnessIssuerUrl(HARNESS_ACCOUNT), clientIds: ['sts.amazonaws.com'] }] }
      : account,
  ),
  roles: [...(world.config.roles ?? []), oidcRole],
};
/** A token as Harness mints it, its signature the canary; `exp` decides whether STS takes it. */
function harnessToken(exp: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    iss: harnessIssuerUrl(HARNESS_ACCOUNT),
    sub: `account/${HARNESS_ACCOUNT}:org/default:project/canary`,
    aud: 'sts.amazonaws.com',
    exp,
  };
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.${CANARIES.oidcTokenSignature}`;
}

const APP_URL = 'app://workbench/index.html';
const sender = { url: APP_URL, isTopFrame: true };

function manual(
  identifier: string,
  accessKey: string,
  refs: { secretKeyRef: string; sessionTokenRef?: string },
  description?: string,
): ConnectorDocument {
  return {
    connector: {
      name: identifier,
      identifier,
      ...(description ? { description } : {}),
      type: 'Aws',
      spec: { credential: { type: 'ManualConfig', spec: { accessKey, ...refs }, region: 'us-east-1' }, executeOnDelegate: false },
    },
  };
}

/** The delegate Secrets as Harness writes them: the token base64 in `data`, a proxy password in `stringData`. */
const manifest = readFileSync(new URL('../../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8')
  .replace(
    '  DELEGATE_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"\n',
    `  DELEGATE_TOKEN: "${Buffer.from(CANARIES.delegateToken).toString('base64')}"\nstringData:\n  PROXY_PASSWORD: ${CANARIES.proxyPassword}\n`,
  )
  .replace('  UPGRADER_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"\n', `  UPGRADER_TOKEN: ${CANARIES.delegateToken}\n`);
const form = {
  serviceAccount: 'harness-delegate-irsa',
  roleArn: 'arn:aws:iam::123456789012:role/harness-delegate',
  region: 'us-east-1',
  useCases: ['ecr-pull'],
};

/** What a user pastes when asking for help: their shell environment, next to the error. */
const envDump = [
  `AWS_ACCESS_KEY_ID=${session.accessKeyId}`,
  `AWS_SECRET_ACCESS_KEY=${CANARIES.pastedSecretKey}`,
  `AWS_SESSION_TOKEN=${CANARIES.sessionToken}`,
  `HTTPS_PROXY=http://proxy:${CANARIES.proxyPassword}@proxy.corp:3128`,
  'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided.',
].join('\n');

// The tests run in order against one app and one endpoint: the last three check what the others left behind.
describe.skipIf(!available)('planted canary secrets never leave the keychain (every IPC channel, real keychain and SQLite)', () => {
  const endpoint = sharedEndpoint({ beforeAll, afterAll }, endpointConfig);
  let t: TestContext;
  let router: Router;
  const called = new Set<string>();
  /** Every IPC reply, progress event, router log line and console line, as the renderer or a user would see them. */
  const seen: Array<{ where: string; text: string }> = [];

  beforeAll(() => {
    t = createTestContext();
    router = createRouter(createHandlers(t.ctx), {
      isAppUrl: (url) => url === APP_URL,
      log: (line) => seen.push({ where: 'router log', text: line }),
    });
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) =>
        seen.push({ where: `console.${method}`, text: args.map(String).join(' ') }),
      );
    }
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.dispose();
  });

  async function call(
    channel: Channel | string,
    args?: unknown,
    from = sender,
  ): Promise<{ ok: boolean; value?: unknown; error?: { class: string; message: string } }> {
    called.add(channel);
    const reply = await router.invoke(channel, args, from, (event) =>
      seen.push({ where: `${channel} progress`, text: JSON.stringify(event) }),
    );
    seen.push({ where: `${channel} reply`, text: JSON.stringify(reply) });
    return reply as never;
  }

  it('saves the secrets through connectors.save and secrets.set, refusing them where they do not belong', async () => {
    expect(await call('app.info')).toMatchObject({ ok: true, value: { keychain: { available: true } } });
    const sessionDoc = manual('canary_session', session.accessKeyId, {
      secretKeyRef: 'canary_session_sk',
      sessionTokenRef: 'account.canary_session_token',
    });
    expect(
      await call('connectors.save', {
        document: sessionDoc,
        secrets: [
          { ref: 'canary_session_sk', value: CANARIES.sessionSecretKey },
          { ref: 'account.canary_session_token', value: CANARIES.sessionToken },
        ],
      }),
    ).toMatchObject({ ok: true, value: { secretsStored: ['canary_session_sk', 'account.canary_session_token'] } });
    expect(
      await call('connectors.save', {
        document: manual('canary_user', user.accessKeyId, { secretKeyRef: 'account.canary_user_sk' }),
        secrets: [],
      }),
    ).toMatchObject({ ok: true });
    expect(await call('secrets.set', { ref: 'account.canary_user_sk', value: CANARIES.setSecretKey })).toEqual({
      ok: true,
      value: { ref: 'account.canary_user_sk', stored: true },
    });
    expect(
      await call('connectors.save', {
        document: manual('canary_wrong', user.accessKeyId, { secretKeyRef: 'canary_wrong_sk' }),
        secrets: [{ ref: 'canary_wrong_sk', value: CANARIES.wrongSecretKey }],
      }),
    ).toMatchObject({ ok: true });
    expect(
      await call('connectors.save', {
        document: manual('canary_plain', user.accessKeyId, { secretKeyRef: 'canary_plain_sk' }),
        secrets: [{ ref: 'canary_plain_sk', value: CANARIES.plainPassword }],
      }),
    ).toMatchObject({ ok: true });

    const leaky = manual('canary_leaky', user.accessKeyId, { secretKeyRef: 'canary_leaky_sk' }, `key ${CANARIES.plainPassword}`);
    expect(
      await call('connectors.save', { document: leaky, secrets: [{ ref: 'canary_leaky_sk', value: CANARIES.plainPassword }] }),
    ).toMatchObject({ ok: false, error: { class: 'invalid_input' } });
    expect(
      await call('connectors.save', {
        document: manual('canary_stray', user.accessKeyId, { secretKeyRef: 'canary_stray_sk' }),
        secrets: [{ ref: 'other_ref', value: CANARIES.plainPassword }],
      }),
    ).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    expect(
      await call('connectors.save', {
        document: sessionDoc,
        secrets: [{ ref: 'canary_session_sk', value: CANARIES.wrongSecretKey.repeat(300) }],
      }),
    ).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    expect(await call('secrets.set', { ref: 'not a ref!', value: CANARIES.plainPassword })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
    expect(
      await call('secrets.set', { ref: 'account.canary_extra', value: CANARIES.plainPassword, echo: CANARIES.plainPassword }),
    ).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    expect(await call('secrets.has', { ref: 'account.canary_user_sk' })).toEqual({
      ok: true,
      value: { ref: 'account.canary_user_sk', exists: true },
    });
    expect(await call('secrets.has', { ref: '' })).toMatchObject({ ok: false });
  });

  it('reads, lists, exports, clones and deletes connectors without a secret value', async () => {
    expect(await call('connectors.get', { identifier: 'canary_session' })).toMatchObject({
      ok: true,
      value: { secrets: [{ status: 'stored' }, { status: 'stored' }] },
    });
    expect(await call('connectors.get', { identifier: 'nope' })).toMatchObject({ ok: false, error: { class: 'not_found' } });
    expect(await call('connectors.list')).toMatchObject({
      ok: true,
      value: { connectors: expect.arrayContaining([expect.objectContaining({ identifier: 'canary_user' })]) },
    });
    expect(await call('connectors.list', { search: 'canary' })).toMatchObject({ ok: true });
    expect(await call('connectors.list', { search: CANARIES.plainPassword.repeat(20) })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
    for (const identifier of ['canary_session', 'canary_user', 'canary_wrong']) {
      expect(await call('connectors.export', { identifier })).toMatchObject({ ok: true, value: { fileName: `${identifier}.yaml` } });
    }
    expect(await call('connectors.export', { identifier: '' })).toMatchObject({ ok: false });
    expect(await call('connectors.clone', { identifier: 'canary_session' })).toMatchObject({
      ok: true,
      value: { connector: { identifier: 'canary_session_copy' } },
    });
    expect(await call('connectors.clone', { identifier: 'nope' })).toMatchObject({ ok: false, error: { class: 'not_found' } });
    expect(await call('connectors.delete', { identifier: 'canary_session_copy', deleteSecrets: true })).toMatchObject({
      ok: true,
      value: { secretsDeleted: [], secretsKept: ['canary_session_sk', 'account.canary_session_token'] },
    });
    expect(await call('connectors.delete', { identifier: 'canary_plain', deleteSecrets: true })).toMatchObject({
      ok: true,
      value: { secretsDeleted: ['canary_plain_sk'] },
    });
    expect(await call('connectors.delete', { identifier: 'canary_plain' })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
    expect(await call('secrets.set', { ref: 'account.canary_extra', value: CANARIES.plainPassword })).toMatchObject({ ok: true });
    expect(await call('secrets.delete', { ref: 'account.canary_extra' })).toEqual({
      ok: true,
      value: { ref: 'account.canary_extra', deleted: true },
    });
    expect(await call('secrets.delete', { ref: 'account.' })).toMatchObject({ ok: false });
  });

  it('tests and sweeps pass with the stored secrets and fail with the wrong one, with error messages', async () => {
    const endpointUrl = endpoint.url;
    const passed = await call('test.run', { connectorIdentifier: 'canary_session', options: { endpointUrl } });
    expect(passed).toMatchObject({ ok: true, value: { status: 'pass', connector: { identifier: 'canary_session' } } });
    expect(await call('test.run', { connectorIdentifier: 'canary_user', options: { endpointUrl } })).toMatchObject({
      ok: true,
      value: { status: 'pass' },
    });
    const failed = await call('test.run', { connectorIdentifier: 'canary_wrong', options: { endpointUrl } });
    expect(failed).toMatchObject({ ok: true, value: { status: 'fail' } });
    expect(JSON.stringify(failed)).toMatch(/"error":\{"code":"SignatureDoesNotMatch"/);
    expect(await call('test.run', { connectorIdentifier: 'canary_session', options: { endpointUrl: 'ftp://x' } })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
    expect(await call('test.run', { connectorIdentifier: 'nope' })).toMatchObject({ ok: false, error: { class: 'not_found' } });

    // A password in a custom endpoint URL is a secret too; the run and its record must drop it.
    const withPassword = endpointUrl.replace('://', `://awb:${CANARIES.endpointPassword}@`);
    expect(
      await call('sweep.run', {
        connectorIdentifier: 'canary_session',
        options: { endpointUrl: withPassword },
        sweep: { regions: ['us-east-1', 'us-west-2', 'eu-west-1'] },
      }),
    ).toMatchObject({ ok: true, value: { kind: 'sweep', status: 'pass' } });
    expect(
      await call('sweep.run', {
        connectorIdentifier: 'canary_wrong',
        options: { endpointUrl },
        sweep: { regions: ['us-east-1', 'eu-central-1'] },
      }),
    ).toMatchObject({ ok: true, value: { status: 'fail' } });
    expect(await call('sweep.run', { connectorIdentifier: 'canary_user', sweep: { regions: ['xx-north-1'] } })).toMatchObject({
      ok: false,
    });

    const runId = randomUUID();
    let cancel: Promise<unknown> | undefined;
    const cancelled = router.invoke(
      'sweep.run',
      {
        connectorIdentifier: 'canary_user',
        runId,
        options: { endpointUrl },
        sweep: { regions: ['us-east-1', 'eu-west-1', 'eu-west-2'], concurrency: 1 },
      },
      sender,
      () => {
        cancel ??= call('test.cancel', { runId });
      },
    );
    seen.push({ where: 'sweep.run reply (cancelled)', text: JSON.stringify(await cancelled) });
    expect(await cancel).toMatchObject({ ok: true, value: { runId } });
    expect(await call('test.cancel', { runId: randomUUID() })).toMatchObject({ ok: true, value: { cancelled: false } });
    expect(await call('test.cancel', { runId: CANARIES.plainPassword })).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });

    expect(
      await call('preflight.run', { connectorIdentifier: 'canary_session', endpointUrl: withPassword, timeoutMs: 2000 }),
    ).toMatchObject({ ok: true, value: { status: 'pass' } });
    expect(await call('preflight.run', { regions: [], timeoutMs: 2000 })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });

    expect(await call('history.list')).toMatchObject({ ok: true, value: { total: 6 } });
    expect(await call('history.list', { search: 'canary_wrong', limit: 10 })).toMatchObject({ ok: true, value: { total: 2 } });
    expect(await call('history.list', { limit: 0 })).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
  });

  it('opens, compares, trends and re-runs recorded runs without a secret in any of them', async () => {
    const runs = (await call('history.list', { connector: 'canary_wrong', order: 'asc' })) as { value: { runs: Array<{ id: string }> } };
    const [first, second] = runs.value.runs;
    expect(await call('history.show', { runId: first!.id })).toMatchObject({ ok: true, value: { result: { runId: first!.id } } });
    expect(await call('history.show', { runId: CANARIES.plainPassword })).toMatchObject({ ok: false, error: { class: 'not_found' } });
    expect(await call('history.compare', { b: second!.id })).toMatchObject({ ok: true, value: { a: { runId: first!.id } } });
    expect(await call('history.trend', { connector: 'canary_wrong' })).toMatchObject({ ok: true });
    const rerun = await call('test.rerun', { fromRunId: second!.id });
    expect(rerun).toMatchObject({ ok: true, value: { status: 'fail' } });
    expect(await call('history.getRetention')).toMatchObject({ ok: true, value: { maxAgeDays: null } });
    expect(await call('history.setRetention', { maxAgeDays: null, keepPerConnector: 100 })).toMatchObject({ ok: true });
    expect(await call('history.prune', { keep: 100 })).toMatchObject({ ok: true, value: { deleted: 0 } });
    const rerunId = (rerun.value as { runId: string }).runId;
    expect(await call('history.delete', { runIds: [rerunId] })).toMatchObject({ ok: true, value: { deleted: 1 } });
  });

  it('tests an OIDC connector with a pasted token, and generates its AWS setup, without the token anywhere', async () => {
    const document: ConnectorDocument = {
      connector: {
        name: 'canary_oidc',
        identifier: 'canary_oidc',
        type: 'Aws',
        spec: {
          credential: { type: 'OidcAuthentication', spec: { iamRoleArn: oidcRole.arn }, region: 'us-east-1' },
          executeOnDelegate: false,
        },
      },
    };
    expect(await call('connectors.save', { document, secrets: [] })).toMatchObject({ ok: true });
    const endpointUrl = endpoint.url;
    const fresh = harnessToken(Math.floor(Date.now() / 1000) + 3600);
    const passed = await call('test.run', { connectorIdentifier: 'canary_oidc', options: { endpointUrl }, webIdentityToken: fresh });
    expect(passed).toMatchObject({ ok: true, value: { status: 'pass', connector: { credentialType: 'OidcAuthentication' } } });
    expect(
      await call('sweep.run', {
        connectorIdentifier: 'canary_oidc',
        options: { endpointUrl },
        sweep: { regions: ['us-east-1', 'eu-west-1'] },
        webIdentityToken: fresh,
      }),
    ).toMatchObject({ ok: true, value: { status: 'pass' } });
    const expired = await call('test.run', {
      connectorIdentifier: 'canary_oidc',
      options: { endpointUrl },
      webIdentityToken: harnessToken(Math.floor(Date.now() / 1000) - 60),
    });
    expect(JSON.stringify(expired)).toMatch(/"class":"expired_credentials"/);
    expect(await call('test.run', { connectorIdentifier: 'canary_oidc', options: { endpointUrl } })).toMatchObject({
      ok: true,
      value: { status: 'fail' },
    });
    expect(
      await call('test.run', { connectorIdentifier: 'canary_oidc', webIdentityToken: CANARIES.oidcTokenSignature.repeat(60) }),
    ).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });

    expect(await call('oidc.setup', { harnessAccountId: HARNESS_ACCOUNT, awsAccountId: ACCOUNTS.main, org: 'default' })).toMatchObject({
      ok: true,
      value: { providerUrl: harnessIssuerUrl(HARNESS_ACCOUNT), roleArn: `arn:aws:iam::${ACCOUNTS.main}:role/harness-oidc` },
    });
    expect(await call('oidc.setup', { harnessAccountId: HARNESS_ACCOUNT, awsAccountId: CANARIES.plainPassword })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
  });

  it('a proxy password in the environment stays out of test and preflight results when the proxy is down', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as { port: number };
    await new Promise((resolve) => closed.close(resolve));
    const saved = Object.fromEntries(['HTTP_PROXY', 'NO_PROXY', 'no_proxy'].map((name) => [name, process.env[name]]));
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    process.env.HTTP_PROXY = `http://awb:${CANARIES.proxyEnvPassword}@127.0.0.1:${port}`;
    try {
      const run = await call('test.run', { connectorIdentifier: 'canary_user', options: { endpointUrl: endpoint.url, timeoutMs: 2000 } });
      expect(run).toMatchObject({ ok: true, value: { status: 'fail' } });
      expect(await call('preflight.run', { endpointUrl: endpoint.url, timeoutMs: 2000 })).toMatchObject({
        ok: true,
        value: { status: 'fail' },
      });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('the doctor, the policy check and the delegate tools answer about pasted secrets without quoting them', async () => {
    const diagnosis = await call('doctor.diagnose', {
      inputs: [
        { name: 'env.txt', text: envDump },
        { name: 'delegate.yaml', text: manifest },
      ],
    });
    expect(diagnosis).toMatchObject({
      ok: true,
      value: { findings: expect.arrayContaining([expect.objectContaining({ class: 'secret_key_mismatch' })]) },
    });
    expect(await call('doctor.diagnose', { inputs: [] })).toMatchObject({ ok: false, error: { class: 'invalid_argument' } });
    expect(await call('collect.script', { namespace: 'harness-delegate-ng', regions: ['us-east-1'], exec: true })).toMatchObject({
      ok: true,
      value: { fileName: 'awb-collect.sh' },
    });
    expect(await call('collect.script', { namespace: CANARIES.plainPassword })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });

    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' }],
    });
    expect(await call('policy.check', { identity: [{ name: 'harness', text: policy }], useCases: ['ecr-pull'] })).toMatchObject({
      ok: true,
    });
    // The whole clipboard pasted into the policy box: the env dump before the JSON.
    expect(
      await call('policy.check', {
        identity: [{ name: 'pasted', text: `${envDump}\n${policy}` }],
        session: { name: 'session', text: `{"Version": "2012-10-17", "Statement": "${CANARIES.pastedSecretKey}"}` },
      }),
    ).toMatchObject({ ok: true });
    expect(
      await call('policy.check', {
        identity: [{ name: 'key', text: CANARIES.pastedSecretKey }],
        boundary: { name: 'pw', text: CANARIES.proxyPassword.slice(0, 16) },
      }),
    ).toMatchObject({ ok: true, value: { lint: [{ path: 'identity[key]' }, { path: 'boundary' }] } });
    expect(await call('policy.check', { identity: [{ name: '', text: CANARIES.pastedSecretKey }] })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });

    expect(await call('delegate.analyze', { manifest })).toMatchObject({ ok: true, value: { hasUpgrader: true } });
    expect(await call('delegate.irsa', { manifest, form })).toMatchObject({ ok: true });
    expect(await call('delegate.irsa', { manifest, form: { ...form, roleArn: CANARIES.proxyPassword } })).toMatchObject({
      ok: true,
      value: { edits: null },
    });
    expect(await call('delegate.irsa', { manifest, form: { serviceAccount: '' } })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
    expect(await call('delegate.generate', { form })).toMatchObject({ ok: true });
    expect(await call('delegate.generate', { form: { ...form, token: CANARIES.delegateToken } })).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
  });

  it('reports of every section kind, in every format, with and without masks, carry no canary (reports.build, save, import)', async () => {
    const accessKeyIds = [user.accessKeyId, session.accessKeyId];
    const planted = {
      call,
      canaries: CANARIES,
      envDump,
      manifest,
      form,
      endpointUrl: endpoint.url,
      userData: t.ctx.paths.userData,
      accessKeyIds,
    };
    await exportEveryReport(planted);
  });

  it('refuses unknown channels and calls from other pages without echoing their arguments', async () => {
    expect(await call('secrets.get', { ref: 'account.canary_user_sk' })).toMatchObject({ ok: false, error: { class: 'unknown_channel' } });
    expect(
      await call(
        'secrets.set',
        { ref: 'account.canary_evil', value: CANARIES.plainPassword },
        { url: 'https://evil.example/', isTopFrame: true },
      ),
    ).toMatchObject({ ok: false, error: { class: 'forbidden_sender' } });
    expect(await call('connectors.get', { identifier: 'canary_user' }, { url: APP_URL, isTopFrame: false })).toMatchObject({
      ok: false,
      error: { class: 'forbidden_sender' },
    });
  });

  it('no canary appears in any IPC reply, progress event, log line or console line', () => {
    expect(seen.filter((s) => s.where.endsWith('progress')).length).toBeGreaterThan(0);
    expect(
      findCanaries(
        CANARIES,
        seen.map(({ where, text }) => ({ where, bytes: Buffer.from(text) })),
      ),
    ).toEqual([]);
  });

  it('no canary appears in any byte under the userData folder, with the database open (WAL) and after closing it', () => {
    const { userData } = t.ctx.paths;
    const open = filesUnder(userData).map(({ path, bytes }) => ({ where: `${path} (database open)`, bytes }));
    expect(open.map((f) => f.where)).toContain(`${t.ctx.paths.database} (database open)`);
    t.ctx.close();
    const closed = filesUnder(userData).map(({ path, bytes }) => ({ where: `${path} (database closed)`, bytes }));
    expect(findCanaries(CANARIES, [...open, ...closed])).toEqual([]);
  });

  it('every contract channel was called at least once, so a new channel must join this test', () => {
    expect(channelNames.filter((name) => !called.has(name))).toEqual([]);
  });
});
