import { Document } from 'yaml';
import { ROLE_ARN_ANNOTATION, STS_REGIONAL_ANNOTATION } from '../validate';
import { shellQuote } from './shell';

export interface HelmValuesInput {
  readonly serviceAccount: string;
  readonly namespace: string;
  readonly roleArn: string;
  readonly stsRegionalEndpoints: boolean;
}

/**
 * The Helm alternative to editing the manifest: the harness-delegate-ng chart creates the service
 * account from these values, sets `serviceAccountName` and binds it in its own ClusterRoleBinding.
 */
export function helmValues(input: HelmValuesInput): string {
  const doc = new Document({
    serviceAccount: {
      create: true,
      name: input.serviceAccount,
      annotations: {
        [ROLE_ARN_ANNOTATION]: input.roleArn,
        ...(input.stsRegionalEndpoints ? { [STS_REGIONAL_ANNOTATION]: 'true' } : {}),
      },
    },
  });
  doc.commentBefore = [
    ' Helm values for the harness/harness-delegate-ng chart (IRSA). Install with:',
    ` helm upgrade -i harness-delegate --namespace ${shellQuote(input.namespace)} --create-namespace \\`,
    '   harness-delegate/harness-delegate-ng -f irsa-values.yaml \\',
    '   --set delegateName=... --set accountId=... --set delegateToken=... --set managerEndpoint=... --set delegateDockerImage=...',
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
