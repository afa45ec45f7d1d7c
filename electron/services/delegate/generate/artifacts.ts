import type { DelegateForm } from '../../../../shared/delegate/form';
import { parseOidcIssuer } from '../../../../shared/delegate/partition';
import type { Artifact, DelegateArtifacts } from '../../../../shared/delegate/results';
import { clusterLocation, resolveRole } from '../role';
import { kubectlChecks, type ChecksInput } from './checks';
import { eksctlCommands } from './eksctl';
import { helmValues } from './helm-values';
import { permissionPolicy } from './permission-policy';
import { trustPolicy } from './trust-policy';

/** The namespace Harness's manifest and Helm chart use when nobody chose another. */
export const HARNESS_DEFAULT_NAMESPACE = 'harness-delegate-ng';

/** What the manifest adds to the form: where the delegate runs, and what to restart and look at. */
export interface ManifestFacts {
  readonly namespace: string | null;
  readonly workload: ChecksInput['workload'];
  readonly binding: ChecksInput['binding'];
}

function ready(title: string, fileName: string, text: string): Artifact {
  return { title, fileName, text, needs: [] };
}

function missing(title: string, fileName: string, needs: string[]): Artifact {
  return { title, fileName, text: null, needs };
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** Every text that goes with the IRSA edit; each one lists what it still needs when it cannot be made. */
export function buildArtifacts(form: DelegateForm, facts: ManifestFacts | null = null): DelegateArtifacts {
  const namespace = form.namespace ?? facts?.namespace ?? HARNESS_DEFAULT_NAMESPACE;
  const serviceAccount = form.serviceAccount;
  const resolved = resolveRole(form);
  const role = resolved.ok ? resolved : null;
  const location = clusterLocation(form);
  const issuer = form.oidcIssuer ? parseOidcIssuer(form.oidcIssuer) : null;
  const accountId = role?.role.accountId ?? form.accountId;
  const needRole = role ? [] : ['the IAM role (role ARN, or account ID and role name)'];
  const needIssuer = issuer
    ? []
    : [form.oidcIssuer ? 'a valid OIDC issuer URL (https://oidc.eks.<region>.amazonaws.com/id/<ID>)' : "the cluster's OIDC issuer URL"];

  const trust = ['Trust policy', 'harness-delegate-trust-policy.json'] as const;
  const permissions = ['Permission policy', 'harness-delegate-permissions.json'] as const;
  const eksctl = ['eksctl', 'harness-delegate-eksctl.sh'] as const;
  const helm = ['Helm values', 'irsa-values.yaml'] as const;
  const checks = ['Checks', 'harness-delegate-checks.sh'] as const;
  const partition = location.partition ?? role?.role.partition ?? 'aws';

  return {
    trustPolicy:
      issuer && accountId
        ? ready(...trust, json(trustPolicy({ issuer, accountId, namespace, serviceAccount })))
        : missing(...trust, [...needIssuer, ...(accountId ? [] : ['the AWS account ID'])]),
    permissionPolicy: ready(...permissions, json(permissionPolicy(form.useCases, { partition, bucket: form.bucket }))),
    eksctl:
      form.clusterName && location.region && role
        ? ready(
            ...eksctl,
            eksctlCommands({
              clusterName: form.clusterName,
              region: location.region,
              partition: role.role.partition,
              accountId: role.role.accountId,
              roleName: role.role.roleName,
              namespace,
              serviceAccount,
            }),
          )
        : missing(...eksctl, [
            ...(form.clusterName ? [] : ['the EKS cluster name']),
            ...(location.region ? [] : ['the cluster region']),
            ...needRole,
          ]),
    helmValues: role
      ? ready(...helm, helmValues({ serviceAccount, namespace, roleArn: role.arn, stsRegionalEndpoints: form.stsRegionalEndpoints }))
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
  };
}
