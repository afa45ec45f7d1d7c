import type { DelegateForm } from '../../../../shared/delegate/form';
import { parseOidcIssuer } from '../../../../shared/delegate/partition';
import type { DelegateArtifacts } from '../../../../shared/delegate/results';
import { podIdentityArtifacts } from '../pod-identity/artifacts';
import { irsaAnnotations } from '../irsa';
import {
  TRUST_FILE,
  artifactContext,
  json,
  missing,
  permissionPolicyArtifact,
  ready,
  type ArtifactContext,
  type ManifestFacts,
} from './artifact-context';
import { kubectlChecks } from './checks';
import { eksctlCommands } from './eksctl';
import { helmValues } from './helm-values';
import { trustPolicy } from './trust-policy';

export type { ManifestFacts } from './artifact-context';

/** Every text that goes with the edit, for the form's mechanism; each lists what it still needs when it cannot be made. */
export function buildArtifacts(form: DelegateForm, facts: ManifestFacts | null = null): DelegateArtifacts {
  const context = artifactContext(form, facts);
  return form.mechanism === 'pod-identity' ? podIdentityArtifacts(context) : irsaArtifacts(context);
}

function irsaArtifacts(context: ArtifactContext): DelegateArtifacts {
  const { form, facts, namespace, serviceAccount, role, needRole, region } = context;
  const issuer = form.oidcIssuer ? parseOidcIssuer(form.oidcIssuer) : null;
  const accountId = role?.role.accountId ?? form.accountId;
  const needIssuer = issuer
    ? []
    : [form.oidcIssuer ? 'a valid OIDC issuer URL (https://oidc.eks.<region>.amazonaws.com/id/<ID>)' : "the cluster's OIDC issuer URL"];

  const trust = ['Trust policy', TRUST_FILE] as const;
  const eksctl = ['eksctl', 'harness-delegate-eksctl.sh'] as const;
  const helm = ['Helm values', 'irsa-values.yaml'] as const;
  const checks = ['Checks', 'harness-delegate-checks.sh'] as const;

  return {
    mechanism: 'irsa',
    trustPolicy:
      issuer && accountId
        ? ready(...trust, json(trustPolicy({ issuer, accountId, namespace, serviceAccount })))
        : missing(...trust, [...needIssuer, ...(accountId ? [] : ['the AWS account ID'])]),
    permissionPolicy: permissionPolicyArtifact(context),
    commands:
      form.clusterName && region && role
        ? ready(
            ...eksctl,
            eksctlCommands({
              clusterName: form.clusterName,
              region,
              partition: role.role.partition,
              accountId: role.role.accountId,
              roleName: role.role.roleName,
              namespace,
              serviceAccount,
            }),
          )
        : missing(...eksctl, [
            ...(form.clusterName ? [] : ['the EKS cluster name']),
            ...(region ? [] : ['the cluster region']),
            ...needRole,
          ]),
    helmValues: role
      ? ready(
          ...helm,
          helmValues({
            serviceAccount,
            namespace,
            annotations: irsaAnnotations({ roleArn: role.arn, stsRegionalEndpoints: form.stsRegionalEndpoints }),
            mechanism: 'IRSA',
            fileName: helm[1],
            notes: [],
          }),
        )
      : missing(...helm, needRole),
    checks: role
      ? ready(
          ...checks,
          kubectlChecks({
            namespace,
            serviceAccount,
            roleArn: role.arn,
            workload: facts?.workload ?? null,
            binding: facts?.binding ?? null,
          }),
        )
      : missing(...checks, needRole),
    podIdentity: null,
  };
}
