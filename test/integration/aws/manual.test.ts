import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, startAwsEndpoint, type AwsEndpoint } from '../../aws-endpoint';
import { manualConnector, run, secretsOf } from './helpers';

const world = buildWorld();
let endpoint: AwsEndpoint;
beforeAll(async () => {
  endpoint = await startAwsEndpoint(world.config);
});
afterAll(() => endpoint.close());

describe('ManualConfig connection test', () => {
  it('passes every step with valid keys and reports the identity', async () => {
    const result = await run(manualConnector(world.admin), { endpointUrl: endpoint.url }, { secrets: secretsOf(world.admin) });
    expect(result.status).toBe('pass');
    const [region] = result.regions;
    expect(region?.identity).toEqual({ account: '111111111111', arn: world.admin.arn, userId: world.admin.userId });
    expect(region?.checks.map((c) => [c.name, c.status])).toEqual([
      ['resolve_credentials', 'pass'],
      ['sts_get_caller_identity', 'pass'],
      ['sts_assume_role', 'skipped'],
      ['ec2_describe_regions', 'pass'],
    ]);
    expect(region?.checks[1]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
