import { parse, parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { DelegateFormInput } from '../../../shared/delegate/form';
import { podIdentityTrustPolicy } from '../../../electron/services/delegate/pod-identity/trust-policy';
import { generateArtifacts, prepareIrsa } from '../../helpers/parsed-calls';
import { fixture, irsa, NS, patchedText, ROLE, SA } from './fixtures';

/** EKS Pod Identity: the trust policy, the commands, the checks, the migration from IRSA, in each documented partition. */

const PARTITIONS = [
  { partition: 'aws', region: 'us-east-1' },
  { partition: 'aws-us-gov', region: 'us-gov-west-1' },
  { partition: 'aws-cn', region: 'cn-north-1' },
] as const;

const roleIn = (partition: string) => `arn:${partition}:iam::123456789012:role/harness-delegate`;

function form(partition: string, region: string, more: Partial<DelegateFormInput> = {}): DelegateFormInput {
  return { mechanism: 'pod-identity', serviceAccount: SA, roleArn: roleIn(partition), region, clusterName: 'prod-eks', ...more };
}

const manifest = fixture('harness-delegate.yaml');

describe('Pod Identity trust policy', () => {
  it('trusts pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession, limited by the session tags EKS sends', () => {
    expect(podIdentityTrustPolicy({ namespace: NS, serviceAccount: SA })).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
          Effect: 'Allow',
          Principal: { Service: 'pods.eks.amazonaws.com' },
          Action: ['sts:AssumeRole', 'sts:TagSession'],
          Condition: { StringEquals: { 'aws:RequestTag/kubernetes-namespace': NS, 'aws:RequestTag/kubernetes-service-account': SA } },
        },
      ],
    });
  });

  it('without a scope it is the plain policy of the AWS documentation', () => {
    expect(podIdentityTrustPolicy().Statement[0]).not.toHaveProperty('Condition');
    expect(podIdentityTrustPolicy({ namespace: NS }).Statement[0]?.Condition).toEqual({
      StringEquals: { 'aws:RequestTag/kubernetes-namespace': NS },
    });
  });

  it.each(PARTITIONS)('$partition: the same principal, no OIDC provider, no account', ({ partition, region }) => {
    const text = generateArtifacts(form(partition, region)).trustPolicy.text ?? '';
    expect(JSON.parse(text)).toEqual(podIdentityTrustPolicy({ namespace: NS, serviceAccount: SA }));
    expect(text).not.toMatch(/oidc|Federated|arn:/);
  });
});

