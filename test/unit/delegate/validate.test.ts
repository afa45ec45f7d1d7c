import { describe, expect, it } from 'vitest';
import { analyzeManifest } from '../../../electron/services/delegate/delegate-service';
import { prepareIrsa } from '../../helpers/parsed-calls';
import type { ManifestProblem } from '../../../shared/delegate/problems';
import { fixture, NS, patchedText, ROLE, SA } from './fixtures';

const current = fixture('harness-delegate.yaml');
const compact = fixture('harness-delegate-ng-cluster-admin.yaml');

function only(problems: readonly ManifestProblem[], code: ManifestProblem['code']) {
  return problems.filter((p) => p.code === code).map(({ severity, line, message }) => ({ severity, line, message }));
}

function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, index).split('\n').length;
}

describe('reading a delegate manifest', () => {
  it('identifies the workload, its namespace and account, the binding and the upgrader in the real manifest', () => {
    const analysis = analyzeManifest(current);
    expect(analysis.objects.map((o) => o.kind)).toEqual([
      'Namespace',
      'ClusterRoleBinding',
      'Secret',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Role',
      'RoleBinding',
      'ServiceAccount',
      'Secret',
      'ConfigMap',
      'CronJob',
    ]);
    expect(analysis.workload).toEqual({
      kind: 'Deployment',
      name: 'PUT_YOUR_DELEGATE_NAME',
      namespace: NS,
      line: 37,
      serviceAccount: 'default',
      image: 'PUT_YOUR_DELEGATE_IMAGE',
    });
    expect(analysis.binding).toEqual({
      kind: 'ClusterRoleBinding',
      name: 'harness-delegate-cluster-admin',
      line: 8,
      subject: { name: 'default', namespace: NS, line: 13 },
    });
    expect(analysis.hasUpgrader).toBe(true);
    expect(analysis.placeholders.find((p) => p.name === 'PUT_YOUR_DELEGATE_TOKEN')?.lines).toEqual([30, 195]);
    expect(analysis.placeholders.find((p) => p.name === 'PUT_YOUR_ACCOUNT_ID')?.lines).toEqual([99, 212]);
  });

  it('finds the legacy StatefulSet and its binding, and the compact form without upgrader', () => {
    const legacy = analyzeManifest(fixture('harness-delegate-legacy-statefulset.yaml'));
    expect(legacy.workload?.kind).toBe('StatefulSet');
    expect(legacy.binding?.name).toBe('harness-delegate-ng-cluster-admin');
    expect(legacy.hasUpgrader).toBe(false);
    const ng = analyzeManifest(compact);
    expect(ng.workload?.name).toBe('prod-eks-delegate');
    expect(ng.binding?.name).toBe('harness-delegate-ng-cluster-admin');
    expect(ng.hasUpgrader).toBe(false);
    expect(ng.placeholders).toEqual([{ name: 'PUT_YOUR_DELEGATE_TOKEN', lines: [28] }]);
  });
});

