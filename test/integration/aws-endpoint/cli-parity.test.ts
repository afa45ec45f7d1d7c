import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DescribeRegionsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, EXTERNAL_ID, type PrincipalSpec } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';

/**
 * The loopback endpoint is only worth trusting if a client we did not write agrees with it: every
 * case runs through the AWS CLI and through the AWS SDK for JavaScript, and both must see the same
 * answer (the same identity and regions, or the same error code and message).
 */
const run = promisify(execFile);
const dir = tempDir('awb-cli-');
const world = buildWorld();
const skewedWorld = buildWorld({ now: () => new Date(Date.now() - 30 * 60_000) });
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const skewed = sharedEndpoint({ beforeAll, afterAll }, skewedWorld.config);

afterAll(() => dir.remove());

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** Clock-skew messages quote the signing and server times; the two clients sign seconds apart. */
const timeless = (message: string) => message.replace(/\d{8}T\d{6}Z/g, '<time>');
type Keys = Pick<PrincipalSpec, 'accessKeyId' | 'secretAccessKey' | 'sessionToken'>;

async function cli(url: string, keys: Keys | null, region: string, args: string[]): Promise<Outcome> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir.path,
    AWS_CONFIG_FILE: join(dir.path, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir.path, 'none'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
  };
  if (keys)
    Object.assign(env, {
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      ...(keys.sessionToken ? { AWS_SESSION_TOKEN: keys.sessionToken } : {}),
    });
  try {
    const { stdout } = await run('aws', ['--endpoint-url', url, '--region', region, '--output', 'json', ...args], { env });
    return { ok: true, value: JSON.parse(stdout) };
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? '');
    // AWS CLI v2 adds "(reached max retries: N)" before the colon; v1 does not.
    const match = /An error occurred \(([^)]+)\) when calling the \w+ operation(?: \(reached max retries: \d+\))?: (.*)/.exec(stderr);
    if (!match) throw new Error(`The AWS CLI failed without an AWS error: ${stderr}`, { cause: error });
    return { ok: false, code: match[1]!, message: timeless(match[2]!.trim()) };
  }
}

async function sdk(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: await call() };
  } catch (error) {
    // The SDK names modeled exceptions (InvalidIdentityTokenException); Code is the wire code the CLI prints.
    const e = error as { name: string; Code?: string; message: string };
    return { ok: false, code: e.Code ?? e.name, message: timeless(e.message) };
  }
}

const config = (url: string, region: string, keys: Keys) => ({
  endpoint: url,
  region,
  maxAttempts: 1,
  disableClockSkewCorrection: true,
  credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey, sessionToken: keys.sessionToken },
});

async function callerIdentity(url: string, keys: Keys, region: string) {
  const viaSdk = await sdk(async () => {
    const out = await new STSClient(config(url, region, keys)).send(new GetCallerIdentityCommand({}));
    return { Account: out.Account, Arn: out.Arn, UserId: out.UserId };
  });
  return { viaSdk, viaCli: await cli(url, keys, region, ['sts', 'get-caller-identity']) };
}

async function regions(url: string, keys: Keys, region: string) {
  const viaSdk = await sdk(async () =>
    (await new EC2Client(config(url, region, keys)).send(new DescribeRegionsCommand({}))).Regions?.map((r) => r.RegionName),
  );
  const viaCli = await cli(url, keys, region, ['ec2', 'describe-regions']);
  return {
    viaSdk,
    viaCli: viaCli.ok
      ? { ok: true, value: (viaCli.value as { Regions: Array<{ RegionName: string }> }).Regions.map((r) => r.RegionName) }
      : viaCli,
  };
}

