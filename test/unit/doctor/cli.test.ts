import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { doctorCommand } from '../../../electron/cli/commands/doctor';
import { policyCommand } from '../../../electron/cli/commands/policy';
import { UsageError, type Command } from '../../../electron/cli/command';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('awb-doctor-cli-');
afterAll(() => dir.remove());

const COMMANDS: Record<string, Command> = { doctor: doctorCommand, policy: policyCommand };

/** Runs one command the way the awb entry point does: a usage error is exit code 2. */
async function run(name: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  let code: number;
  try {
    code = await (COMMANDS[name] as Command).run(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr += error.message;
    code = 2;
  }
  return { code, stdout, stderr };
}

describe('awb doctor', () => {
  it('prints the JSON shape with the most likely finding first and exits 0', async () => {
    const log = join(dir.path, 'delegate.log');
    writeFileSync(
      log,
      'Explanation: An error occurred (AccessDenied) when calling the AssumeRoleWithWebIdentity operation: Not authorized to perform sts:AssumeRoleWithWebIdentity\n',
    );
    const { code, stdout } = await run('doctor', log, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {
      schemaVersion: number;
      inputs: { name: string; kind: string }[];
      findings: { class: string; severity: string; title: string; evidence: unknown[]; fix: string[]; confidence: number }[];
    };
    expect(result.schemaVersion).toBe(1);
    expect(result.inputs[0]).toMatchObject({ name: log, kind: 'error_message' });
    expect(result.findings[0]).toMatchObject({ class: 'web_identity_trust_denied', severity: 'error' });
    expect(result.findings[0]?.fix.length).toBeGreaterThan(0);
  });

  it('exits 0 when nothing is found, and says so', async () => {
    const file = join(dir.path, 'fine.txt');
    writeFileSync(file, 'all good\n');
    const { code, stdout } = await run('doctor', file);
    expect(code).toBe(0);
    expect(stdout).toMatch(/No known AWS credential failure/);
  });

  it('reads standard input for -, through the real launcher', () => {
    const message =
      'An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.';
    const result = spawnSync(process.execPath, ['electron/cli/awb.mjs', 'doctor', '-', '--json'], { encoding: 'utf8', input: message });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { inputs: unknown[]; findings: { class: string }[] };
    expect(report.inputs).toEqual([expect.objectContaining({ name: 'standard input', kind: 'error_message' })]);
    expect(report.findings[0]?.class).toBe('secret_key_mismatch');
  });

  it('exits 2 for a file that cannot be read, and for no input at all', async () => {
    expect((await run('doctor', join(dir.path, 'missing.log'))).code).toBe(2);
    expect((await run('doctor', dir.path)).stderr).toMatch(/is a folder/);
    expect((await run('doctor')).code).toBe(2);
  });
});

describe('awb policy', () => {
  const write = (name: string, statements: unknown[]) => {
    const path = join(dir.path, name);
    writeFileSync(path, JSON.stringify({ Version: '2012-10-17', Statement: statements }));
    return path;
  };

  it('exits 0 when every action is allowed and prints the verdict JSON', async () => {
    const identity = write('ok.json', [{ Effect: 'Allow', Action: ['ec2:DescribeRegions', 's3:Get*', 's3:List*'], Resource: '*' }]);
    const { code, stdout } = await run('policy', '--identity', identity, '--use-case', 's3-read', '--json');
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as { results: { action: string; decision: string }[]; lint: unknown[] };
    expect(parsed.results.every((r) => r.decision === 'allowed')).toBe(true);
    expect(parsed.results.map((r) => r.action)).toContain('ec2:DescribeRegions');
  });

  it('exits 1 when an SCP denies the region, naming the statement', async () => {
    const identity = write('admin.json', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    const scp = write('scp.json', [
      {
        Sid: 'GovOnly',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': 'us-gov-west-1' } },
      },
    ]);
    const { code, stdout } = await run('policy', '--identity', identity, '--scp', scp, '--region', 'us-east-1');
    expect(code).toBe(1);
    expect(stdout).toMatch(/DENIED \(explicit\)/);
    expect(stdout).toMatch(/statement GovOnly/);
  });

  it('exits 2 for an unknown action, a malformed policy or a bad flag value', async () => {
    const identity = write('admin2.json', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
    expect((await run('policy', '--identity', identity, '--action', 'ec2:DescribeRegion')).code).toBe(2);
    const broken = join(dir.path, 'broken.json');
    writeFileSync(broken, '{"Statement": [');
    expect((await run('policy', '--identity', broken)).code).toBe(2);
    expect((await run('policy', '--identity', identity, '--context', 'novalue')).code).toBe(2);
    expect((await run('policy', '--identity', identity, '--use-case', 'teleport')).code).toBe(2);
    expect((await run('policy')).code).toBe(2);
  });
});
