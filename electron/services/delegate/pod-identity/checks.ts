import { podSelector, workloadTarget } from '../generate/kubectl';
import { shellQuote, stepTitles } from '../generate/shell';
import {
  AGENT_ADDON,
  CREDENTIALS_URI,
  CREDENTIALS_URI_ENV,
  CREDENTIALS_URI_IPV6,
  MIN_AWS_CLI_V2,
  MIN_JAVA_V1_SDK,
  OLD_SDK_MESSAGE,
  TOKEN_FILE,
  TOKEN_FILE_ENV,
} from './facts';
import { awsCommand, type PodIdentityTarget } from './target';

/**
 * Commands that show, step by step, that the delegate really gets its role through Pod Identity:
 * the agent, the association, nodes where Pod Identity works, the injected variables (and no IRSA
 * ones), an SDK recent enough to read them, and the identity the pod ends up with.
 */
export function podIdentityChecks(target: PodIdentityTarget): string {
  const q = shellQuote;
  const title = stepTitles();
  const ns = q(target.namespace);
  const pods = podSelector(target.workload);
  const workload = workloadTarget(target.workload);
  const { partition, accountId, roleName } = target.role;
  return [
    title('The EKS Pod Identity Agent add-on is installed and runs on every node.'),
    awsCommand(target, [
      'aws eks describe-addon',
      `--cluster-name ${q(target.clusterName)}`,
      `--addon-name ${AGENT_ADDON}`,
      '--query addon.status',
      '--output text',
    ]),
    '#    expect: ACTIVE (on EKS Auto Mode the agent is built in and this add-on is not found)',
    `kubectl get daemonset ${AGENT_ADDON} -n kube-system`,
    '#    expect: as many READY as DESIRED',
    '',
    title('The association maps this service account to the role.'),
    awsCommand(target, [
      'aws eks list-pod-identity-associations',
      `--cluster-name ${q(target.clusterName)}`,
      `--namespace ${ns}`,
      `--service-account ${q(target.serviceAccount)}`,
      "--query 'associations[].associationArn'",
      '--output text',
    ]),
    '#    expect: one association ARN; then aws eks describe-pod-identity-association shows its roleArn:',
    `#            ${target.roleArn}`,
    '',
    title('The delegate runs on Linux EC2 nodes: Pod Identity does not work on Fargate (use IRSA there) or Windows.'),
    `kubectl get pods -n ${ns} ${pods} -o jsonpath='{range .items[*]}{.metadata.name} {.spec.nodeName}{"\\n"}{end}'`,
    'kubectl get nodes -L kubernetes.io/os -L eks.amazonaws.com/compute-type',
    "#    expect: the delegate's nodes are linux and not fargate (Fargate nodes are named fargate-…)",
    '',
    title('Restart the delegate: only pods created after the association get the credentials.'),
    `kubectl rollout restart ${workload} -n ${ns}`,
    `kubectl rollout status ${workload} -n ${ns}`,
    '',
    title("The pods got Pod Identity's variables, and no IRSA ones."),
    `kubectl describe pods -n ${ns} ${pods} | grep -E '${CREDENTIALS_URI_ENV}|${TOKEN_FILE_ENV}|AWS_ROLE_ARN'`,
    `#    expect: ${CREDENTIALS_URI_ENV}: ${CREDENTIALS_URI} (IPv6 clusters: ${CREDENTIALS_URI_IPV6})`,
    `#            ${TOKEN_FILE_ENV}: ${TOKEN_FILE}`,
    '#            and no AWS_ROLE_ARN: Use IRSA connectors cannot work in these pods',
    '',
    title(`The delegate's AWS SDK for Java is ${MIN_JAVA_V1_SDK} or later: an older one refuses the agent's address.`),
    `kubectl logs -n ${ns} ${pods} --tail=-1 | grep -F '${OLD_SDK_MESSAGE}'`,
    `#    expect: nothing, after a connector test (an old SDK fails it with "… ${CREDENTIALS_URI_ENV} ${OLD_SDK_MESSAGE} …");`,
    '#            upgrade the delegate image if it does',
    '',
    title(`The pods are the role (needs the AWS CLI ${MIN_AWS_CLI_V2} or later in the image; skip if it has none).`),
    `kubectl exec -n ${ns} ${workload} -- aws sts get-caller-identity --query Arn --output text`,
    `#    expect: arn:${partition}:sts::${accountId}:assumed-role/${roleName}/…, not the node's role`,
    '',
  ].join('\n');
}
