import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/services/doctor/diagnose';
import { checkPolicies } from '../../helpers/parsed-calls';

// Where IAM globs were regular expressions, each `*?` pair multiplied the time to reject a value by about
// seven: eight pairs took seconds, twelve take hours. These calls assert only their answers; on a
// backtracking matcher they do not come back within Vitest's timeout.
const HOSTILE = '*?'.repeat(12) + 'x';
const ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
const delegateYaml = readFileSync(new URL('../../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8');

function trustPolicy(condition: Record<string, string>): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${ISSUER}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringLike: Object.fromEntries(Object.entries(condition).map(([claim, value]) => [`${ISSUER}:${claim}`, value])) },
      },
    ],
  });
}

describe('IAM globs from pasted text are matched without backtracking', () => {
  it('policy check: a StringLike :sub made of *? pairs does not admit the delegate, and says so', async () => {
    const result = await checkPolicies({
      identity: [
        { name: 'p', text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) },
      ],
      trust: { name: 'trust', text: trustPolicy({ sub: HOSTILE }) },
      serviceAccount: { namespace: 'harness-delegate-ng', name: 'default' },
    });
    expect(result.lint).toContainEqual(
      expect.objectContaining({ path: 'trust.Statement[0].Condition', message: expect.stringContaining('does not admit') }),
    );
  });

  it('Doctor: the same trust policy beside the delegate manifest, as :sub and as :aud', async () => {
    const result = await diagnose([
      { name: 'trust.json', text: trustPolicy({ sub: HOSTILE, aud: HOSTILE }) },
      { name: 'delegate.yaml', text: delegateYaml },
    ]);
    expect(result.findings.map((f) => f.class)).toContain('web_identity_trust_denied');
  });

  it('policy lint: an Action made of *? pairs matches no action, and a StringLike :aud that is a glob admits the token', async () => {
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: `ec2:${HOSTILE}`, Resource: '*' }] };
    const result = await checkPolicies({ identity: [{ name: 'p', text: JSON.stringify(policy) }], actions: ['ec2:DescribeInstances'] });
    expect(result.lint).toContainEqual(expect.objectContaining({ path: 'identity[p].Statement[0].Action', severity: 'warning' }));
    expect(result.results.find((r) => r.action === 'ec2:DescribeInstances')?.decision).toBe('implicit_deny');

    const globAudience = await diagnose([
      { name: 'trust.json', text: trustPolicy({ sub: 'system:serviceaccount:harness-delegate-ng:*', aud: 'sts.*' }) },
      { name: 'delegate.yaml', text: delegateYaml },
    ]);
    expect(globAudience.findings.map((f) => f.title)).not.toContain('The trust policy expects another token audience');
  });
});
