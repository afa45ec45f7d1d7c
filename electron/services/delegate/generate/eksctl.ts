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
 * The eksctl way to the same result: the cluster's OIDC provider, the permission policy, then the
 * role with its trust policy and the annotated service account in one step.
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
    '# 3. The role, trusted by this service account only, and the annotated service account.',
    commandLine([
      'eksctl create iamserviceaccount',
      `--name ${q(input.serviceAccount)}`,
      `--namespace ${q(input.namespace)}`,
      `--cluster ${q(input.clusterName)}`,
      `--region ${q(input.region)}`,
      `--role-name ${q(input.roleName)}`,
      `--attach-policy-arn ${q(`arn:${input.partition}:iam::${input.accountId}:policy/${policyName}`)}`,
      '--approve',
      '--override-existing-serviceaccounts',
    ]),
    '',
  ].join('\n');
}
