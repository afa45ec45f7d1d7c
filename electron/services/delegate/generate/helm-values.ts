import { Document } from 'yaml';
import { shellQuote } from './shell';

export interface HelmValuesInput {
  readonly serviceAccount: string;
  readonly namespace: string;
  /** The service account's annotations: IRSA's role annotation, or none for Pod Identity. */
  readonly annotations: Readonly<Record<string, string>>;
  /** Which mechanism, for the comment: `IRSA`, `EKS Pod Identity`. */
  readonly mechanism: string;
  readonly fileName: string;
  /** More comment lines, after the install command. */
  readonly notes: readonly string[];
}

/**
 * The Helm alternative to editing the manifest: the harness-delegate-ng chart creates the service
 * account from these values, sets `serviceAccountName` and binds it in its own ClusterRoleBinding.
 */
export function helmValues(input: HelmValuesInput): string {
  const annotated = Object.keys(input.annotations).length > 0;
  const doc = new Document({
    serviceAccount: { create: true, name: input.serviceAccount, ...(annotated ? { annotations: input.annotations } : {}) },
  });
  doc.commentBefore = [
    ` Helm values for the harness/harness-delegate-ng chart (${input.mechanism}). Install with:`,
    ` helm upgrade -i harness-delegate --namespace ${shellQuote(input.namespace)} --create-namespace \\`,
    `   harness-delegate/harness-delegate-ng -f ${input.fileName} \\`,
    '   --set delegateName=... --set accountId=... --set delegateToken=... --set managerEndpoint=... --set delegateDockerImage=...',
    ...input.notes.map((note) => ` ${note}`),
  ].join('\n');
  return doc.toString({ lineWidth: 0 });
}
