import { PERMISSIONS_FILE, TRUST_FILE } from '../generate/artifact-context';
import { workloadTarget } from '../generate/kubectl';
import { shellQuote, stepTitles } from '../generate/shell';
import { AGENT_ADDON } from './facts';
import { addonCommand, associationCommand, awsCommand, eksctlAssociation, type PodIdentityTarget } from './target';

/**
 * Pod Identity from nothing: the agent add-on, the role with its trust and permission policies, the
 * association, and the restart that gives the delegate's pods the credentials. No OIDC provider and
 * no service-account annotation take part (pod-id-association).
 */
export function podIdentityCommands(target: PodIdentityTarget): string {
  const q = shellQuote;
  const title = stepTitles();
  const { roleName, partition, accountId } = target.role;
  const policyName = `${roleName}-permissions`;
  const ns = q(target.namespace);
  const workload = workloadTarget(target.workload);
  return [
    title('Once per cluster: the EKS Pod Identity Agent add-on, a DaemonSet that hands the credentials to pods on'),
    '#    its node. EKS Auto Mode clusters have it built in: skip this there. The node role needs',
    '#    eks-auth:AssumeRoleForPodIdentity (AmazonEKSWorkerNodePolicy has it).',
    addonCommand(target),
    `#    The same with eksctl: eksctl create addon --cluster ${q(target.clusterName)} --name ${AGENT_ADDON}${target.region ? ` --region ${q(target.region)}` : ''}`,
    '',
    title(`The role, trusted by EKS Pod Identity, with the permission policy. ${TRUST_FILE} is the`),
    `#    "Trust policy" tab (or: awb delegate trust-policy --pod-identity), ${PERMISSIONS_FILE} the`,
    '#    "Permission policy" tab. Skip this for a role that exists; to move the IRSA role of a running delegate',
    '#    over, follow "Migrate from IRSA" instead.',
    awsCommand(target, ['aws iam create-policy', `--policy-name ${q(policyName)}`, `--policy-document file://${PERMISSIONS_FILE}`]),
    awsCommand(target, ['aws iam create-role', `--role-name ${q(roleName)}`, `--assume-role-policy-document file://${TRUST_FILE}`]),
    awsCommand(target, [
      'aws iam attach-role-policy',
      `--role-name ${q(roleName)}`,
      `--policy-arn ${q(`arn:${partition}:iam::${accountId}:policy/${policyName}`)}`,
    ]),
    '',
    title('The association: pods running as this service account in this namespace get the role. The role must'),
    "#    be in the cluster's account, and the service account needs no annotation.",
    associationCommand(target),
    `#    The same with eksctl: ${eksctlAssociation(target)}`,
    '',
    title('Restart the delegate: only pods created after the association get the credentials (it takes a few'),
    '#    seconds to take effect).',
    `kubectl rollout restart ${workload} -n ${ns}`,
    `kubectl rollout status ${workload} -n ${ns}`,
    '',
  ].join('\n');
}