describe('the AWS CLI and the SDK get the same answers from the loopback endpoint', () => {
  it('GetCallerIdentity with valid keys', async () => {
    const { viaSdk, viaCli } = await callerIdentity(endpoint.url, world.admin, 'eu-west-1');
    expect(viaCli).toEqual({ ok: true, value: { Account: '111111111111', Arn: world.admin.arn, UserId: world.admin.userId } });
    expect(viaSdk).toEqual(viaCli);
  });

  it('DescribeRegions lists the enabled regions of the partition', async () => {
    const { viaSdk, viaCli } = await regions(endpoint.url, world.admin, 'us-west-2');
    expect(viaCli.ok && (viaCli.value as string[])).toContain('eu-south-1');
    expect(viaCli.ok && (viaCli.value as string[])).not.toContain('af-south-1');
    expect(viaSdk).toEqual(viaCli);
  });

  it.each([
    [
      'an unknown key (STS)',
      () => callerIdentity(endpoint.url, { ...world.admin, accessKeyId: 'AKIAUNKNOWNKEY000000' }, 'us-east-1'),
      'InvalidClientTokenId',
    ],
    [
      'an unknown key (EC2)',
      () => regions(endpoint.url, { ...world.admin, accessKeyId: 'AKIAUNKNOWNKEY000000' }, 'us-east-1'),
      'AuthFailure',
    ],
    [
      'a wrong secret (STS)',
      () => callerIdentity(endpoint.url, { ...world.admin, secretAccessKey: 'x'.repeat(40) }, 'us-east-1'),
      'SignatureDoesNotMatch',
    ],
    [
      'a wrong secret (EC2)',
      () => regions(endpoint.url, { ...world.admin, secretAccessKey: 'x'.repeat(40) }, 'us-east-1'),
      'SignatureDoesNotMatch',
    ],
    ['a skewed clock (STS)', () => callerIdentity(skewed.url, skewedWorld.admin, 'us-east-1'), 'SignatureDoesNotMatch'],
    ['a skewed clock (EC2)', () => regions(skewed.url, skewedWorld.admin, 'us-east-1'), 'RequestExpired'],
    [
      'an ASIA key without its token',
      () => callerIdentity(endpoint.url, { ...world.temporary, sessionToken: undefined }, 'us-east-1'),
      'InvalidClientTokenId',
    ],
    ['expired temporary credentials (STS)', () => callerIdentity(endpoint.url, world.expired, 'us-east-1'), 'ExpiredToken'],
    ['expired temporary credentials (EC2)', () => regions(endpoint.url, world.expired, 'us-east-1'), 'RequestExpired'],
    ['a missing ec2:DescribeRegions permission', () => regions(endpoint.url, world.noEc2, 'us-east-1'), 'UnauthorizedOperation'],
    ['GovCloud keys in a commercial region', () => callerIdentity(endpoint.url, world.govUser, 'us-east-1'), 'InvalidClientTokenId'],
    ['commercial keys in GovCloud', () => regions(endpoint.url, world.admin, 'us-gov-west-1'), 'AuthFailure'],
    ['an opt-in region that is not enabled', () => regions(endpoint.url, world.admin, 'af-south-1'), 'AuthFailure'],
  ])('%s', async (_name, call, code) => {
    const { viaSdk, viaCli } = await call();
    expect(viaCli).toMatchObject({ ok: false, code });
    expect(viaSdk).toEqual(viaCli);
  });

  it('AssumeRole with the right and the wrong External Id', async () => {
    const assume = async (externalId: string) => {
      const viaSdk = await sdk(
        async () =>
          (
            await new STSClient(config(endpoint.url, 'us-east-1', world.admin)).send(
              new AssumeRoleCommand({ RoleArn: world.deployRole.arn, RoleSessionName: 'parity', ExternalId: externalId }),
            )
          ).AssumedRoleUser,
      );
      const viaCli = await cli(endpoint.url, world.admin, 'us-east-1', [
        'sts',
        'assume-role',
        '--role-arn',
        world.deployRole.arn,
        '--role-session-name',
        'parity',
        '--external-id',
        externalId,
      ]);
      return { viaSdk, viaCli: viaCli.ok ? { ok: true, value: (viaCli.value as { AssumedRoleUser: unknown }).AssumedRoleUser } : viaCli };
    };
    const right = await assume(EXTERNAL_ID);
    expect(right.viaCli).toEqual({
      ok: true,
      value: { AssumedRoleId: 'AROADEPLOYEXAMPLE0001:parity', Arn: 'arn:aws:sts::222222222222:assumed-role/HarnessDeploy/parity' },
    });
    expect(right.viaSdk).toEqual(right.viaCli);
    const wrong = await assume('not-the-id');
    expect(wrong.viaCli).toMatchObject({ ok: false, code: 'AccessDenied' });
    expect(wrong.viaSdk).toEqual(wrong.viaCli);
  });

  it('AssumeRoleWithWebIdentity (unsigned) accepts the right token and rejects a wrong audience', async () => {
    const exchange = async (token: string) => {
      const viaSdk = await sdk(
        async () =>
          (
            await new STSClient({ endpoint: endpoint.url, region: 'us-east-1', maxAttempts: 1 }).send(
              new AssumeRoleWithWebIdentityCommand({ RoleArn: world.irsaRole.arn, RoleSessionName: 'parity', WebIdentityToken: token }),
            )
          ).SubjectFromWebIdentityToken,
      );
      const tokenFile = join(dir.path, `token-${Math.random()}`);
      writeFileSync(tokenFile, token);
      const viaCli = await cli(endpoint.url, null, 'us-east-1', [
        'sts',
        'assume-role-with-web-identity',
        '--role-arn',
        world.irsaRole.arn,
        '--role-session-name',
        'parity',
        '--web-identity-token',
        `file://${tokenFile}`,
      ]);
      return {
        viaSdk,
        viaCli: viaCli.ok
          ? { ok: true, value: (viaCli.value as { SubjectFromWebIdentityToken: string }).SubjectFromWebIdentityToken }
          : viaCli,
      };
    };
    const good = await exchange(world.token());
    expect(good.viaCli).toEqual({ ok: true, value: 'system:serviceaccount:harness-delegate-ng:harness-delegate' });
    expect(good.viaSdk).toEqual(good.viaCli);
    const bad = await exchange(world.token({ aud: 'wrong' }));
    expect(bad.viaCli).toEqual({ ok: false, code: 'InvalidIdentityToken', message: 'Incorrect token audience' });
    expect(bad.viaSdk).toEqual(bad.viaCli);
  });
});
