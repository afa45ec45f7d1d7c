import { isScalar, visit, type Scalar } from 'yaml';
import { parseOidcIssuer, parseRoleArn } from '../../../shared/delegate/partition';
import { partitionOfRegion } from '../../../shared/regions';
import { kubernetesNameProblem } from '../../../shared/delegate/names';
import type { ManifestProblem } from '../../../shared/delegate/problems';
import type { LocatedManifest, ObjectRef } from './locate';
import { nodeAt, type ParsedManifest } from './manifest';
import { findSecretValues, isWholePlaceholder, secretDocumentRanges } from './secret-values';

export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';
export const STS_REGIONAL_ANNOTATION = 'eks.amazonaws.com/sts-regional-endpoints';

/** The cluster the manifest is meant for, when the user said; it decides the expected partition. */
export interface ClusterFacts {
  readonly region?: string | undefined;
  readonly oidcIssuer?: string | undefined;
}

/** API versions Kubernetes has removed, with the version to use instead and the release that removed them. */
const REMOVED_APIS: Readonly<Record<string, { readonly use: string; readonly removedIn: string }>> = {
  'rbac.authorization.k8s.io/v1beta1': { use: 'rbac.authorization.k8s.io/v1', removedIn: '1.22' },
  'rbac.authorization.k8s.io/v1alpha1': { use: 'rbac.authorization.k8s.io/v1', removedIn: '1.22' },
  'extensions/v1beta1': { use: 'apps/v1', removedIn: '1.16' },
  'apps/v1beta1': { use: 'apps/v1', removedIn: '1.16' },
  'apps/v1beta2': { use: 'apps/v1', removedIn: '1.16' },
  'batch/v1beta1': { use: 'batch/v1', removedIn: '1.25' },
  'autoscaling/v2beta1': { use: 'autoscaling/v2', removedIn: '1.25' },
  'autoscaling/v2beta2': { use: 'autoscaling/v2', removedIn: '1.26' },
  'policy/v1beta1': { use: 'policy/v1', removedIn: '1.25' },
};

const LATEST_DELEGATE_IMAGE = /(^|\/)harness\/delegate:latest$/;
const PLACEHOLDER = /PUT_YOUR_[A-Z0-9_]+/g;

function problem(
  code: ManifestProblem['code'],
  severity: ManifestProblem['severity'],
  line: number | null,
  message: string,
  fix: string,
): ManifestProblem {
  return { code, severity, line, message, fix };
}

function lineOf(manifest: ParsedManifest, node: { range?: [number, number, number] | null } | null, fallback: number): number {
  return node?.range ? manifest.lineOf(node.range[0]) : fallback;
}

/**
 * Every `PUT_YOUR_…` left in a value, with all the lines it is on (block scalars span several). In a
 * Secret value only a whole placeholder counts: a match inside a real token would quote part of it.
 */
export function findPlaceholders(manifest: ParsedManifest, located: LocatedManifest): { name: string; lines: number[] }[] {
  const secretNodes = findSecretValues(manifest, located).nodes;
  const found = new Map<string, Set<number>>();
  for (const { doc } of manifest.documents) {
    visit(doc, {
      Scalar(_key, node) {
        if (typeof node.value !== 'string' || !node.value.includes('PUT_YOUR_') || !node.range) return;
        if (secretNodes.has(node) && !isWholePlaceholder(node.value)) return;
        const [start, end] = node.range;
        for (const match of manifest.text.slice(start, end).matchAll(PLACEHOLDER)) {
          const lines = found.get(match[0]) ?? new Set<number>();
          lines.add(manifest.lineOf(start + (match.index ?? 0)));
          found.set(match[0], lines);
        }
      },
    });
  }
  return [...found].map(([name, lines]) => ({ name, lines: [...lines].sort((a, b) => a - b) }));
}

function annotation(object: ObjectRef, key: string): Scalar | null {
  const node = nodeAt(object.root, ['metadata', 'annotations', key]);
  return isScalar(node) ? node : null;
}

/** The service-account object the delegate pods run as, when the manifest defines it. */
export function delegateServiceAccount(located: LocatedManifest): ObjectRef | null {
  const workload = located.workload;
  if (!workload) return null;
  return (
    located.serviceAccounts.find(
      (sa) => sa.name === workload.serviceAccount && (sa.namespace ?? workload.namespace) === workload.namespace,
    ) ?? null
  );
}