describe.each(PARTITIONS)('Pod Identity in $partition', ({ partition, region }) => {
  const artifacts = generateArtifacts(form(partition, region));
  const role = roleIn(partition);

  it('commands: the agent add-on, the role in the partition, the association with aws and eksctl, the restart', () => {
    const text = artifacts.commands.text ?? '';
    expect(artifacts.commands.title).toBe('Association');
    expect(text).toContain(
      `aws eks create-addon \\\n  --cluster-name prod-eks \\\n  --addon-name eks-pod-identity-agent \\\n  --region ${region}\n`,
    );
    expect(text).toContain(
      `aws eks create-pod-identity-association \\\n  --cluster-name prod-eks \\\n  --namespace ${NS} \\\n  --service-account ${SA} \\\n  --role-arn ${role} \\\n  --region ${region}\n`,
    );
    expect(text).toContain(
      `#    The same with eksctl: eksctl create podidentityassociation --cluster prod-eks --namespace ${NS} --service-account-name ${SA} --role-arn ${role} --region ${region}\n`,
    );
    expect(text).toContain('--assume-role-policy-document file://harness-delegate-trust-policy.json');
    expect(text).toContain(`--policy-arn arn:${partition}:iam::123456789012:policy/harness-delegate-permissions`);
    expect(text).toContain(`kubectl rollout restart 'deployment/<delegate name>' -n ${NS}`);
    expect(text).not.toMatch(/oidc|annotate|eks\.amazonaws\.com\/role-arn/);
  });

  it('checks: the agent, the association, Linux EC2 nodes, the injected variables, the SDK version, the identity', () => {
    const text = artifacts.checks.text ?? '';
    expect(text).toContain(`--addon-name eks-pod-identity-agent \\\n  --query addon.status \\\n  --output text \\\n  --region ${region}`);
    expect(text).toContain('kubectl get daemonset eks-pod-identity-agent -n kube-system');
    expect(text).toContain('aws eks list-pod-identity-associations');
    expect(text).toContain('Pod Identity does not work on Fargate');
    expect(text).toContain('kubectl get nodes -L kubernetes.io/os -L eks.amazonaws.com/compute-type');
    expect(text).toContain(`grep -E 'AWS_CONTAINER_CREDENTIALS_FULL_URI|AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE|AWS_ROLE_ARN'`);
    expect(text).toContain('AWS_CONTAINER_CREDENTIALS_FULL_URI: http://169.254.170.23/v1/credentials');
    expect(text).toContain(
      'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: /var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token',
    );
    expect(text).toContain('AWS SDK for Java is 1.12.746 or later');
    expect(text).toContain("grep -F 'has an invalid host'");
    expect(text).toContain(`#    expect: arn:${partition}:sts::123456789012:assumed-role/harness-delegate/…, not the node's role`);
  });

  it('permission policy: resources in the partition', () => {
    const policy = JSON.parse(
      generateArtifacts(form(partition, region, { useCases: ['s3-write'], bucket: 'b' })).permissionPolicy.text ?? '',
    );
    expect(JSON.stringify(policy)).toContain(`arn:${partition}:s3:::b/*`);
  });

  it('migration: in the partition and region, with the association after the trust policy and before the restart', () => {
    const migration = artifacts.podIdentity?.migration;
    expect(migration?.steps.map((step) => step.title)).toEqual([
      'Check that the delegate can use Pod Identity',
      'Install the EKS Pod Identity Agent add-on',
      'Let the role trust EKS Pod Identity as well',
      'Create the association, right before the restart',
      'Restart the delegate and check its pods',
      'Switch the connectors to Assume IAM Role on Delegate',
      'Clean up once every connector passes',
    ]);
    const code = migration?.steps.map((step) => step.code ?? '') ?? [];
    expect(code[2]).toContain(
      `| jq --slurpfile pod harness-delegate-trust-policy.json '.Statement += $pod[0].Statement' > harness-delegate-migration-trust-policy.json`,
    );
    expect(code[2]).toContain(`--region ${region}`);
    expect(code[3]).toContain(`--role-arn ${role}`);
    expect(code[4]).toContain(`kubectl rollout restart 'deployment/<delegate name>' -n ${NS}`);
    expect(code[5]).toContain('type: InheritFromDelegate  # was: Irsa');
    expect(code[6]).toContain(`kubectl annotate serviceaccount ${SA} -n ${NS} eks.amazonaws.com/role-arn-`);
    expect(code[6]).toContain('--policy-document file://harness-delegate-trust-policy.json');
    expect(migration?.rollback.map((step) => step.code ?? '').join('\n')).toContain(
      `aws eks delete-pod-identity-association \\\n  --cluster-name prod-eks \\\n  --association-id "$(aws eks list-pod-identity-associations --cluster-name prod-eks --namespace ${NS} --service-account ${SA} --query 'associations[0].associationId' --output text --region ${region})" \\\n  --region ${region}`,
    );
    expect(migration?.rollback[1]?.code).toContain(`eks.amazonaws.com/role-arn=${role}`);
  });

  it('no problem with a role of the cluster partition; an error with a role of another', () => {
    expect(prepareIrsa(manifest, form(partition, region)).problems.filter((p) => p.severity === 'error')).toEqual([]);
    const other = partition === 'aws' ? 'aws-us-gov' : 'aws';
    expect(prepareIrsa(manifest, form(partition, region, { roleArn: roleIn(other) })).problems).toContainEqual(
      expect.objectContaining({
        code: 'partition-mismatch',
        severity: 'error',
        line: null,
        message: `The role ARN is in partition "${other}" but the cluster's region ${region} is in "${partition}".`,
      }),
    );
  });
});

describe('Pod Identity connector credential type', () => {
  it('is Assume IAM Role on Delegate, saying why Use IRSA cannot work', () => {
    const { connector } = generateArtifacts(form('aws', 'us-east-1')).podIdentity!;
    expect(connector.type).toBe('InheritFromDelegate');
    expect(connector.label).toBe('Assume IAM Role on Delegate');
    expect(connector.why).toContain('AWS_CONTAINER_CREDENTIALS_FULL_URI');
    expect(connector.notIrsa).toContain('AWS_ROLE_ARN');
    expect(connector.notes.join(' ')).toContain('1.12.746');
  });

  it('the IRSA artifacts carry no Pod Identity guide', () => {
    expect(generateArtifacts({ serviceAccount: SA, roleArn: ROLE }).podIdentity).toBeNull();
  });
});

