import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateArtifacts, prepareIrsa } from '../../helpers/parsed-calls';
import { trustPolicy } from '../../../electron/services/delegate/generate/trust-policy';
import { parseOidcIssuer } from '../../../shared/delegate/partition';
import { fixture, NS, patchedText, ROLE, SA } from './fixtures';

function issuer(url: string) {
  const parsed = parseOidcIssuer(url);
  if (!parsed) throw new Error(`not an issuer: ${url}`);
  return parsed;
}

describe('trust policy', () => {
  it('commercial: provider ARN from the issuer, StringEquals on :aud and :sub', () => {
    const host = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    expect(trustPolicy({ issuer: issuer(`https://${host}`), accountId: '111122223333', namespace: NS, serviceAccount: SA })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${host}` },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com', [`${host}:sub`]: `system:serviceaccount:${NS}:${SA}` } },
        },
      ],
    });
  });

  it('GovCloud: aws-us-gov partition, issuer host keeps the .amazonaws.com suffix', () => {
    const policy = trustPolicy({
      issuer: issuer('https://oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123'),
      accountId: '111122223333',
      namespace: NS,
      serviceAccount: SA,
    });
    const statement = policy.Statement[0];
    expect(statement?.Principal.Federated).toBe(
      'arn:aws-us-gov:iam::111122223333:oidc-provider/oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123',
    );
    expect(Object.keys(statement?.Condition.StringEquals ?? {})).toEqual([
      'oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123:aud',
      'oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123:sub',
    ]);
  });

  it('China: aws-cn partition and the .amazonaws.com.cn issuer host', () => {
    const policy = trustPolicy({
      issuer: issuer('https://oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC123/'),
      accountId: '111122223333',
      namespace: NS,
      serviceAccount: SA,
    });
    expect(policy.Statement[0]?.Principal.Federated).toBe(
      'arn:aws-cn:iam::111122223333:oidc-provider/oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC123',
    );
    expect(policy.Statement[0]?.Condition.StringEquals['oidc.eks.cn-north-1.amazonaws.com.cn/id/ABC123:aud']).toBe('sts.amazonaws.com');
  });

  it('rejects issuers that are not EKS issuers or whose suffix does not fit the region', () => {
    for (const url of [
      'http://oidc.eks.us-east-1.amazonaws.com/id/ABC',
      'https://oidc.eks.us-east-1.amazonaws.com',
      'https://oidc.eks.cn-north-1.amazonaws.com/id/ABC',
      'https://oidc.eks.us-east-1.amazonaws.com.cn/id/ABC',
      'https://oidc.eks.mars-east-1.amazonaws.com/id/ABC',
      'https://token.actions.githubusercontent.com',
    ]) {
      expect(parseOidcIssuer(url), url).toBeNull();
    }
  });
});

describe('generated artifacts', () => {
  const form = {
    serviceAccount: SA,
    accountId: '123456789012',
    roleName: 'harness-delegate',
    oidcIssuer: 'https://oidc.eks.us-gov-west-1.amazonaws.com/id/ABC123',
    clusterName: 'prod-eks',
    useCases: ['s3-write', 'ecr-pull'] as const,
    bucket: 'artifacts',
    stsRegionalEndpoints: true,
  };

  it('builds the role ARN from account + role name in the cluster partition', () => {
    const manifest = fixture('harness-delegate.yaml');
    const result = prepareIrsa(manifest, { ...form, useCases: [...form.useCases] });
    const output = patchedText(manifest, result);
    expect(output).toContain('eks.amazonaws.com/role-arn: arn:aws-us-gov:iam::123456789012:role/harness-delegate\n');
    expect(output).toContain('eks.amazonaws.com/sts-regional-endpoints: "true"\n');
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('permission policy: DescribeRegions always, the chosen presets, partition-aware resources', () => {
    const { permissionPolicy } = generateArtifacts({ ...form, useCases: [...form.useCases] });
    const policy = JSON.parse(permissionPolicy.text ?? '');
    expect(policy.Statement[0]).toEqual({ Sid: 'HarnessDescribeRegions', Effect: 'Allow', Action: 'ec2:DescribeRegions', Resource: '*' });
    expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
      'HarnessDescribeRegions',
      'HarnessS3Write',
      'HarnessS3Write2',
      'HarnessS3Write3',
      'HarnessEcrPull',
    ]);
    expect(policy.Statement[3]).toEqual({
      Sid: 'HarnessS3Write3',
      Effect: 'Allow',
      Action: 's3:*Object',
      Resource: 'arn:aws-us-gov:s3:::artifacts/*',
    });
    const none = JSON.parse(generateArtifacts({ serviceAccount: SA }).permissionPolicy.text ?? '');
    expect(none.Statement).toHaveLength(1);
  });

  it('eksctl: OIDC provider, policy, then the role only (the manifest makes the service account), and why', () => {
    const { commands: eksctl } = generateArtifacts({ ...form, useCases: [] });
    expect(eksctl.title).toBe('eksctl');
    expect(eksctl.text).toContain(
      'eksctl utils associate-iam-oidc-provider \\\n  --cluster prod-eks \\\n  --region us-gov-west-1 \\\n  --approve\n',
    );
    expect(eksctl.text).toContain(
      [
        'eksctl create iamserviceaccount \\',
        `  --name ${SA} \\`,
        `  --namespace ${NS} \\`,
        '  --cluster prod-eks \\',
        '  --region us-gov-west-1 \\',
        '  --role-name harness-delegate \\',
        '  --attach-policy-arn arn:aws-us-gov:iam::123456789012:policy/harness-delegate-permissions \\',
        '  --role-only \\',
        '  --approve\n',
      ].join('\n'),
    );
    expect(eksctl.text).not.toMatch(/^\s+--override-existing-serviceaccounts/m);
    expect(eksctl.text).toContain('--role-only: eksctl creates the IAM role and leaves');
    expect(eksctl.text).toContain('with --override-existing-serviceaccounts it can leave an');
    expect(eksctl.text).toContain('kubectl apply -f harness-delegate.irsa.yaml');
  });

  it('Helm values: serviceAccount.create/name/annotations, valid YAML', () => {
    const { helmValues } = generateArtifacts({ ...form, useCases: [] });
    expect(parse(helmValues.text ?? '')).toEqual({
      serviceAccount: {
        create: true,
        name: SA,
        annotations: {
          'eks.amazonaws.com/role-arn': 'arn:aws-us-gov:iam::123456789012:role/harness-delegate',
          'eks.amazonaws.com/sts-regional-endpoints': 'true',
        },
      },
    });
  });

  it('kubectl checks name the real workload, binding and pod label, and look for both injected variables', () => {
    const { artifacts } = prepareIrsa(fixture('harness-delegate-ng-cluster-admin.yaml'), { serviceAccount: SA, roleArn: ROLE });
    const text = artifacts.checks.text ?? '';
    expect(text).toContain(
      `kubectl get serviceaccount ${SA} -n ${NS} -o jsonpath='{.metadata.annotations.eks\\.amazonaws\\.com/role-arn}{"\\n"}'`,
    );
    expect(text).toContain('kubectl get clusterrolebinding harness-delegate-ng-cluster-admin');
    expect(text).toContain(`kubectl rollout restart deployment/prod-eks-delegate -n ${NS}`);
    expect(text).toContain(
      `kubectl describe pods -n ${NS} -l harness.io/name=delegate | grep -E 'AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE'`,
    );
  });

  it('says what each artifact still needs instead of guessing', () => {
    const artifacts = generateArtifacts({ serviceAccount: SA });
    expect(artifacts.trustPolicy).toMatchObject({ text: null, needs: ["the cluster's OIDC issuer URL", 'the AWS account ID'] });
    expect(artifacts.commands.needs).toEqual([
      'the EKS cluster name',
      'the cluster region',
      'the IAM role (role ARN, or account ID and role name)',
    ]);
    expect(artifacts.helmValues.text).toBeNull();
    expect(artifacts.permissionPolicy.text).not.toBeNull();
  });
});