function namespaceProblems(manifest: ParsedManifest, located: LocatedManifest): ManifestProblem[] {
  const { workload, binding } = located;
  if (!workload) return [];
  const expected = workload.namespace;
  const problems: ManifestProblem[] = [];
  const subjectNamespace = binding?.subject ? nodeAt(binding.subject, ['namespace']) : null;
  const subjectValue = isScalar(subjectNamespace) ? String(subjectNamespace.value) : null;
  const account = delegateServiceAccount(located) ?? located.serviceAccounts.find((sa) => sa.name === workload.serviceAccount) ?? null;
  const where = expected ?? subjectValue;
  if (binding?.subject && subjectValue !== null && where !== null && subjectValue !== where) {
    problems.push(
      problem(
        'namespace-mismatch',
        'error',
        lineOf(manifest, subjectNamespace, binding.line),
        `The ${binding.kind} ${binding.name ?? ''} binds a service account in namespace "${subjectValue}", but the delegate ${workload.kind} runs in "${where}".`,
        `Set the subject's namespace to "${where}"; a binding to another namespace's account gives the delegate no permissions.`,
      ),
    );
  }
  if (account && account.namespace !== null && where !== null && account.namespace !== where) {
    problems.push(
      problem(
        'namespace-mismatch',
        'error',
        lineOf(manifest, nodeAt(account.root, ['metadata', 'namespace']), account.line),
        `The ServiceAccount ${account.name ?? ''} is in namespace "${account.namespace}", but the delegate ${workload.kind} runs in "${where}".`,
        `Create the service account in "${where}": pods can only use service accounts of their own namespace.`,
      ),
    );
  }
  return problems;
}

function partitionProblems(manifest: ParsedManifest, located: LocatedManifest, cluster: ClusterFacts): ManifestProblem[] {
  const account = delegateServiceAccount(located);
  const arnNode = account ? annotation(account, ROLE_ARN_ANNOTATION) : null;
  if (!account || !arnNode) return [];
  const arnLine = lineOf(manifest, arnNode, account.line);
  const arn = parseRoleArn(String(arnNode.value));
  if (!arn) {
    return [
      problem(
        'invalid-role-arn',
        'error',
        arnLine,
        `"${String(arnNode.value)}" is not an IAM role ARN.`,
        'Use the form arn:<partition>:iam::<12-digit account>:role/<role name>, e.g. arn:aws:iam::123456789012:role/harness-delegate.',
      ),
    ];
  }
  const issuer = cluster.oidcIssuer ? parseOidcIssuer(cluster.oidcIssuer) : null;
  const region = cluster.region ?? issuer?.region;
  const clusterPartition = region ? partitionOfRegion(region) : null;
  if (!region || !clusterPartition || clusterPartition === arn.partition) return [];
  return [partitionMismatch(arn.partition, region, clusterPartition, arnLine)];
}

/** A role from another partition than the cluster's: the pods can never get its credentials. */
export function partitionMismatch(rolePartition: string, region: string, clusterPartition: string, line: number | null): ManifestProblem {
  return problem(
    'partition-mismatch',
    'error',
    line,
    `The role ARN is in partition "${rolePartition}" but the cluster's region ${region} is in "${clusterPartition}".`,
    `Use a role from the cluster's own partition: arn:${clusterPartition}:iam::<account>:role/<role>. Credentials never cross partitions.`,
  );
}

/**
 * With Pod Identity the role annotation does nothing (EKS gives the pods only Pod Identity's
 * credentials once there is an association), but it says IRSA to whoever reads the manifest.
 */
export function leftoverIrsaAnnotation(manifest: ParsedManifest, located: LocatedManifest): ManifestProblem[] {
  const account = delegateServiceAccount(located);
  const node = account ? annotation(account, ROLE_ARN_ANNOTATION) : null;
  if (!account || !node) return [];
  return [
    problem(
      'irsa-annotation',
      'warning',
      lineOf(manifest, node, account.line),
      `ServiceAccount ${account.name ?? ''} still has the IRSA annotation ${ROLE_ARN_ANNOTATION}; with a Pod Identity association it no longer gives the pods anything.`,
      'Keep it while you migrate (deleting the association brings IRSA back); remove it once the connectors use Assume IAM Role on Delegate (see Migrate from IRSA).',
    ),
  ];
}