describe('Pod Identity manifest edits', () => {
  it('the same three edits as IRSA without the annotation: a plain ServiceAccount, the binding, serviceAccountName', () => {
    const result = prepareIrsa(manifest, form('aws', 'us-east-1'));
    const output = patchedText(manifest, result) ?? '';
    expect(result.changes).toEqual([
      `Pointed ClusterRoleBinding harness-delegate-cluster-admin at ServiceAccount ${NS}/${SA}.`,
      `Set serviceAccountName: ${SA} in Deployment PUT_YOUR_DELEGATE_NAME.`,
      `Added ServiceAccount ${NS}/${SA}.`,
    ]);
    expect(output).toContain(`kind: ServiceAccount\nmetadata:\n  name: ${SA}\n  namespace: ${NS}\n\n---`);
    expect(output).not.toContain('eks.amazonaws.com/');
    const docs = parseAllDocuments(output).map((doc) => doc.toJS());
    expect(docs.find((d) => d.kind === 'Deployment').spec.template.spec.serviceAccountName).toBe(SA);
    // Run again on its own output: nothing to change.
    expect(prepareIrsa(output, form('aws', 'us-east-1')).edits).toEqual([]);
  });

  it('needs no role for the edit, but says the association will', () => {
    const result = prepareIrsa(manifest, { mechanism: 'pod-identity', serviceAccount: SA });
    expect(patchedText(manifest, result)).toContain(`serviceAccountName: ${SA}`);
    expect(result.problems).toContainEqual(expect.objectContaining({ code: 'missing-role', severity: 'error' }));
    expect(result.artifacts.commands).toMatchObject({
      text: null,
      needs: ['the EKS cluster name', 'the IAM role (role ARN, or account ID and role name)'],
    });
    expect(result.artifacts.podIdentity?.migration).toBeNull();
    expect(result.artifacts.podIdentity?.migrationNeeds).toEqual(result.artifacts.commands.needs);
    expect(result.artifacts.trustPolicy.text).not.toBeNull();
  });

  it("leaves an IRSA delegate's annotation in place and warns about it, with its line", () => {
    const irsaManifest = irsa(manifest, { serviceAccount: SA, namespace: NS, roleArn: ROLE, stsRegionalEndpoints: false }).output;
    const result = prepareIrsa(irsaManifest, form('aws', 'us-east-1'));
    expect(result.edits).toEqual([]);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        code: 'irsa-annotation',
        severity: 'warning',
        line: 14,
        message: `ServiceAccount ${SA} still has the IRSA annotation eks.amazonaws.com/role-arn; with a Pod Identity association it no longer gives the pods anything.`,
      }),
    );
    // IRSA itself does not warn about its own annotation.
    expect(prepareIrsa(irsaManifest, { serviceAccount: SA, roleArn: ROLE }).problems.map((p) => p.code)).not.toContain('irsa-annotation');
  });

  it('Helm values: the service account with no annotation', () => {
    const values = generateArtifacts(form('aws', 'us-east-1')).helmValues;
    expect(values.fileName).toBe('pod-identity-values.yaml');
    expect(parse(values.text ?? '')).toEqual({ serviceAccount: { create: true, name: SA } });
    expect(values.text).toContain('No annotation: the Pod Identity association maps this service account to the role.');
  });

  it('names the real workload and pod label from the manifest in the commands', () => {
    const { artifacts } = prepareIrsa(fixture('harness-delegate-ng-cluster-admin.yaml'), form('aws', 'us-east-1'));
    expect(artifacts.commands.text).toContain(`kubectl rollout restart deployment/prod-eks-delegate -n ${NS}`);
    expect(artifacts.checks.text).toContain(`kubectl describe pods -n ${NS} -l harness.io/name=delegate`);
  });
});

describe('Pod Identity form problems', () => {
  it.each(['aws-eusc', 'aws-iso', 'aws-iso-b'])('warns that AWS does not document Pod Identity in %s', (partition) => {
    expect(prepareIrsa(manifest, form(partition, '')).problems).toContainEqual(
      expect.objectContaining({ code: 'undocumented-partition', severity: 'warning' }),
    );
  });

  it.each(PARTITIONS)('no such warning in $partition', ({ partition, region }) => {
    expect(prepareIrsa(manifest, form(partition, region)).problems.map((p) => p.code)).not.toContain('undocumented-partition');
  });

  it('refuses a cluster name EKS would refuse, and a region of no partition', () => {
    const codes = prepareIrsa(manifest, form('aws', 'us-east-1a', { clusterName: 'prod eks' })).problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['invalid-cluster-name', 'invalid-region']));
  });
});
