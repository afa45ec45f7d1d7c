import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, userKeys } from '../../aws-endpoint';
import { sharedEndpoint, withEndpoint } from '../../helpers/aws-endpoint';
import { valueSecrets } from '../../../electron/services/aws/value-secrets';
import { manualConnector, run, secretsOf } from './helpers';

const world = buildWorld();
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);

const opts = () => ({ endpointUrl: endpoint.url });
const check = (result: Awaited<ReturnType<typeof run>>, name: string) => result.regions[0]?.checks.find((c) => c.name === name);

describe('ManualConfig connection test', () => {
  it('passes every step with valid keys and reports the identity', async () => {
    const result = await run(manualConnector(world.admin), opts(), { secrets: secretsOf(world.admin) });
    expect(result.status).toBe('pass');
    const [region] = result.regions;
    expect(region?.identity).toEqual({ account: '111111111111', arn: world.admin.arn, userId: world.admin.userId });
    expect(region?.checks.map((c) => [c.name, c.status])).toEqual([
      ['resolve_credentials', 'pass'],
      ['sts_get_caller_identity', 'pass'],
      ['sts_assume_role', 'skipped'],
      ['ec2_describe_regions', 'pass'],
    ]);
    expect(check(result, 'sts_get_caller_identity')?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.findings).toEqual([]);
  });

  it('an unknown access key is invalid_access_key_id and EC2 is not attempted', async () => {
    const result = await run(manualConnector(userKeys()), opts(), { secrets: secretsOf({ secretAccessKey: world.admin.secretAccessKey }) });
    expect(result.status).toBe('fail');
    expect(check(result, 'sts_get_caller_identity')?.error).toMatchObject({ code: 'InvalidClientTokenId', class: 'invalid_access_key_id' });
    expect(check(result, 'sts_get_caller_identity')?.error?.fix).toMatch(/Access Key ID/);
    expect(check(result, 'ec2_describe_regions')?.status).toBe('skipped');
  });

  it('a wrong secret is secret_key_mismatch, and the secret never appears in the result', async () => {
    const wrong = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const result = await run(manualConnector(world.admin), opts(), { secrets: valueSecrets({ 'account.aws_secret': wrong }) });
    expect(check(result, 'sts_get_caller_identity')?.error).toMatchObject({ code: 'SignatureDoesNotMatch', class: 'secret_key_mismatch' });
    expect(check(result, 'sts_get_caller_identity')?.error?.fix).toMatch(/Secret Key/);
    expect(JSON.stringify(result)).not.toContain(wrong);
  });

  it('a missing keychain entry fails the resolve step with secret_not_found', async () => {
    const result = await run(manualConnector(world.admin), opts(), { secrets: valueSecrets({}) });
    expect(check(result, 'resolve_credentials')?.error).toMatchObject({ class: 'secret_not_found' });
    expect(check(result, 'resolve_credentials')?.error?.fix).toContain('account.aws_secret');
    expect(check(result, 'sts_get_caller_identity')?.status).toBe('skipped');
  });

  it('an ASIA key without a session token fails before any request with missing_session_token', async () => {
    const before = endpoint.requests.length;
    const result = await run(manualConnector(world.temporary), opts(), { secrets: secretsOf(world.temporary) });
    expect(check(result, 'resolve_credentials')?.error).toMatchObject({ class: 'missing_session_token' });
    expect(check(result, 'resolve_credentials')?.error?.fix).toMatch(/session token/);
    expect(endpoint.requests.length).toBe(before);
  });

  it('an ASIA key with its session token passes', async () => {
    const connector = manualConnector(world.temporary, {
      manual: { accessKey: world.temporary.accessKeyId, secretKeyRef: 'account.aws_secret', sessionTokenRef: 'account.aws_token' },
    });
    const result = await run(connector, opts(), { secrets: secretsOf(world.temporary) });
    expect(result.status).toBe('pass');
    expect(result.regions[0]?.identity?.arn).toContain(':assumed-role/Ops/');
  });

  it('expired temporary credentials are expired_credentials', async () => {
    const connector = manualConnector(world.expired, {
      manual: { accessKey: world.expired.accessKeyId, secretKeyRef: 'account.aws_secret', sessionTokenRef: 'account.aws_token' },
    });
    const result = await run(connector, opts(), { secrets: secretsOf(world.expired) });
    expect(check(result, 'sts_get_caller_identity')?.error).toMatchObject({ code: 'ExpiredToken', class: 'expired_credentials' });
    expect(check(result, 'sts_get_caller_identity')?.error?.fix).toMatch(/expired/);
  });

  it('missing ec2:DescribeRegions is permission_denied on the EC2 step only', async () => {
    const result = await run(manualConnector(world.noEc2), opts(), { secrets: secretsOf(world.noEc2) });
    expect(check(result, 'sts_get_caller_identity')?.status).toBe('pass');
    expect(check(result, 'ec2_describe_regions')?.error).toMatchObject({ code: 'UnauthorizedOperation', class: 'permission_denied' });
    expect(check(result, 'ec2_describe_regions')?.error?.fix).toContain('ec2:DescribeRegions');
    expect(result.findings).toEqual([expect.objectContaining({ class: 'permission_denied', severity: 'error' })]);
  });
});

describe('clock skew', () => {
  it('a clock 20 minutes off from AWS is clock_skew on the first signed call', async () => {
    const skewed = buildWorld({ now: () => new Date(Date.now() + 20 * 60_000) });
    await withEndpoint(skewed.config, async (server) => {
      const result = await run(manualConnector(skewed.admin), { endpointUrl: server.url }, { secrets: secretsOf(skewed.admin) });
      const error = check(result, 'sts_get_caller_identity')?.error;
      expect(error).toMatchObject({ code: 'SignatureDoesNotMatch', class: 'clock_skew' });
      expect(error?.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
      expect(error?.fix).toMatch(/NTP/);
    });
  });
});
