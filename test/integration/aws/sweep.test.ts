import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunProgress } from '../../../shared/aws-test/result';
import { regionsOfPartition } from '../../../shared/regions';
import { ACCOUNTS, buildWorld } from '../../aws-endpoint';
import { sharedEndpoint, withEndpoint } from '../../helpers/aws-endpoint';
import { manualConnector, run, secretsOf } from './helpers';

const world = buildWorld({
  overrides: {
    accounts: [
      { id: ACCOUNTS.main, enabledOptInRegions: ['eu-south-1'], stsDisabledRegions: ['eu-west-3'], scpDeniedRegions: ['sa-east-1'] },
      { id: ACCOUNTS.gov },
    ],
    faults: { 'ap-northeast-3': { hang: true }, 'eu-north-1': { throttles: 1 }, 'ca-central-1': { serverErrors: 1 } },
  },
});
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);

const regionOf = (result: Awaited<ReturnType<typeof run>>, code: string) => result.regions.find((r) => r.region === code);
const errorOf = (result: Awaited<ReturnType<typeof run>>, code: string, check: string) =>
  regionOf(result, code)?.checks.find((c) => c.name === check)?.error;

describe('region sweep', () => {
  it('tests the commercial partition, reports each cause once, and skips other partitions with one finding each', async () => {
    const progress: RunProgress[] = [];
    const result = await run(
      manualConnector(world.admin),
      // Long enough for a throttled call's backoff and retry; the hung region waits it out once.
      { endpointUrl: endpoint.url, timeoutMs: 2500 },
      { secrets: secretsOf(world.admin) },
      { regions: 'all', concurrency: 16 },
      { onProgress: (event) => progress.push(event) },
    );
    const commercial = regionsOfPartition('aws').map((r) => r.code);
    expect(result.kind).toBe('sweep');
    expect(result.regions.map((r) => r.region)).toEqual([...commercial, 'us-gov-west-1', 'us-gov-east-1', 'cn-north-1', 'cn-northwest-1']);

    // default regions pass, including the ones that throttled or failed once and then recovered on retry
    for (const code of ['us-east-1', 'eu-west-1', 'eu-north-1', 'ca-central-1']) expect(regionOf(result, code)?.status).toBe('pass');
    expect(
      endpoint.requests.some(
        (r) => (r.region === 'eu-north-1' && r.code === 'RequestLimitExceeded') || (r.region === 'eu-north-1' && r.code === 'Throttling'),
      ),
    ).toBe(true);

    // the enabled opt-in region passes, the others are region_not_enabled
    expect(regionOf(result, 'eu-south-1')?.status).toBe('pass');
    expect(errorOf(result, 'af-south-1', 'sts_get_caller_identity')).toMatchObject({
      code: 'InvalidClientTokenId',
      class: 'region_not_enabled',
    });
    expect(errorOf(result, 'af-south-1', 'sts_get_caller_identity')?.fix).toContain('af-south-1');

    // STS deactivated: its own class, and EC2 still tested there
    expect(errorOf(result, 'eu-west-3', 'sts_get_caller_identity')).toMatchObject({
      code: 'RegionDisabledException',
      class: 'sts_region_disabled',
    });
    expect(regionOf(result, 'eu-west-3')?.checks.find((c) => c.name === 'ec2_describe_regions')?.status).toBe('pass');

    // SCP region deny
    expect(errorOf(result, 'sa-east-1', 'ec2_describe_regions')).toMatchObject({ code: 'UnauthorizedOperation', class: 'explicit_deny' });

    // the hung region times out; the others finished
    expect(errorOf(result, 'ap-northeast-3', 'sts_get_caller_identity')).toMatchObject({ code: 'Timeout', class: 'network_unreachable' });

    // GovCloud and China: skipped, one finding per partition, not eight failures
    for (const code of ['us-gov-west-1', 'cn-north-1']) expect(regionOf(result, code)?.status).toBe('skipped');
    expect(endpoint.requests.some((r) => r.region.startsWith('us-gov-') || r.region.startsWith('cn-'))).toBe(false);
    const classes = result.findings.map((f) => f.class);
    expect(classes.filter((c) => c === 'partition_mismatch')).toHaveLength(2);
    expect(classes.filter((c) => c === 'region_not_enabled')).toHaveLength(1);
    expect(result.findings.find((f) => f.class === 'partition_mismatch')).toMatchObject({
      severity: 'info',
      title: expect.stringContaining('AWS GovCloud (US) not tested'),
    });
    expect(result.findings.map((f) => f.class)).toEqual(
      expect.arrayContaining(['sts_region_disabled', 'explicit_deny', 'network_unreachable']),
    );

    expect(progress.at(-1)).toMatchObject({ completed: result.regions.length, total: result.regions.length });
    expect(result.status).toBe('fail');
  });

  it('GovCloud keys with a commercial test region: partition_mismatch, found by asking GovCloud', async () => {
    const result = await run(manualConnector(world.govUser), { endpointUrl: endpoint.url }, { secrets: secretsOf(world.govUser) });
    expect(errorOf(result, 'us-east-1', 'sts_get_caller_identity')).toMatchObject({
      code: 'InvalidClientTokenId',
      class: 'partition_mismatch',
    });
    expect(result.findings[0]).toMatchObject({
      class: 'partition_mismatch',
      severity: 'error',
      fix: expect.stringContaining('us-gov-west-1'),
    });
    expect(result.findings[0]?.title).toContain(world.govUser.arn);
  });

  it('commercial keys with a GovCloud test region: partition_mismatch', async () => {
    const result = await run(
      manualConnector(world.admin, { testRegion: 'us-gov-west-1' }),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin) },
    );
    expect(errorOf(result, 'us-gov-west-1', 'sts_get_caller_identity')?.class).toBe('partition_mismatch');
    expect(result.findings[0]?.fix).toContain('us-east-1');
  });

  it('a GovCloud sweep with GovCloud keys passes and skips nothing it was asked for', async () => {
    const result = await run(
      manualConnector(world.govUser, { testRegion: 'us-gov-west-1' }),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.govUser) },
      { regions: 'gov' },
    );
    expect(result.regions.map((r) => [r.region, r.status])).toEqual([
      ['us-gov-west-1', 'pass'],
      ['us-gov-east-1', 'pass'],
    ]);
  });

  it('"reported" sweeps exactly the regions ec2:DescribeRegions lists for the account', async () => {
    const result = await run(
      manualConnector(world.admin, { testRegion: 'eu-west-1' }),
      { endpointUrl: endpoint.url, timeoutMs: 1500 },
      { secrets: secretsOf(world.admin) },
      { regions: 'reported', concurrency: 16 },
    );
    const enabled = regionsOfPartition('aws')
      .filter((r) => !r.optIn || r.code === 'eu-south-1')
      .map((r) => r.code);
    expect(result.regions.map((r) => r.region)).toEqual(enabled);
    expect(result.regions.find((r) => r.region === 'af-south-1')).toBeUndefined();
  });

  it('a region that exceeds its own budget fails as a timeout at the step in flight', async () => {
    const slow = buildWorld({ overrides: { faults: { 'eu-west-2': { latencyMs: 400 } } } });
    await withEndpoint(slow.config, async (server) => {
      const result = await run(
        manualConnector(slow.admin),
        { endpointUrl: server.url, timeoutMs: 5000 },
        { secrets: secretsOf(slow.admin) },
        { regions: ['us-east-1', 'eu-west-2'], regionTimeoutMs: 600 },
      );
      expect(regionOf(result, 'us-east-1')?.status).toBe('pass');
      expect(regionOf(result, 'eu-west-2')?.checks.find((c) => c.name === 'sts_get_caller_identity')?.status).toBe('pass');
      expect(errorOf(result, 'eu-west-2', 'ec2_describe_regions')).toMatchObject({
        code: 'Timeout',
        class: 'network_unreachable',
        message: expect.stringContaining('600 ms budget'),
      });
    });
  });

  it("throttling that outlasts the SDK's retries is reported as throttling with its fix", async () => {
    const busy = buildWorld({ overrides: { faults: { 'us-east-1': { throttles: 10 } } } });
    await withEndpoint(busy.config, async (server) => {
      const result = await run(
        manualConnector(busy.admin),
        { endpointUrl: server.url, timeoutMs: 20_000 },
        { secrets: secretsOf(busy.admin) },
      );
      expect(errorOf(result, 'us-east-1', 'sts_get_caller_identity')).toMatchObject({
        code: 'Throttling',
        class: 'throttling',
        fix: expect.stringContaining('concurrency'),
      });
      expect(server.requests.filter((r) => r.code === 'Throttling')).toHaveLength(3);
    });
  });

  it('a single opt-in test region that is not enabled is region_not_enabled', async () => {
    const result = await run(
      manualConnector(world.admin, { testRegion: 'me-south-1' }),
      { endpointUrl: endpoint.url },
      { secrets: secretsOf(world.admin) },
    );
    expect(errorOf(result, 'me-south-1', 'sts_get_caller_identity')?.class).toBe('region_not_enabled');
  });

  it('cancel mid-sweep: finished regions keep their results, the rest are skipped as cancelled', async () => {
    const slow = buildWorld({
      overrides: { faults: Object.fromEntries(regionsOfPartition('aws').map((r, i) => [r.code, { latencyMs: i < 2 ? 0 : 400 }])) },
    });
    const controller = new AbortController();
    await withEndpoint(slow.config, async (server) => {
      const result = await run(
        manualConnector(slow.admin),
        { endpointUrl: server.url },
        { secrets: secretsOf(slow.admin) },
        { regions: 'commercial', concurrency: 2 },
        { signal: controller.signal, onProgress: (event) => event.completed >= 2 && controller.abort() },
      );
      expect(result.cancelled).toBe(true);
      expect(result.status).toBe('fail');
      expect(result.regions.filter((r) => r.status === 'pass').length).toBeGreaterThanOrEqual(2);
      const cancelled = result.regions.filter((r) => r.checks.some((c) => c.error?.class === 'cancelled'));
      expect(cancelled.length).toBeGreaterThan(10);
      expect(cancelled.every((r) => r.status !== 'pass')).toBe(true);
    });
  });
});