describe('validation problems, each with its line', () => {
  it('placeholders left: one warning per placeholder, at its first line, listing all lines', () => {
    expect(only(analyzeManifest(current).problems, 'placeholder')).toContainEqual({
      severity: 'warning',
      line: 30,
      message: 'PUT_YOUR_DELEGATE_TOKEN is still a placeholder (lines 30, 195).',
    });
  });

  it('namespaces that disagree: binding subject vs workload', () => {
    const text = compact.replace(
      '    name: default\n    namespace: harness-delegate-ng',
      '    name: default\n    namespace: harness-delegate',
    );
    expect(only(analyzeManifest(text).problems, 'namespace-mismatch')).toEqual([
      {
        severity: 'error',
        line: 15,
        message:
          'The ClusterRoleBinding harness-delegate-ng-cluster-admin binds a service account in namespace "harness-delegate", but the delegate Deployment runs in "harness-delegate-ng".',
      },
    ]);
  });

  it('namespaces that disagree: service account vs workload (after an edit with another --namespace)', () => {
    const result = prepareIrsa(compact, { serviceAccount: SA, roleArn: ROLE, namespace: 'other' });
    const problems = only(result.problems, 'namespace-mismatch');
    const output = patchedText(compact, result) ?? '';
    // The new ServiceAccount (namespace line 12) and the binding subject both say "other"; the Deployment says harness-delegate-ng.
    expect(output.split('\n')[11]).toBe('  namespace: other');
    expect(problems.map((p) => p.line)).toEqual([12, lineOf(output, '    namespace: other\nroleRef')]);
  });

  it('a role ARN of a different partition than the cluster region, at the annotation line', () => {
    const result = prepareIrsa(current, { serviceAccount: SA, roleArn: ROLE, region: 'us-gov-west-1' });
    expect(only(result.problems, 'partition-mismatch')).toEqual([
      {
        severity: 'error',
        line: 14,
        message: 'The role ARN is in partition "aws" but the cluster\'s region us-gov-west-1 is in "aws-us-gov".',
      },
    ]);
    const china = prepareIrsa(current, {
      serviceAccount: SA,
      roleArn: 'arn:aws:iam::123456789012:role/x',
      oidcIssuer: 'https://oidc.eks.cn-northwest-1.amazonaws.com.cn/id/ABCDEF',
    });
    expect(only(china.problems, 'partition-mismatch')[0]?.message).toContain('"aws-cn"');
    const same = prepareIrsa(current, { serviceAccount: SA, roleArn: 'arn:aws-us-gov:iam::123456789012:role/x', region: 'us-gov-east-1' });
    expect(only(same.problems, 'partition-mismatch')).toEqual([]);
  });

  it('deprecated API versions, at the apiVersion line', () => {
    const text = current.replace(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding',
      'apiVersion: rbac.authorization.k8s.io/v1beta1\nkind: ClusterRoleBinding',
    );
    expect(only(analyzeManifest(text).problems, 'deprecated-api')).toEqual([
      {
        severity: 'error',
        line: 8,
        message:
          'ClusterRoleBinding harness-delegate-cluster-admin uses apiVersion rbac.authorization.k8s.io/v1beta1, removed in Kubernetes 1.22.',
      },
    ]);
    const role = current.replace(
      'kind: Role\napiVersion: rbac.authorization.k8s.io/v1',
      'kind: Role\napiVersion: rbac.authorization.k8s.io/v1beta1',
    );
    expect(only(analyzeManifest(role).problems, 'deprecated-api').map((p) => p.line)).toEqual([150]);
  });

  it('harness/delegate:latest in the image, not in the comment that warns about it', () => {
    expect(only(analyzeManifest(current).problems, 'latest-image')).toEqual([]);
    expect(only(analyzeManifest(fixture('harness-delegate-legacy-statefulset.yaml')).problems, 'latest-image')).toEqual([
      { severity: 'warning', line: 56, message: 'The delegate image is harness/delegate:latest, the deprecated legacy image.' },
    ]);
  });

  it('a service account name that is not a valid Kubernetes name, at the serviceAccountName line', () => {
    const result = prepareIrsa(current, { serviceAccount: 'Harness_Delegate', roleArn: ROLE });
    const problems = only(result.problems, 'invalid-service-account-name');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(69);
    expect(patchedText(current, result)?.split('\n')[68]).toBe('      serviceAccountName: Harness_Delegate');
    const existing = compact.replace(
      '      terminationGracePeriodSeconds: 600\n',
      '      serviceAccountName: bad..name\n      terminationGracePeriodSeconds: 600\n',
    );
    expect(only(analyzeManifest(existing).problems, 'invalid-service-account-name')).toEqual([
      {
        severity: 'error',
        line: lineOf(existing, '      serviceAccountName: bad..name'),
        message:
          'The service account name "bad..name" is not a valid Kubernetes name: it may only contain lowercase letters, digits, "-" and ".", and must start and end with a letter or digit.',
      },
    ]);
  });

  it('a role annotation that is not a role ARN, at its line', () => {
    const result = prepareIrsa(compact, { serviceAccount: SA, roleArn: 'arn:aws:iam::123:user/bob' });
    expect(result.edits).toBeNull();
    expect(only(result.problems, 'invalid-role-arn')[0]?.line).toBeNull();
    const pasted = compact.replace(
      '---\napiVersion: rbac',
      `---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\n  namespace: ${NS}\n  annotations:\n    eks.amazonaws.com/role-arn: my-role\n---\napiVersion: rbac`,
    );
    expect(only(analyzeManifest(pasted).problems, 'invalid-role-arn')).toEqual([
      { severity: 'error', line: lineOf(pasted, '    eks.amazonaws.com/role-arn: my-role'), message: '"my-role" is not an IAM role ARN.' },
    ]);
  });

  it('form values that are wrong before they reach the manifest: namespace name and issuer URL, without a line', () => {
    const result = prepareIrsa(compact, {
      serviceAccount: SA,
      roleArn: ROLE,
      namespace: 'Harness.NG',
      oidcIssuer: 'https://oidc.eks.cn-north-1.amazonaws.com/id/ABC',
    });
    expect(only(result.problems, 'invalid-namespace')).toEqual([
      {
        severity: 'error',
        line: null,
        message:
          'The namespace "Harness.NG" is not a valid Kubernetes namespace name: it may only contain lowercase letters, digits and "-", and must start and end with a letter or digit.',
      },
    ]);
    expect(only(result.problems, 'invalid-issuer')).toEqual([
      { severity: 'error', line: null, message: '"https://oidc.eks.cn-north-1.amazonaws.com/id/ABC" is not an EKS OIDC issuer URL.' },
    ]);
  });

  it('YAML that cannot be read: the error and its line, and no edit', () => {
    const broken = current.replace('  name: harness-delegate-cluster-admin', '  name: "harness-delegate-cluster-admin');
    const result = prepareIrsa(broken, { serviceAccount: SA, roleArn: ROLE });
    expect(result.edits).toBeNull();
    expect(result.problems[0]?.code).toBe('yaml-syntax');
    expect(result.problems[0]?.line).toBeGreaterThanOrEqual(11);
  });

  it('no delegate workload at all', () => {
    const result = prepareIrsa('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n', { serviceAccount: SA, roleArn: ROLE });
    expect(result.edits).toBeNull();
    expect(result.problems.map((p) => p.code)).toEqual(['no-workload']);
  });

  it('the patched real manifest has no errors, only the placeholders to fill', () => {
    const result = prepareIrsa(current, { serviceAccount: SA, roleArn: ROLE, region: 'us-east-1' });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(['placeholder']));
  });
});
