import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runResultSchema } from '../../../shared/aws-test/result';
import { tempDir } from '../../helpers/temp-dir';
import { buildWorld, EXTERNAL_ID } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';

/** The real `awb` launcher in a child process; async, because the loopback endpoint lives in this process. */
function awb(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['electron/cli/awb.mjs', ...args], {
      env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const world = buildWorld({ overrides: { faults: { 'ap-south-1': { hang: true } } } });
const dir = tempDir('awb-cli-test-');
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const db = join(dir.path, 'history.sqlite');

function connectorFile(name: string, accessKey: string, extra = ''): string {
  const file = join(dir.path, `${name}.yaml`);
  writeFileSync(
    file,
    `connector:
  name: ${name}
  identifier: ${name}
  type: Aws
  spec:
    credential:
      type: ManualConfig
      spec:
        accessKey: ${accessKey}
        secretKeyRef: account.${name}_sk
      region: us-east-1
${extra}    executeOnDelegate: false
`,
  );
  return file;
}

afterAll(() => dir.remove());

describe('awb test', () => {
  it('--json prints one schemaVersion 1 object, records the run, exit 0', async () => {
    const file = connectorFile('cli_ok', world.admin.accessKeyId);
    const result = await awb(
      ['test', '--connector', file, '--endpoint-url', endpoint.url, '--secret-key-stdin', '--json', '--db', db],
      `${world.admin.secretAccessKey}\n`,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = runResultSchema.parse(JSON.parse(result.stdout));
    expect(json).toMatchObject({
      schemaVersion: 1,
      kind: 'test',
      status: 'pass',
      connector: { identifier: 'cli_ok', credentialType: 'ManualConfig', testRegion: 'us-east-1', crossAccount: false },
    });
    expect(json.regions[0]?.identity?.arn).toBe(world.admin.arn);
    expect(result.stdout).not.toContain(world.admin.secretAccessKey);

    const history = await awb(['history', 'list', '--json', '--db', db]);
    expect(history.code).toBe(0);
    expect(JSON.parse(history.stdout).runs[0]).toMatchObject({
      id: json.runId,
      kind: 'test',
      status: 'passed',
      connectorIdentifier: 'cli_ok',
    });
  });

  it('a failing check exits 1 and the text output shows the class and the fix', async () => {
    // crossAccountAccess lives under credential, so it is indented with the credential's fields.
    const file = connectorFile(
      'cli_cross',
      world.admin.accessKeyId,
      `      crossAccountAccess:\n        crossAccountRoleArn: ${world.deployRole.arn}\n        externalId: wrong-${EXTERNAL_ID}\n`,
    );
    const result = await awb(
      ['test', '--connector', file, '--endpoint-url', endpoint.url, '--secret-key-stdin', '--no-history'],
      `${world.admin.secretAccessKey}\n`,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('AccessDenied [assume_role_denied]');
    expect(result.stdout).toMatch(/Fix: .*External Id/);
    expect(result.stdout).toMatch(/FAIL in \d+ ms \(run [0-9a-f-]{36}, not recorded\)/);
  });

  it('the second stdin line is the session token of an ASIA key', async () => {
    const file = connectorFile('cli_temp', world.temporary.accessKeyId);
    const result = await awb(
      ['test', '--connector', file, '--endpoint-url', endpoint.url, '--secret-key-stdin', '--json', '--no-history'],
      `${world.temporary.secretAccessKey}\n${world.temporary.sessionToken}\n`,
    );
    expect(result.code).toBe(0);
    const without = await awb(
      ['test', '--connector', file, '--endpoint-url', endpoint.url, '--secret-key-stdin', '--json', '--no-history'],
      `${world.temporary.secretAccessKey}\n`,
    );
    expect(without.code).toBe(1);
    expect(JSON.parse(without.stdout).regions[0].checks[0].error.class).toBe('missing_session_token');
  });

  it('exits 2 for bad usage and for an invalid connector file, naming the line', async () => {
    expect((await awb(['test'])).code).toBe(2);
    expect((await awb(['test', '--connector', join(dir.path, 'missing.yaml')])).stderr).toContain('does not exist');
    const bad = join(dir.path, 'bad.yaml');
    writeFileSync(bad, 'connector:\n  name: x\n  identifier: x\n  type: Gcp\n  spec: {}\n');
    const invalid = await awb(['test', '--connector', bad, '--no-history']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toMatch(/bad\.yaml:\d+:\d+: /);
    expect((await awb(['test', '--connector', bad, '--timeout-ms', 'soon'])).code).toBe(2);
    expect((await awb(['help', 'test'])).stdout).toContain('--secret-key-stdin');
  });
});

describe('awb sweep', () => {
  it('sweeps a list with bounded concurrency; the hung region times out while the others pass; exit 1', async () => {
    const file = connectorFile('cli_sweep', world.admin.accessKeyId);
    const result = await awb(
      [
        'sweep',
        '--connector',
        file,
        '--endpoint-url',
        endpoint.url,
        '--secret-key-stdin',
        '--regions',
        'us-east-1,ap-south-1,eu-west-1,us-gov-west-1',
        '--concurrency',
        '2',
        '--timeout-ms',
        '500',
        '--json',
        '--db',
        db,
      ],
      `${world.admin.secretAccessKey}\n`,
    );
    expect(result.code).toBe(1);
    const json = runResultSchema.parse(JSON.parse(result.stdout));
    expect(json.regions.map((r) => [r.region, r.status])).toEqual([
      ['us-east-1', 'pass'],
      ['ap-south-1', 'fail'],
      ['eu-west-1', 'pass'],
      ['us-gov-west-1', 'skipped'],
    ]);
    expect(json.regions[1]?.checks[1]?.error).toMatchObject({ code: 'Timeout', class: 'network_unreachable' });
    expect(json.findings.map((f) => f.class).sort()).toEqual(['network_unreachable', 'partition_mismatch']);
  });

  it('rejects a bad region list and concurrency with exit 2', async () => {
    const file = connectorFile('cli_bad', world.admin.accessKeyId);
    expect((await awb(['sweep', '--connector', file, '--regions', 'us-east-1a'])).code).toBe(2);
    expect((await awb(['sweep', '--connector', file, '--concurrency', '0'])).stderr).toContain('--concurrency');
    expect((await awb(['history', 'list', '--limit', 'x'])).code).toBe(2);
  });
});
