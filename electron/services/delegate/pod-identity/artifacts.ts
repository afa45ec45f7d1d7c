import type { DelegateArtifacts } from '../../../../shared/delegate/results';
import { TRUST_FILE, json, missing, permissionPolicyArtifact, ready, type ArtifactContext } from '../generate/artifact-context';
import { helmValues } from '../generate/helm-values';
import { podIdentityChecks } from './checks';
import { podIdentityCommands } from './commands';
import { POD_IDENTITY_CONNECTOR } from './connector';
import { migrationSteps } from './migration';
import type { PodIdentityTarget } from './target';
import { podIdentityTrustPolicy } from './trust-policy';

/** The association's cluster and role, once the form names both. */
function targetOf(context: ArtifactContext): PodIdentityTarget | null {
  const { form, role } = context;
  if (!form.clusterName || !role) return null;
  return {
    clusterName: form.clusterName,
    region: context.region,
    roleArn: role.arn,
    role: role.role,
    namespace: context.namespace,
    serviceAccount: context.serviceAccount,
    workload: context.facts?.workload ?? null,
  };
}

/** Everything that goes with EKS Pod Identity; what needs the cluster and the role lists them until it has them. */
export function podIdentityArtifacts(context: ArtifactContext): DelegateArtifacts {
  const { namespace, serviceAccount } = context;
  const target = targetOf(context);
  const needs = [...(context.form.clusterName ? [] : ['the EKS cluster name']), ...context.needRole];
  const commands = ['Association', 'harness-delegate-pod-identity.sh'] as const;
  const checks = ['Checks', 'harness-delegate-pod-identity-checks.sh'] as const;
  const helmFile = 'pod-identity-values.yaml';
  return {
    mechanism: 'pod-identity',
    trustPolicy: ready('Trust policy', TRUST_FILE, json(podIdentityTrustPolicy({ namespace, serviceAccount }))),
    permissionPolicy: permissionPolicyArtifact(context),
    commands: target ? ready(...commands, podIdentityCommands(target)) : missing(...commands, needs),
    helmValues: ready(
      'Helm values',
      helmFile,
      helmValues({
        serviceAccount,
        namespace,
        annotations: {},
        mechanism: 'EKS Pod Identity',
        fileName: helmFile,
        notes: ['No annotation: the Pod Identity association maps this service account to the role.'],
      }),
    ),
    checks: target ? ready(...checks, podIdentityChecks(target)) : missing(...checks, needs),
    podIdentity: {
      connector: POD_IDENTITY_CONNECTOR,
      migration: target ? migrationSteps(target) : null,
      migrationNeeds: target ? [] : needs,
    },
  };
}
