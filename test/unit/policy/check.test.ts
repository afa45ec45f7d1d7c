import { describe, expect, it } from 'vitest';
import { checkPolicies } from '../../helpers/parsed-calls';

const doc = (name: string, statements: unknown[]) => ({
  name,
  text: JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2),
});
const allowAll = doc('admin', [{ Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' }]);

function verdict(result: Awaited<ReturnType<typeof checkPolicies>>, action: string) {
  const found = result.results.find((r) => r.action === action);
  if (!found) throw new Error(`no verdict for ${action}: ${JSON.stringify(result)}`);
  return found;
}

describe('policy check with iam-simulate', () => {
  it('allows by wildcard and names the granting statement', async () => {
    const result = await checkPolicies({
      identity: [doc('harness', [{ Sid: 'Ec2Read', Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }])],
      actions: [],
    });
    expect(verdict(result, 'ec2:DescribeRegions')).toMatchObject({
      decision: 'allowed',
      policy: 'identity policy harness',
      statement: 'Ec2Read',
    });
    expect(result.summary).toEqual({ allowed: 1, denied: 0, skipped: 0 });
  });

  it('names the SCP statement that denies by aws:RequestedRegion (GovCloud guardrail, commercial test region)', async () => {
    const scp = doc('govcloud-only', [
      {
        Sid: 'DenyOutsideGovCloud',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': ['us-gov-west-1', 'us-gov-east-1'] } },
      },
    ]);
    const denied = await checkPolicies({ identity: [allowAll], scps: [scp], region: 'us-east-1' });
    const v = verdict(denied, 'ec2:DescribeRegions');
    expect(v).toMatchObject({ decision: 'explicit_deny', policy: 'SCP govcloud-only', statement: 'DenyOutsideGovCloud' });
    expect(v.reason).toMatch(/aws:RequestedRegion is us-east-1/);
    const allowed = await checkPolicies({ identity: [allowAll], scps: [scp], region: 'us-gov-west-1' });
    expect(verdict(allowed, 'ec2:DescribeRegions').decision).toBe('allowed');
  });

  it('denies implicitly when the permissions boundary omits ec2', async () => {
    const boundary = doc('no-ec2', [{ Effect: 'Allow', Action: ['s3:*', 'ecr:*'], Resource: '*' }]);
    const result = await checkPolicies({ identity: [allowAll], boundary, useCases: ['s3-read'] });
    expect(verdict(result, 'ec2:DescribeRegions')).toMatchObject({ decision: 'implicit_deny', policy: 'permissions boundary no-ec2' });
    expect(verdict(result, 'ec2:DescribeRegions').reason).toMatch(/permissions boundary does not allow/);
    expect(verdict(result, 's3:GetObject').decision).toBe('allowed');
  });

  it('an MFA condition denies access-key calls and allows them with MFA in the context', async () => {
    const identity = doc('mfa-guard', [
      { Sid: 'AllowAll', Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Sid: 'DenyWithoutMFA',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ]);
    const keys = await checkPolicies({ identity: [identity] });
    expect(verdict(keys, 'ec2:DescribeRegions')).toMatchObject({ decision: 'explicit_deny', statement: 'DenyWithoutMFA' });
    const withMfa = await checkPolicies({ identity: [identity], context: { 'aws:MultiFactorAuthPresent': 'true' } });
    expect(verdict(withMfa, 'ec2:DescribeRegions').decision).toBe('allowed');
  });

  it('explains an Allow whose aws:MultiFactorAuthPresent condition is not met', async () => {
    const identity = doc('needs-mfa', [
      {
        Sid: 'OnlyWithMFA',
        Effect: 'Allow',
        Action: 'ec2:*',
        Resource: '*',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ]);
    const v = verdict(await checkPolicies({ identity: [identity] }), 'ec2:DescribeRegions');
    expect(v).toMatchObject({ decision: 'implicit_deny', statement: 'OnlyWithMFA' });
    expect(v.reason).toMatch(/condition is not met: aws:MultiFactorAuthPresent is not in the request/);
  });

  it('explains an Allow limited by aws:RequestedRegion in another region', async () => {
    const identity = doc('regional', [
      {
        Sid: 'OnlyIreland',
        Effect: 'Allow',
        Action: 'ec2:*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
      },
    ]);
    const v = verdict(await checkPolicies({ identity: [identity], region: 'us-east-1' }), 'ec2:DescribeRegions');
    expect(v).toMatchObject({ decision: 'implicit_deny', statement: 'OnlyIreland' });
    expect(v.reason).toMatch(/aws:RequestedRegion is us-east-1 \(StringEquals eu-west-1\)/);
  });

  it('evaluates NotAction: everything but IAM is allowed', async () => {
    const identity = doc('not-iam', [{ Sid: 'AllButIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
    const result = await checkPolicies({ identity: [identity], actions: ['iam:PassRole', 'ecs:ListClusters'] });
    expect(verdict(result, 'ecs:ListClusters')).toMatchObject({ decision: 'allowed', statement: 'AllButIam' });
    expect(verdict(result, 'iam:PassRole').decision).toBe('implicit_deny');
  });

  it('flags an unknown action with the closest real name and does not evaluate it', async () => {
    const result = await checkPolicies({ identity: [allowAll], actions: ['ec2:DescribeRegion', 'ecr:GetAuthToken'] });
    expect(result.lint).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: 'action ec2:DescribeRegion',
        message: expect.stringContaining('ec2:DescribeRegions'),
      }),
    );
    expect(result.lint.find((l) => l.path === 'action ecr:GetAuthToken')?.message).toMatch(/ecr:GetAuthorizationToken/);
    expect(result.results.map((r) => r.action)).toEqual(['ec2:DescribeRegions']);
    expect(result.summary.skipped).toBe(2);
  });

  it('flags unknown actions inside a policy: a typo that silently matches nothing', async () => {
    const identity = doc('typo', [{ Effect: 'Allow', Action: ['ec2:DescribeRegoins'], Resource: '*' }]);
    const result = await checkPolicies({ identity: [identity] });
    expect(result.lint).toContainEqual(
      expect.objectContaining({ path: 'identity[typo].Statement[0].Action[0]', message: expect.stringContaining('ec2:DescribeRegions') }),
    );
    expect(verdict(result, 'ec2:DescribeRegions').decision).toBe('implicit_deny');
  });

  it('reports malformed policies with the JSON path and evaluates nothing', async () => {
    const bad = {
      name: 'bad',
      text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Alow', Action: 'ec2:*', Resource: '*' }] }),
    };
    const result = await checkPolicies({ identity: [bad] });
    expect(result.lint).toContainEqual(expect.objectContaining({ severity: 'error', path: 'identity[bad].Statement[0].Effect' }));
    expect(result.results).toEqual([]);
    const broken = await checkPolicies({ identity: [{ name: 'cut', text: '{"Version": "2012-10-17", "Statement": [' }] });
    expect(broken.lint[0]).toMatchObject({ severity: 'error', path: 'identity[cut]', message: expect.stringMatching(/Not valid JSON/) });
  });

  it('checks an IRSA trust policy: wrong :sub for the delegate, China issuer under an aws ARN', async () => {
    const issuer = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    const trust = doc('trust', [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${issuer}:sub`]: 'system:serviceaccount:default:harness', [`${issuer}:aud`]: 'sts.amazonaws.com' } },
      },
    ]);
    const result = await checkPolicies({
      identity: [allowAll],
      trust,
      serviceAccount: { namespace: 'harness-delegate-ng', name: 'harness-irsa' },
    });
    expect(result.lint).toContainEqual(
      expect.objectContaining({
        severity: 'error',
        path: 'trust.Statement[0].Condition',
        message: expect.stringContaining('system:serviceaccount:harness-delegate-ng:harness-irsa'),
      }),
    );

    const cnIssuer = 'oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC';
    const china = doc('trust', [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${cnIssuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${cnIssuer}:sub`]: 'system:serviceaccount:harness-delegate-ng:x' } },
      },
    ]);
    const cn = await checkPolicies({ identity: [allowAll], trust: china, region: 'cn-north-1' });
    expect(cn.lint.map((l) => l.message).join(' ')).toMatch(/aws-cn partition but the provider ARN says arn:aws/);
  });

  it('warns about resource ARNs from another partition than the region', async () => {
    const identity = doc('commercial-arns', [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::artifacts/*' }]);
    const result = await checkPolicies({ identity: [identity], region: 'us-gov-west-1' });
    expect(result.lint).toContainEqual(
      expect.objectContaining({ severity: 'warning', path: 'identity[commercial-arns].Statement[0].Resource' }),
    );
  });
});
