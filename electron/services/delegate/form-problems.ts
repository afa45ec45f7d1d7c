import type { DelegateForm } from '../../../shared/delegate/form';
import { clusterNameProblem, namespaceNameProblem } from '../../../shared/delegate/names';
import { parseOidcIssuer } from '../../../shared/delegate/partition';
import type { ManifestProblem } from '../../../shared/delegate/problems';
import { PARTITIONS, isPartitionId, partitionOfRegion } from '../../../shared/regions';
import { DOCUMENTED_PARTITIONS, POD_IDENTITY_PRINCIPAL } from './pod-identity/facts';
import { clusterLocation, resolveRole } from './role';
import { partitionMismatch } from './validate';

const formProblem = (
  code: ManifestProblem['code'],
  severity: ManifestProblem['severity'],
  message: string,
  fix: string,
): ManifestProblem => ({
  code,
  severity,
  line: null,
  message,
  fix,
});

function issuerProblems(form: DelegateForm): ManifestProblem[] {
  if (!form.oidcIssuer || parseOidcIssuer(form.oidcIssuer)) return [];
  return [
    formProblem(
      'invalid-issuer',
      'error',
      `"${form.oidcIssuer}" is not an EKS OIDC issuer URL.`,
      'Copy it from aws eks describe-cluster --name <cluster> --query cluster.identity.oidc.issuer; it looks like https://oidc.eks.<region>.amazonaws.com/id/<ID>.',
    ),
  ];
}

function nameProblems(form: DelegateForm): ManifestProblem[] {
  const namespace = form.namespace ? namespaceNameProblem(form.namespace) : null;
  const cluster = form.clusterName ? clusterNameProblem(form.clusterName) : null;
  return [
    ...(namespace
      ? [
          formProblem(
            'invalid-namespace',
            'error',
            `The namespace "${form.namespace}" is not a valid Kubernetes namespace name: it ${namespace}.`,
            'Use lowercase letters, digits and "-"; Harness uses harness-delegate-ng.',
          ),
        ]
      : []),
    ...(cluster
      ? [
          formProblem(
            'invalid-cluster-name',
            'error',
            `The cluster name "${form.clusterName}" is not a valid EKS cluster name: it ${cluster}.`,
            'Copy it from aws eks list-clusters.',
          ),
        ]
      : []),
  ];
}

/** A region the cluster cannot be in would give commands that fail and skip the partition checks. */
function regionProblems(form: DelegateForm): ManifestProblem[] {
  if (!form.region || partitionOfRegion(form.region)) return [];
  return [
    formProblem(
      'invalid-region',
      'error',
      `"${form.region}" is not a region of any AWS partition.`,
      'Use the region code of the cluster, such as us-east-1, us-gov-west-1 or cn-north-1 (not an Availability Zone like us-east-1a).',
    ),
  ];
}

/**
 * Pod Identity has no annotation that would show a role from the wrong partition, so the form's
 * role is checked against the cluster's region here; and outside the partitions AWS documents Pod
 * Identity for, the generated trust policy is a guess worth saying so.
 */
function podIdentityProblems(form: DelegateForm): ManifestProblem[] {
  const role = resolveRole(form);
  const { region, partition: clusterPartition } = clusterLocation(form);
  const problems: ManifestProblem[] = [];
  if (role.ok && region && clusterPartition && role.role.partition !== clusterPartition) {
    problems.push(partitionMismatch(role.role.partition, region, clusterPartition, null));
  }
  const partition = clusterPartition ?? (role.ok ? role.role.partition : null);
  if (partition && isPartitionId(partition) && !DOCUMENTED_PARTITIONS.has(partition)) {
    const name = PARTITIONS[partition].displayName;
    problems.push(
      formProblem(
        'undocumented-partition',
        'warning',
        `AWS documents EKS Pod Identity for the commercial, GovCloud and China partitions; nothing public says it exists in ${name}, or that its roles trust ${POD_IDENTITY_PRINCIPAL} there.`,
        `Check with AWS that EKS in ${name} offers Pod Identity before relying on it.`,
      ),
    );
  }
  return problems;
}

/** Problems of the form alone; they have no line because they are not in the manifest yet. */
export function formProblems(form: DelegateForm): ManifestProblem[] {
  return [
    ...issuerProblems(form),
    ...regionProblems(form),
    ...nameProblems(form),
    ...(form.mechanism === 'pod-identity' ? podIdentityProblems(form) : []),
  ];
}
