import { describe, expect, it } from 'vitest';
import { policyCheckRequestSchema } from '../../../shared/policy/schema';
import { oidcSetupInputSchema, type OidcSetupInput } from '../../../shared/oidc/setup';
import { diagnose } from '../../../electron/services/doctor/diagnose';
import { harnessOidcSetup } from '../../../electron/services/oidc/setup';
import { checkPolicies } from '../../../electron/services/policy/check';
import { analyzeTrustPolicy } from '../../../electron/services/policy/trust';
import { awb } from '../../helpers/awb';

const HARNESS = 'Hue1lBsaSx2APlXjzVEPIg';
const ISSUER = `app.harness.io/ng/api/oidc/account/${HARNESS}`;
const setup = (input: Partial<OidcSetupInput> = {}) =>
  harnessOidcSetup(oidcSetupInputSchema.parse({ harnessAccountId: HARNESS, awsAccountId: '123456789012', ...input }));

describe('the Harness OIDC setup generator', () => {
  it('trusts only the account’s Harness provider, for sts.amazonaws.com, as the Harness knowledge base sets it up', () => {
    const result = setup();
    expect(result.providerUrl).toBe(`https://${ISSUER}`);
    expect(result.providerArn).toBe(`arn:aws:iam::123456789012:oidc-provider/${ISSUER}`);
    expect(result.roleArn).toBe('arn:aws:iam::123456789012:role/harness-oidc');
    expect(result.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: result.providerArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com' } },
        },
      ],
    });
    expect(result.notes.join('\n')).toMatch(/CDS_AWS_OIDC_AUTHENTICATION[\s\S]*every OIDC connector of Harness account/);
  });

  it('limits the role to a project exactly, to an organization with StringLike, and allows session tags when asked', () => {
    const project = setup({ org: 'default', project: 'OIDC_Test', audience: 'custom-aud', partition: 'aws-us-gov' });
    expect(project.trustPolicy).toMatchObject({
      Statement: [
        {
          Principal: { Federated: `arn:aws-us-gov:iam::123456789012:oidc-provider/${ISSUER}` },
          Condition: {
            StringEquals: { [`${ISSUER}:aud`]: 'custom-aud', [`${ISSUER}:sub`]: `account/${HARNESS}:org/default:project/OIDC_Test` },
          },
        },
      ],
    });
    const org = setup({ org: 'default', sessionTags: true });
    expect(org.trustPolicy).toMatchObject({
      Statement: [
        {
          Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
          Condition: { StringLike: { [`${ISSUER}:sub`]: `account/${HARNESS}:org/default:project/*` } },
        },
      ],
    });
    expect(org.notes.join('\n')).toMatch(/PL_OIDC_ENHANCED_SUBJECT_FIELD[\s\S]*sts:TagSession/);
  });

  it('prints the provider (with Harness’s thumbprint), the trust policy file, the role and its test permission', () => {
    const { commands, trustPolicyJson } = setup({ roleName: 'harness-deploy', org: 'default' });
    expect(commands).toContain(
      `aws iam create-open-id-connect-provider \\\n  --url https://${ISSUER} \\\n  --client-id-list sts.amazonaws.com \\\n  --thumbprint-list df3c24f9bfd666761b268073fe06d1cc8d4f82a4\n`,
    );
    expect(commands).toContain(`cat > trust-policy.json <<'EOF'\n${trustPolicyJson}\nEOF\n`);
    expect(commands).toContain(
      'aws iam create-role \\\n  --role-name harness-deploy \\\n  --assume-role-policy-document file://trust-policy.json',
    );
    expect(commands).toMatch(/put-role-policy[\s\S]*ec2:DescribeRegions/);
    expect(commands).toContain('arn:aws:iam::123456789012:role/harness-deploy');
  });

  it.each([
    [{ harnessAccountId: 'has space' }, /Harness account ID/],
    [{ awsAccountId: '1234' }, /12 digits/],
    [{ project: 'p' }, /give the organization too/],
    [{ org: '1bad' }, /not a Harness identifier/],
    [{ audience: 'a b' }, /without spaces/],
    [{ roleName: 'x/y' }, /Role names/],
    [{ partition: 'aws-moon' }, /Invalid option/],
  ])('refuses %j', (bad, message) => {
    const parsed = oidcSetupInputSchema.safeParse({ harnessAccountId: HARNESS, awsAccountId: '123456789012', ...bad });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message).join(' ')).toMatch(message);
  });
});

