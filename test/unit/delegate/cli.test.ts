import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { awb } from '../../helpers/awb';
import { tempDir } from '../../helpers/temp-dir';
import { ROLE, SA } from './fixtures';

const FIXTURE = 'test/fixtures/delegate/harness-delegate.yaml';
const dir = tempDir('awb-delegate-');
afterAll(() => dir.remove());

describe('awb delegate irsa', () => {
  it('prints the patched manifest on standard output and the placeholder warnings on standard error, exit 0', () => {
    const result = awb('delegate', 'irsa', '--in', FIXTURE, '--service-account', SA, '--role-arn', ROLE);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `kind: ServiceAccount\nmetadata:\n  name: ${SA}\n  namespace: harness-delegate-ng\n  annotations:\n    eks.amazonaws.com/role-arn: ${ROLE}\n`,
    );
    expect(result.stdout).toContain(`      serviceAccountName: ${SA}\n`);
    expect(result.stderr).toContain('patched manifest:40: warning: PUT_YOUR_DELEGATE_TOKEN is still a placeholder (lines 40, 206).');
  });

  it('writes --out, lists its changes, and a second run on its own output changes nothing', () => {
    const out = join(dir.path, 'irsa.yaml');
    const first = awb('delegate', 'irsa', '--in', FIXTURE, '--service-account', SA, '--role-arn', ROLE, '--out', out);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`Set serviceAccountName: ${SA} in Deployment PUT_YOUR_DELEGATE_NAME.`);
    const written = readFileSync(out, 'utf8');
    const again = join(dir.path, 'again.yaml');
    const second = awb('delegate', 'irsa', '--in', out, '--service-account', SA, '--role-arn', ROLE, '--out', again);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Nothing to change');
    expect(readFileSync(again, 'utf8')).toBe(written);
  });

  it('exits 1 with the problem and its line on standard error, writing nothing, when validation finds errors', () => {
    const out = join(dir.path, 'not-written.yaml');
    const result = awb(
      'delegate',
      'irsa',
      '--in',
      FIXTURE,
      '--service-account',
      SA,
      '--role-arn',
      ROLE,
      '--region',
      'cn-north-1',
      '--out',
      out,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'not-written.yaml:14: error: The role ARN is in partition "aws" but the cluster\'s region cn-north-1 is in "aws-cn".',
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 1 for a manifest with a removed API version, naming the input line when no edit was possible', () => {
    const input = join(dir.path, 'broken.yaml');
    writeFileSync(input, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: not-a-delegate\n');
    const result = awb('delegate', 'irsa', '--in', input, '--service-account', SA, '--role-arn', ROLE);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/broken\.yaml: error: No delegate Deployment or StatefulSet was found/);
  });

  it('exits 1 without writing when the edit would carry a Secret value, and does not print the value', () => {
    const input = join(dir.path, 'role-in-secret.yaml');
    const out = join(dir.path, 'role-in-secret.irsa.yaml');
    writeFileSync(
      input,
      readFileSync(FIXTURE, 'utf8').replace('  DELEGATE_TOKEN: "PUT_YOUR_DELEGATE_TOKEN"', `  DELEGATE_TOKEN: "${ROLE}"`),
    );
    const result = awb('delegate', 'irsa', '--in', input, '--service-account', SA, '--role-arn', ROLE, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'role-in-secret.yaml: error: The IRSA edit would include the value of DELEGATE_TOKEN in Secret PUT_YOUR_DELEGATE_NAME-account-token',
    );
    expect(result.stderr).not.toContain(ROLE);
    expect(() => readFileSync(out)).toThrow();
  });

  it('exits 2 for bad usage or an unreadable file', () => {
    const missing = awb('delegate', 'irsa', '--in', FIXTURE, '--service-account', SA);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--role-arn is required.');
    expect(missing.stderr).toContain('Usage:');
    expect(awb('delegate', 'irsa', '--in', join(dir.path, 'nope.yaml'), '--service-account', SA, '--role-arn', ROLE)).toMatchObject({
      code: 2,
    });
    expect(awb('delegate', 'irsa', '--in', FIXTURE, '--bogus')).toMatchObject({ code: 2 });
    expect(awb('delegate', 'frob').code).toBe(2);
    const tooLong = awb('delegate', 'irsa', '--in', FIXTURE, '--service-account', 'x'.repeat(301), '--role-arn', ROLE);
    expect(tooLong.code).toBe(2);
    expect(tooLong.stderr).toMatch(/--service-account: Too big/);
    expect(awb('delegate').code).toBe(2);
  });
});

describe('awb delegate trust-policy', () => {
  it('prints the GovCloud trust policy JSON, exit 0', () => {
    const result = awb(
      'delegate',
      'trust-policy',
      '--oidc-issuer',
      'https://oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123',
      '--namespace',
      'harness-delegate-ng',
      '--service-account',
      SA,
      '--account',
      '123456789012',
    );
    expect(result.code).toBe(0);
    const policy = JSON.parse(result.stdout);
    expect(policy.Statement[0].Principal.Federated).toBe(
      'arn:aws-us-gov:iam::123456789012:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123',
    );
    expect(policy.Statement[0].Condition.StringEquals['oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123:sub']).toBe(
      `system:serviceaccount:harness-delegate-ng:${SA}`,
    );
  });

  it('exits 1 for an issuer, account or name that is not valid, saying which', () => {
    const result = awb(
      'delegate',
      'trust-policy',
      '--oidc-issuer',
      'https://example.com',
      '--namespace',
      'ns',
      '--service-account',
      'Bad_Name',
      '--account',
      '12345',
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('--oidc-issuer "https://example.com" is not an EKS OIDC issuer URL');
    expect(result.stderr).toContain('--account "12345" is not a 12-digit AWS account ID.');
    expect(result.stderr).toContain('--service-account "Bad_Name"');
  });

  it('exits 2 when a flag is missing', () => {
    expect(awb('delegate', 'trust-policy', '--namespace', 'ns').code).toBe(2);
  });
});
