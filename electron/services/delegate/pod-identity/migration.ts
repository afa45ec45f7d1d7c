import type { GuideStep, PodIdentityGuide } from '../../../../shared/delegate/results';
import { TRUST_FILE } from '../generate/artifact-context';
import { podSelector, workloadTarget } from '../generate/kubectl';
import { shellQuote } from '../generate/shell';
import { ROLE_ARN_ANNOTATION } from '../validate';
import { AGENT_ADDON, CREDENTIALS_URI_ENV, MIN_JAVA_V1_SDK, TOKEN_FILE_ENV } from './facts';
import { addonCommand, associationCommand, awsCommand, deleteAssociationCommand, type PodIdentityTarget } from './target';

const MIGRATION_TRUST_FILE = 'harness-delegate-migration-trust-policy.json';

const step = (title: string, detail: string, code: string | null = null): GuideStep => ({ title, detail, code });
const lines = (...parts: string[]) => parts.join('\n');

/**
 * An IRSA delegate moved to Pod Identity, keeping a way back at every step. The order follows from
 * one fact: when a service account has both, EKS gives pods that start from then on only Pod
 * Identity's variables (the webhook's "container credentials take precedence",
 * aws/amazon-eks-pod-identity-webhook testdata/containercredentials/rawPodWithRoleArn), so Use IRSA
 * connectors stop working at the first restart after the association, and must be switched right then.
 */
export function migrationSteps(target: PodIdentityTarget): NonNullable<PodIdentityGuide['migration']> {
  const q = shellQuote;
  const ns = q(target.namespace);
  const sa = q(target.serviceAccount);
  const workload = workloadTarget(target.workload);
  const pods = podSelector(target.workload);
  const role = q(target.role.roleName);
  const restart = [`kubectl rollout restart ${workload} -n ${ns}`, `kubectl rollout status ${workload} -n ${ns}`];
  return {
    steps: [
      step(
        'Check that the delegate can use Pod Identity',
        `Pod Identity works for pods on Linux EC2 nodes only: a delegate on Fargate or Windows nodes stays with IRSA. The delegate's AWS SDK for Java must be ${MIN_JAVA_V1_SDK} or later; upgrade an old delegate image first (the Checks tab shows how to tell).`,
        lines(
          `kubectl get pods -n ${ns} ${pods} -o wide`,
          'kubectl get nodes -L kubernetes.io/os -L eks.amazonaws.com/compute-type',
          `kubectl get ${workload} -n ${ns} -o jsonpath='{.spec.template.spec.containers[*].image}{"\\n"}'`,
        ),
      ),
      step(
        'Install the EKS Pod Identity Agent add-on',
        'Once per cluster (EKS Auto Mode has it built in). Nothing changes for running pods yet; the node role needs eks-auth:AssumeRoleForPodIdentity (AmazonEKSWorkerNodePolicy has it).',
        lines(addonCommand(target), `kubectl get daemonset ${AGENT_ADDON} -n kube-system`),
      ),
      step(
        'Let the role trust EKS Pod Identity as well',
        `Add the pods.eks.amazonaws.com statement (the Trust policy tab, saved as ${TRUST_FILE}) next to the OIDC one. Keep the OIDC statement until the end: it is the way back.`,
        lines(
          awsCommand(target, ['aws iam get-role', `--role-name ${role}`, '--query Role.AssumeRolePolicyDocument', '--output json']) +
            ` \\\n  | jq --slurpfile pod ${TRUST_FILE} '.Statement += $pod[0].Statement' > ${MIGRATION_TRUST_FILE}`,
          awsCommand(target, [
            'aws iam update-assume-role-policy',
            `--role-name ${role}`,
            `--policy-document file://${MIGRATION_TRUST_FILE}`,
          ]),
        ),
      ),
      step(
        'Create the association, right before the restart',
        'Running pods keep IRSA, but every pod that starts from now on gets Pod Identity instead (a restart, a drained node, the delegate upgrader rolling out a new image): when a service account has both, EKS gives new pods only Pod Identity. So do this step and the next two together. The association takes a few seconds to take effect.',
        associationCommand(target),
      ),
      step(
        'Restart the delegate and check its pods',
        `The new pods must show ${CREDENTIALS_URI_ENV} and ${TOKEN_FILE_ENV}, and no AWS_ROLE_ARN. From here on, Use IRSA connectors fail on this delegate.`,
        lines(...restart, `kubectl describe pods -n ${ns} ${pods} | grep -E '${CREDENTIALS_URI_ENV}|${TOKEN_FILE_ENV}|AWS_ROLE_ARN'`),
      ),
      step(
        'Switch the connectors to Assume IAM Role on Delegate',
        'In every AWS connector that runs on this delegate, change the credential type from Use IRSA to Assume IAM Role on Delegate, keep its delegate selectors and cross-account settings, and run its connection test.',
        lines('connector:', '  spec:', '    credential:', '      type: InheritFromDelegate  # was: Irsa', '      spec: null'),
      ),
      step(
        'Clean up once every connector passes',
        `Remove the ${ROLE_ARN_ANNOTATION} annotation from the service account, and from the manifest or Helm values too, or the next apply puts it back. Then drop the OIDC statement from the trust policy; keep the cluster's OIDC provider if other workloads use IRSA.`,
        lines(
          `kubectl annotate serviceaccount ${sa} -n ${ns} ${ROLE_ARN_ANNOTATION}-`,
          awsCommand(target, ['aws iam update-assume-role-policy', `--role-name ${role}`, `--policy-document file://${TRUST_FILE}`]),
        ),
      ),
    ],
    rollback: [
      step(
        'Before the clean-up: delete the association and restart',
        'The annotation and the OIDC statement are still there, so new pods get AWS_ROLE_ARN again; switch the connectors back to Use IRSA.',
        lines(deleteAssociationCommand(target), ...restart),
      ),
      step(
        'After the clean-up: first put IRSA back',
        `Restore the trust policy that has the OIDC statement (${MIGRATION_TRUST_FILE} has both) and the annotation, then do the step above.`,
        lines(
          awsCommand(target, [
            'aws iam update-assume-role-policy',
            `--role-name ${role}`,
            `--policy-document file://${MIGRATION_TRUST_FILE}`,
          ]),
          `kubectl annotate serviceaccount ${sa} -n ${ns} ${ROLE_ARN_ANNOTATION}=${q(target.roleArn)}`,
        ),
      ),
    ],
  };
}
