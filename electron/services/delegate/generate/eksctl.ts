import { commandLine, shellQuote } from './shell';

export interface EksctlInput {
  readonly clusterName: string;
  readonly region: string;
  readonly partition: string;
  readonly accountId: string;
  readonly roleName: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

/**
 * The eksctl way to the role: the cluster's OIDC provider, the permission policy, then the role
 * with its trust policy. The service account itself comes from the patched manifest (or the Helm
 * values), which is why eksctl is told to make the role only; the generated text says why.
 */
export function eksctlCommands(input: EksctlInput): string {
  const q = shellQuote;
  const policyName = `${input.roleName}-permissions`;
  return [
    "# 1. Once per cluster: register the cluster's OIDC issuer as an IAM identity provider.",
    commandLine([
      'eksctl utils associate-iam-oidc-provider',
      `--cluster ${q(input.clusterName)}`,
      `--region ${q(input.region)}`,
      '--approve',
    ]),
    '',
    '# 2. The permission policy (save the "Permission policy" tab as harness-delegate-permissions.json).',
    commandLine(['aws iam create-policy', `--policy-name ${q(policyName)}`, '--policy-document file://harness-delegate-permissions.json']),
    '',
    '# 3. The role, trusted by this service account only. --role-only: eksctl creates the IAM role and leaves',
    '#    the service account alone. The patched manifest (or the Helm values) creates it with the',
    '#    eks.amazonaws.com/role-arn annotation, so it is defined in one place. Without --role-only eksctl',
    '#    writes the service account itself, and with --override-existing-serviceaccounts it can leave an',
    '#    existing one without the annotation (eksctl issues #2665, #7348, #7887): the pods then get no role.',
    commandLine([
      'eksctl create iamserviceaccount',
      `--name ${q(input.serviceAccount)}`,
      `--namespace ${q(input.namespace)}`,
      `--cluster ${q(input.clusterName)}`,
      `--region ${q(input.region)}`,
      `--role-name ${q(input.roleName)}`,
      `--attach-policy-arn ${q(`arn:${input.partition}:iam::${input.accountId}:policy/${policyName}`)}`,
      '--role-only',
      '--approve',
    ]),
    '',
    '# 4. Then apply the patched manifest (or install the chart with the Helm values): it creates the annotated',
    '#    service account and points the delegate at it; the changed pod spec starts new pods, which get the role.',
    `kubectl apply -f ${q('harness-delegate.irsa.yaml')}`,
    '',
  ].join('\n');
}