describe('Harness OIDC trust policies in the trust analysis, the policy check and the Doctor', () => {
  const policy = (condition: object, action: unknown = 'sts:AssumeRoleWithWebIdentity') => ({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${ISSUER}` },
        Action: action,
        Condition: condition,
      },
    ],
  });

  it('the generated policies have no errors and are not IRSA statements', () => {
    for (const input of [{}, { org: 'default' }, { org: 'default', project: 'p' }]) {
      const analysis = analyzeTrustPolicy(setup(input).trustPolicy);
      expect(analysis.webIdentity).toEqual([]);
      expect(analysis.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(JSON.stringify(analysis.problems)).not.toMatch(/system:serviceaccount|EKS/);
    }
    expect(analyzeTrustPolicy(setup().trustPolicy).problems).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/every OIDC connector of Harness account/) }),
    ]);
  });

  it.each([
    [
      'a subject Harness does not issue',
      { StringEquals: { [`${ISSUER}:sub`]: 'system:serviceaccount:ns:sa' } },
      /not a subject Harness issues/,
    ],
    ['another Harness account', { StringLike: { [`${ISSUER}:sub`]: 'account/Other:org/*' } }, /another Harness account/],
    [
      'a wildcard compared literally',
      { StringEquals: { [`${ISSUER}:sub`]: `account/${HARNESS}:org/default:project/*` } },
      /use StringLike/,
    ],
    ['a key for another issuer', { StringEquals: { 'app.harness.io/ng/api/oidc/account/Other:aud': 'sts.amazonaws.com' } }, /names issuer/],
  ])('%s is an error', (_label, condition, message) => {
    const problems = analyzeTrustPolicy(policy(condition)).problems.filter((p) => p.severity === 'error');
    expect(problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('a missing or unusual audience and a missing action are named', () => {
    const messages = analyzeTrustPolicy(policy({ StringEquals: { [`${ISSUER}:aud`]: 'other' } }, 'sts:AssumeRole')).problems.map(
      (p) => p.message,
    );
    expect(messages.join('\n')).toMatch(/must allow sts:AssumeRoleWithWebIdentity[\s\S]*:aud value is "other"/);
    expect(
      analyzeTrustPolicy(policy({}))
        .problems.map((p) => p.message)
        .join('\n'),
    ).toMatch(/No :sub condition[\s\S]*No :aud condition/);
  });

  it('the policy check lints a Harness trust policy without IRSA service-account findings', async () => {
    const result = await checkPolicies(
      policyCheckRequestSchema.parse({
        trust: { name: 'trust', text: JSON.stringify(policy({ StringEquals: { [`${ISSUER}:sub`]: 'bogus' } })) },
        serviceAccount: { namespace: 'harness-delegate-ng', name: 'delegate' },
      }),
    );
    const trustLint = result.lint.filter((l) => l.path.startsWith('trust'));
    expect(trustLint.map((l) => l.message).join('\n')).toMatch(/not a subject Harness issues/);
    expect(trustLint.map((l) => l.message).join('\n')).not.toMatch(/system:serviceaccount:harness-delegate-ng/);
  });

  it('the Doctor reads a pasted Harness trust policy like an IRSA one', async () => {
    const text = JSON.stringify(
      policy({ StringEquals: { [`${ISSUER}:aud`]: 'sts.amazonaws.com', [`${ISSUER}:sub`]: 'account/Other:org/:project/' } }),
      null,
      2,
    );
    const result = await diagnose([{ name: 'trust.json', text }]);
    expect(result.findings[0]).toMatchObject({ class: 'web_identity_trust_denied' });
    expect(JSON.stringify(result.findings)).toMatch(/another Harness account/);
  });
});

describe('awb oidc', () => {
  it('trust-policy prints the policy as JSON and the notes on standard error', () => {
    const result = awb(
      'oidc',
      'trust-policy',
      '--harness-account',
      HARNESS,
      '--account',
      '123456789012',
      '--org',
      'default',
      '--project',
      'p',
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(setup({ org: 'default', project: 'p' }).trustPolicy);
    expect(result.stderr).toMatch(/^note: Use OIDC is behind the Harness feature flag CDS_AWS_OIDC_AUTHENTICATION/);
  });

  it('setup prints the commands; bad input is exit 2 naming the flag, without a stack', () => {
    const result = awb(
      'oidc',
      'setup',
      '--harness-account',
      HARNESS,
      '--account',
      '123456789012',
      '--partition',
      'aws-cn',
      '--role-name',
      'r',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(setup({ partition: 'aws-cn', roleName: 'r' }).commands);
    const bad = awb('oidc', 'setup', '--harness-account', HARNESS, '--account', '12', '--project', 'p');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--account: The AWS account ID is 12 digits\.\n--org: A project belongs to an organization/);
    expect(awb('oidc', 'trust-policy', '--account', '123456789012').stderr).toMatch(/--harness-account is required/);
    expect(awb('oidc').stderr).toMatch(/a sub-command is required \(trust-policy or setup\)/);
  });
});