function apiAndImageProblems(manifest: ParsedManifest, located: LocatedManifest): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  for (const object of located.objects) {
    const removed = object.apiVersion ? REMOVED_APIS[object.apiVersion] : undefined;
    if (removed) {
      problems.push(
        problem(
          'deprecated-api',
          'error',
          lineOf(manifest, nodeAt(object.root, ['apiVersion']), object.line),
          `${object.kind ?? 'This object'} ${object.name ?? ''} uses apiVersion ${object.apiVersion ?? ''}, removed in Kubernetes ${removed.removedIn}.`,
          `Change apiVersion to ${removed.use}.`,
        ),
      );
    }
  }
  const image = located.workload?.image;
  if (image && typeof image.value === 'string' && LATEST_DELEGATE_IMAGE.test(image.value)) {
    problems.push(
      problem(
        'latest-image',
        'warning',
        lineOf(manifest, image, located.workload?.line ?? 1),
        'The delegate image is harness/delegate:latest, the deprecated legacy image.',
        'Use a versioned image such as harness/delegate:23.10.81202 (the one your Harness account shows for new delegates).',
      ),
    );
  }
  return problems;
}

function nameProblems(manifest: ParsedManifest, located: LocatedManifest, wanted: string | undefined): ManifestProblem[] {
  const workload = located.workload;
  const name = wanted ?? workload?.serviceAccount;
  if (name === undefined) return [];
  const reason = kubernetesNameProblem(name);
  if (!reason) return [];
  const node = workload?.serviceAccount === name ? workload.serviceAccountNode : null;
  return [
    problem(
      'invalid-service-account-name',
      'error',
      node ? lineOf(manifest, node, workload?.line ?? 1) : null,
      `The service account name "${name}" is not a valid Kubernetes name: it ${reason}.`,
      'Use lowercase letters, digits and "-", e.g. harness-delegate-irsa.',
    ),
  ];
}

/** Every problem of a manifest, each with the line it is on, errors first then in line order. */
export function validateManifest(
  manifest: ParsedManifest,
  located: LocatedManifest,
  cluster: ClusterFacts = {},
  wantedServiceAccount?: string,
): ManifestProblem[] {
  // The parser's messages can quote the text at the error; inside a Secret that text may be a token.
  const secretRanges = secretDocumentRanges(manifest);
  const syntax = manifest.errors.map((error) => {
    const inSecret = secretRanges.some(({ start, end }) => error.offset >= start && error.offset < end);
    const message = inSecret
      ? "The YAML of this Secret cannot be read; the parser's message is not shown because it may quote a Secret value."
      : `The YAML cannot be read: ${error.message}`;
    return problem(
      'yaml-syntax',
      'error',
      error.line,
      message,
      'Fix the YAML at this line; indentation and unclosed quotes are the usual causes.',
    );
  });
  if (syntax.length > 0) return syntax;
  const problems: ManifestProblem[] = [];
  if (!located.workload) {
    problems.push(
      problem(
        'no-workload',
        'error',
        null,
        'No delegate Deployment or StatefulSet was found in the manifest.',
        'Paste the whole manifest Harness gave you for a Kubernetes delegate (it has a Deployment running harness/delegate).',
      ),
    );
  } else if (!located.binding?.subject) {
    problems.push(
      problem(
        'no-binding',
        'warning',
        located.binding?.line ?? null,
        "No ClusterRoleBinding gives the delegate's service account its Kubernetes permissions.",
        'Keep the ClusterRoleBinding from the Harness manifest (harness-delegate-cluster-admin) with a ServiceAccount subject.',
      ),
    );
  }
  problems.push(
    ...namespaceProblems(manifest, located),
    ...partitionProblems(manifest, located, cluster),
    ...apiAndImageProblems(manifest, located),
    ...nameProblems(manifest, located, wantedServiceAccount),
    ...findPlaceholders(manifest, located).map(({ name, lines }) =>
      problem(
        'placeholder',
        'warning',
        lines[0] ?? null,
        `${name} is still a placeholder (line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}).`,
        `Replace ${name} with the value from your Harness account before applying the manifest.`,
      ),
    ),
  );
  return problems.sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning') || (a.line ?? 0) - (b.line ?? 0));
}
