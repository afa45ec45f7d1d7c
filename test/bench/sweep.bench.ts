import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { regionsOfPartition } from '../../shared/regions';
import { sweepOptionsSchema, testOptionsSchema } from '../../shared/aws-test/input';
import { buildRun } from '../../electron/services/aws/request';
import { runChecks } from '../../electron/services/aws/sweep';
import { valueSecrets } from '../../electron/services/aws/value-secrets';
import { buildWorld, startAwsEndpoint, type RegionFault } from '../aws-endpoint';
import type { BenchResult } from './bench';

const exec = promisify(execFile);

/**
 * "A sweep costs about as much as its slowest region": every commercial region (30+) answers after
 * an injected latency (40–200 ms per request); the slowest region alone is timed, then the whole
 * sweep, and for comparison the same regions one after another with the AWS CLI. Both are reported
 * as multiples of the slowest region's time; the target for the sweep is ≤ 1.3.
 */
export async function benchSweep(): Promise<BenchResult> {
  const regions = regionsOfPartition('aws').map((r) => r.code);
  const latency = (i: number) => 40 + ((i * 37) % 161);
  const faults: Record<string, RegionFault> = Object.fromEntries(regions.map((code, i) => [code, { latencyMs: latency(i) }]));
  const world = buildWorld({ overrides: { accounts: [{ id: '111111111111', enabledOptInRegions: regions }], faults } });
  const endpoint = await startAwsEndpoint(world.config);
  const slowest = regions.reduce((a, b, i) => (latency(i) > latency(regions.indexOf(a)) ? b : a));
  const connector = {
    identifier: 'bench',
    credentialType: 'ManualConfig' as const,
    manual: { accessKey: world.admin.accessKeyId, secretKeyRef: 'bench_sk' },
    testRegion: 'us-east-1',
    crossAccount: null,
  };
  const deps = { secrets: valueSecrets({ bench_sk: world.admin.secretAccessKey }), env: {} };
  const timed = async (sweep: { regions: string[]; concurrency: number }) => {
    const { request, endpoints } = buildRun(
      connector,
      testOptionsSchema.parse({ endpointUrl: endpoint.url }),
      sweepOptionsSchema.parse(sweep),
    );
    const start = performance.now();
    const result = await runChecks(request, { ...deps, endpoints });
    if (result.status !== 'pass') throw new Error(`bench sweep failed: ${JSON.stringify(result.findings)}`);
    return performance.now() - start;
  };
  try {
    await timed({ regions: [slowest], concurrency: 1 }); // warm-up: module loading and first connections
    const single = await timed({ regions: [slowest], concurrency: 1 });
    const sweep = await timed({ regions, concurrency: regions.length });
    const cliStart = performance.now();
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: world.admin.accessKeyId,
      AWS_SECRET_ACCESS_KEY: world.admin.secretAccessKey,
      AWS_EC2_METADATA_DISABLED: 'true',
    };
    for (const region of regions) {
      await exec('aws', ['--endpoint-url', endpoint.url, '--region', region, 'sts', 'get-caller-identity'], { env });
      await exec('aws', ['--endpoint-url', endpoint.url, '--region', region, 'ec2', 'describe-regions'], { env });
    }
    const cli = performance.now() - cliStart;
    return {
      name: `sweep of ${regions.length} regions vs slowest region`,
      ratio: sweep / single,
      detail: `sweep ${sweep.toFixed(0)} ms, slowest region (${slowest}) ${single.toFixed(0)} ms (target ≤ 1.3); AWS CLI one region after another ${cli.toFixed(0)} ms = ${(cli / single).toFixed(1)} × slowest`,
    };
  } finally {
    await endpoint.close();
  }
}
