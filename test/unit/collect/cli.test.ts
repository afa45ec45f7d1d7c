import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectScriptCommand } from '../../../electron/cli/commands/collect-script';
import { doctorCommand } from '../../../electron/cli/commands/doctor';
import { UsageError, type Command } from '../../../electron/cli/command';
import { awb } from '../../helpers/awb';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('awb-collect-cli-');
afterAll(() => dir.remove());

/** Runs one command the way the awb entry point does: a usage error is exit code 2. */
async function run(command: Command, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) };
  try {
    return { code: await command.run(argv, io), stdout, stderr };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { code: 2, stdout, stderr: stderr + error.message };
  }
}

describe('awb collect-script', () => {
  it('prints the script for the options given', async () => {
    const { code, stdout } = await run(
      collectScriptCommand,
      '--namespace',
      'delegates',
      '--delegate',
      'eks-delegate',
      '--regions',
      'eu-west-1, eu-central-1',
      '--exec',
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^#!\/usr\/bin\/env bash\n/);
    expect(stdout).toContain("NAMESPACE='delegates'\nDELEGATE='eks-delegate'\nEXEC='1'\nREGIONS='eu-west-1,eu-central-1'");
  });

  it('--out writes an executable script and says what to send with it', async () => {
    const out = join(dir.path, 'awb-collect.sh');
    const { code, stdout, stderr } = await run(collectScriptCommand, '--out', out);
    expect({ code, stdout }).toEqual({ code: 0, stdout: '' });
    expect(statSync(out).mode & 0o777).toBe(0o755);
    expect(readFileSync(out, 'utf8')).toContain("DELEGATE=''");
    expect(stderr).toContain(`Wrote ${out}. Send it with this note:`);
    expect(stderr).toContain('It never reads Kubernetes Secrets');
  });

  it.each([
    [['--namespace', 'Not A Name'], '--namespace: must be a Kubernetes namespace name'],
    [['--delegate', 'x;reboot'], '--delegate: must be a Kubernetes object name'],
    [['--regions', 'us-east-1,mars-1'], '--regions: is not an AWS region code'],
    [['--token', 'x'], "Unknown option '--token'"],
  ])('refuses %j with a reason, as bad usage', async (argv, reason) => {
    const { code, stderr } = await run(collectScriptCommand, ...argv);
    expect(code).toBe(2);
    expect(stderr).toContain(reason);
  });

  it('awb doctor reads a bundle as its own kind of input', async () => {
    const bundle = readFileSync(new URL('fixtures/bundle-healthy.json.txt', import.meta.url), 'utf8').replaceAll(
      '"name": "AWS_ROLE_ARN"',
      '"name": "AWS_ROLE_ARN_UNUSED"',
    );
    const path = join(dir.path, 'awb-bundle.json');
    writeFileSync(path, bundle);
    const { code, stdout } = await run(doctorCommand, path, '--json');
    expect(code).toBe(0);
    const result = JSON.parse(stdout) as { inputs: Array<{ kind: string }>; findings: Array<{ class: string; title: string }> };
    expect(result.inputs[0]?.kind).toBe('collect_bundle');
    expect(result.findings[0]).toMatchObject({
      class: 'irsa_misconfigured',
      title: 'The service account has the IAM role, but the delegate pod has no AWS_ROLE_ARN',
    });
  });

  it('is a command of the installed launcher, with its help', () => {
    const result = awb('help', 'collect-script');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Usage: awb collect-script [--namespace <ns>] [--delegate <name>] [--regions <r1,r2>] [--exec] [--out <file>]',
    );
  });
});
