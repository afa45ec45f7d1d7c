import { describe, expect, it } from 'vitest';
import { testConnectorFrom } from '../../../shared/aws-test/from-connector';
import { testConnectorSchema } from '../../../shared/aws-test/input';
import type { Connector } from '../../../shared/connector';
import { regionsOfPartition } from '../../../shared/regions';
import { createEndpointResolver } from '../../../electron/services/aws/endpoints';
import { bypassesProxy, proxyFor } from '../../../electron/services/aws/http';
import { homePartition, planRegions } from '../../../electron/services/aws/sweep-plan';
import { historyStatus } from '../../../electron/services/history/run-record';
import type { RunResult } from '../../../shared/aws-test/result';

describe('region plans', () => {
  it('expands presets from the catalog and keeps a list in order without duplicates', () => {
    expect(planRegions('gov')).toEqual(['us-gov-west-1', 'us-gov-east-1']);
    expect(planRegions('commercial')).toHaveLength(regionsOfPartition('aws').length);
    expect(planRegions('all')).toContain('cn-northwest-1');
    expect(planRegions(['eu-west-1', 'us-east-1', 'eu-west-1'])).toEqual(['eu-west-1', 'us-east-1']);
    expect(() => planRegions(['xx-north-1'])).toThrow(/Not AWS regions: xx-north-1/);
  });

  it("starts in the Test Region's partition when the list covers it, else the first listed region's", () => {
    expect(homePartition('us-east-1', ['cn-north-1', 'us-west-2'])).toBe('aws');
    expect(homePartition('us-east-1', ['us-gov-west-1'])).toBe('aws-us-gov');
  });
});

describe('endpoints', () => {
  it('uses the catalog hosts, FIPS on request, or the custom URL for every service', () => {
    expect(createEndpointResolver()('sts', 'eu-west-1').host).toBe('sts.eu-west-1.amazonaws.com');
    expect(createEndpointResolver()('ec2', 'cn-north-1').host).toBe('ec2.cn-north-1.amazonaws.com.cn');
    expect(createEndpointResolver({ fips: true })('sts', 'us-east-2').host).toBe('sts-fips.us-east-2.amazonaws.com');
    expect(() => createEndpointResolver({ fips: true })('sts', 'eu-west-1')).toThrow(/no FIPS STS endpoint in eu-west-1/);
    expect(createEndpointResolver({ endpointUrl: 'http://127.0.0.1:4566' })('ec2', 'ap-south-1').toString()).toBe('http://127.0.0.1:4566/');
  });
});

describe('proxy selection', () => {
  const sts = new URL('https://sts.us-east-1.amazonaws.com');
  it.each([
    ['', false],
    ['*', true],
    ['.amazonaws.com', true],
    ['*.amazonaws.com', true],
    ['amazonaws.com', true],
    ['sts.us-east-1.amazonaws.com:443', true],
    ['sts.us-east-1.amazonaws.com:8443', false],
    ['example.com, 10.0.0.0', false],
    ['mazonaws.com', false],
  ])('NO_PROXY=%j bypasses: %s', (noProxy, expected) => {
    expect(bypassesProxy(sts, noProxy)).toBe(expected);
  });

  it('takes HTTPS_PROXY for https and HTTP_PROXY for http, lower case too', () => {
    expect(proxyFor(sts, { https_proxy: 'http://p:3128' })).toBe('http://p:3128');
    expect(proxyFor(new URL('http://127.0.0.1:9000'), { HTTPS_PROXY: 'http://p:3128' })).toBeNull();
    expect(proxyFor(sts, { HTTPS_PROXY: 'http://p:3128', NO_PROXY: '.amazonaws.com' })).toBeNull();
  });
});

describe('connector to test input', () => {
  const base = (credential: Record<string, unknown>): Connector =>
    ({ name: 'x', identifier: 'x', type: 'Aws', spec: { credential } }) as unknown as Connector;
  it('defaults the Test Region to us-east-1 and maps cross-account access', () => {
    const input = testConnectorFrom(
      base({
        type: 'Irsa',
        spec: null,
        crossAccountAccess: { crossAccountRoleArn: 'arn:aws:iam::222222222222:role/Deploy', externalId: '' },
      }),
    );
    expect(input).toEqual({
      identifier: 'x',
      credentialType: 'Irsa',
      testRegion: 'us-east-1',
      crossAccount: { roleArn: 'arn:aws:iam::222222222222:role/Deploy', externalId: undefined },
    });
  });
  it('keeps ManualConfig references, and for OIDC the role and session tag keys (the token comes with each run)', () => {
    expect(
      testConnectorFrom(base({ type: 'ManualConfig', spec: { accessKeyRef: 'org.ak', secretKeyRef: 'org.sk' }, region: 'eu-west-1' }))
        .manual,
    ).toEqual({ accessKey: undefined, accessKeyRef: 'org.ak', secretKeyRef: 'org.sk', sessionTokenRef: undefined });
    const oidc = testConnectorFrom(
      base({ type: 'OidcAuthentication', spec: { iamRoleArn: 'arn:aws:iam::111111111111:role/x', oidcSessionTagKeys: ['pipeline_id'] } }),
    );
    expect(oidc).toMatchObject({
      credentialType: 'OidcAuthentication',
      oidc: { roleArn: 'arn:aws:iam::111111111111:role/x', sessionTagKeys: ['pipeline_id'] },
    });
    expect(oidc).not.toHaveProperty('manual');
    expect(testConnectorSchema.safeParse({ ...oidc, oidc: undefined }).success).toBe(false);
  });
});

describe('history status of a run', () => {
  const run = (over: Partial<RunResult>, codes: string[] = []): RunResult => ({
    schemaVersion: 1,
    runId: 'r',
    kind: 'test',
    connector: { identifier: 'x', credentialType: 'ManualConfig', testRegion: 'us-east-1', crossAccount: false },
    status: codes.length ? 'fail' : 'pass',
    cancelled: false,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1,
    findings: [],
    regions: [
      {
        region: 'us-east-1',
        partition: 'aws',
        status: 'fail',
        identity: null,
        checks: codes.map((code) => ({
          name: 'sts_get_caller_identity',
          status: 'fail',
          durationMs: 1,
          requestId: null,
          error: { code, message: '', class: 'network_unreachable', fix: '' },
        })),
      },
    ],
    ...over,
  });
  it('is passed, failed, timeout (only timeouts failed) or cancelled', () => {
    expect(historyStatus(run({}))).toBe('passed');
    expect(historyStatus(run({}, ['Timeout']))).toBe('timeout');
    expect(historyStatus(run({}, ['Timeout', 'AccessDenied']))).toBe('failed');
    expect(historyStatus(run({ cancelled: true }, ['Timeout']))).toBe('cancelled');
  });
});
