import type { DelegateForm } from '../../../../shared/delegate/form';
import type { RoleArn } from '../../../../shared/delegate/partition';
import type { Artifact } from '../../../../shared/delegate/results';
import { clusterLocation, resolveRole } from '../role';
import type { WorkloadFacts } from './kubectl';
import { permissionPolicy } from './permission-policy';

/** The namespace Harness's manifest and Helm chart use when nobody chose another. */
export const HARNESS_DEFAULT_NAMESPACE = 'harness-delegate-ng';

/** What the manifest adds to the form: where the delegate runs, and what to restart and look at. */
export interface ManifestFacts {
  readonly namespace: string | null;
  readonly workload: WorkloadFacts;
  readonly binding: { readonly kind: string; readonly name: string } | null;
}

/** What every generated text of either mechanism starts from: the form, resolved. */
export interface ArtifactContext {
  readonly form: DelegateForm;
  readonly facts: ManifestFacts | null;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly role: { readonly arn: string; readonly role: RoleArn } | null;
  /** What to ask for while there is no role. */
  readonly needRole: string[];
  readonly region: string | null;
  /** The cluster's partition, else the role's, else commercial. */
  readonly partition: string;
}

export function artifactContext(form: DelegateForm, facts: ManifestFacts | null): ArtifactContext {
  const resolved = resolveRole(form);
  const role = resolved.ok ? resolved : null;
  const location = clusterLocation(form);
  return {
    form,
    facts,
    namespace: form.namespace ?? facts?.namespace ?? HARNESS_DEFAULT_NAMESPACE,
    serviceAccount: form.serviceAccount,
    role,
    needRole: role ? [] : ['the IAM role (role ARN, or account ID and role name)'],
    region: location.region,
    partition: location.partition ?? role?.role.partition ?? 'aws',
  };
}

export function ready(title: string, fileName: string, text: string): Artifact {
  return { title, fileName, text, needs: [] };
}

export function missing(title: string, fileName: string, needs: string[]): Artifact {
  return { title, fileName, text: null, needs };
}

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The permission file the role commands of both mechanisms refer to. */
export const PERMISSIONS_FILE = 'harness-delegate-permissions.json';
export const TRUST_FILE = 'harness-delegate-trust-policy.json';

/** The same permissions whichever way the pods get the role. */
export function permissionPolicyArtifact(context: ArtifactContext): Artifact {
  const { form, partition } = context;
  return ready('Permission policy', PERMISSIONS_FILE, json(permissionPolicy(form.useCases, { partition, bucket: form.bucket })));
}
