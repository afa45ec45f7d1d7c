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

describe('awb delegate pod-identity', () => {
  const args = (role: string, region?: string) => [
    'delegate',
    'pod-identity',
    '--cluster',
    'prod-eks',
    '--namespace',
    'harness-delegate-ng',
    '--service-account',
    SA,
    '--role-arn',
    role,
    ...(region ? ['--region', region] : []),
  ];

  it.each([
    ['aws', 'us-east-1'],
    ['aws-us-gov', 'us-gov-west-1'],
    ['aws-cn', 'cn-northwest-1'],
  ])('prints the add-on, role, association and restart commands for %s, exit 0', (partition, region) => {
    const role = `arn:${partition}:iam::123456789012:role/harness-delegate`;
    const result = awb(...args(role, region));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('aws eks create-addon \\\n  --cluster-name prod-eks \\\n  --addon-name eks-pod-identity-agent');
    expect(result.stdout).toContain(
      `aws eks create-pod-identity-association \\\n  --cluster-name prod-eks \\\n  --namespace harness-delegate-ng \\\n  --service-account ${SA} \\\n  --role-arn ${role} \\\n  --region ${region}\n`,
    );
    expect(result.stdout).toContain(
      `eksctl create podidentityassociation --cluster prod-eks --namespace harness-delegate-ng --service-account-name ${SA} --role-arn ${role} --region ${region}`,
    );
    expect(result.stdout).toContain(`--policy-arn arn:${partition}:iam::123456789012:policy/harness-delegate-permissions`);
  });

  it("leaves --region to the AWS CLI's configuration when not given", () => {
    const result = awb(...args(ROLE));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('--region');
  });

  it('exits 1 for a role of another partition than the region, or names Kubernetes and EKS refuse', () => {
    const mismatch = awb(...args(ROLE, 'us-gov-west-1'));
    expect(mismatch.code).toBe(1);
    expect(mismatch.stdout).toBe('');
    expect(mismatch.stderr).toContain(
      'error: The role ARN is in partition "aws" but the cluster\'s region us-gov-west-1 is in "aws-us-gov".',
    );
    const names = awb(
      'delegate',
      'pod-identity',
      '--cluster',
      'prod eks',
      '--namespace',
      'Harness',
      '--service-account',
      'Bad_Name',
      '--role-arn',
      ROLE,
    );
    expect(names.code).toBe(1);
    expect(names.stderr).toContain('The cluster name "prod eks" is not a valid EKS cluster name');
    expect(names.stderr).toContain('The namespace "Harness" is not a valid Kubernetes namespace name');
    expect(names.stderr).toContain('--service-account "Bad_Name"');
    expect(
      awb(
        'delegate',
        'pod-identity',
        '--cluster',
        'c',
        '--namespace',
        'ns',
        '--service-account',
        'sa',
        '--role-arn',
        'arn:aws:iam::1:role/x',
      ).code,
    ).toBe(1);
    expect(awb(...args(ROLE, 'us-east-1a')).stderr).toContain('"us-east-1a" is not a region of any AWS partition.');
  });

  it('exits 2 when a flag is missing', () => {
    const result = awb('delegate', 'pod-identity', '--cluster', 'prod-eks', '--namespace', 'ns', '--service-account', SA);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--role-arn is required.');
  });
});

describe('awb delegate trust-policy --pod-identity', () => {
  it.each(['aws', 'aws-us-gov', 'aws-cn'])('prints the pods.eks.amazonaws.com trust policy for %s without a warning', (partition) => {
    const result = awb('delegate', 'trust-policy', '--pod-identity', '--partition', partition);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
        },
      ],
    });
  });

  it('limits the role to the namespace and service account when given; defaults to the aws partition', () => {
    const result = awb('delegate', 'trust-policy', '--pod-identity', '--namespace', 'harness-delegate-ng', '--service-account', SA);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).Statement[0].Condition).toEqual({
      StringEquals: { 'aws:RequestTag/kubernetes-namespace': 'harness-delegate-ng', 'aws:RequestTag/kubernetes-service-account': SA },
    });
  });

  it('warns on standard error for a partition AWS documents no Pod Identity for, and still prints the policy', () => {
    const result = awb('delegate', 'trust-policy', '--pod-identity', '--partition', 'aws-iso-b');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'warning: AWS documents EKS Pod Identity for aws, aws-us-gov and aws-cn; check that AWS ISOB (US) has it.',
    );
    expect(JSON.parse(result.stdout).Statement[0].Principal.Service).toBe('pods.eks.amazonaws.com');
  });

  it('exits 1 for a partition that is none, 2 for IRSA-only flags with --pod-identity or --partition without it', () => {
    const bad = awb('delegate', 'trust-policy', '--pod-identity', '--partition', 'aws-mars');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--partition "aws-mars" is not an AWS partition.');
    const issuer = awb('delegate', 'trust-policy', '--pod-identity', '--oidc-issuer', 'https://oidc.eks.us-east-1.amazonaws.com/id/A');
    expect(issuer.code).toBe(2);
    expect(issuer.stderr).toContain('--oidc-issuer is for IRSA');
    expect(awb('delegate', 'trust-policy', '--partition', 'aws').code).toBe(2);
  });
});
