import { podSelector, workloadTarget, type WorkloadFacts } from './kubectl';
import { shellQuote, stepTitles } from './shell';

export interface ChecksInput {
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly roleArn: string;
  readonly workload: WorkloadFacts;
  readonly binding: { readonly kind: string; readonly name: string } | null;
}

/**
 * kubectl commands that show, step by step, that the delegate really got its role: the annotation,
 * the binding, a restart (the EKS webhook only changes pods created after the annotation), and
 * the two variables the webhook injects.
 */
export function kubectlChecks(input: ChecksInput): string {
  const ns = shellQuote(input.namespace);
  const sa = shellQuote(input.serviceAccount);
  const workload = workloadTarget(input.workload);
  const pods = podSelector(input.workload);
  const title = stepTitles();
  const lines = [
    title('The service account carries the role.'),
    `kubectl get serviceaccount ${sa} -n ${ns} -o jsonpath='{.metadata.annotations.eks\\.amazonaws\\.com/role-arn}{"\\n"}'`,
    `#    expect: ${input.roleArn}`,
    '',
  ];
  if (input.binding) {
    lines.push(
      title(`The ${input.binding.kind} binds that service account.`),
      `kubectl get ${input.binding.kind.toLowerCase()} ${shellQuote(input.binding.name)}${input.binding.kind === 'RoleBinding' ? ` -n ${ns}` : ''} -o jsonpath='{range .subjects[*]}{.namespace}/{.name}{"\\n"}{end}'`,
      `#    expect: ${input.namespace}/${input.serviceAccount}`,
      '',
    );
  }
  lines.push(
    title('Restart the delegate: only pods created after the annotation get the credentials.'),
    `kubectl rollout restart ${workload} -n ${ns}`,
    `kubectl rollout status ${workload} -n ${ns}`,
    '',
    title('The pods run as the service account and got AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE.'),
    `kubectl get pods -n ${ns} ${pods} -o jsonpath='{range .items[*]}{.metadata.name} {.spec.serviceAccountName}{"\\n"}{end}'`,
    `#    expect: every pod with ${input.serviceAccount}`,
    `kubectl describe pods -n ${ns} ${pods} | grep -E 'AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE'`,
    `#    expect: AWS_ROLE_ARN: ${input.roleArn}`,
    '#            AWS_WEB_IDENTITY_TOKEN_FILE: /var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    '',
  );
  return lines.join('\n');
}
