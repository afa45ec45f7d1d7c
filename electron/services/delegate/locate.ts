import { isMap, isScalar, isSeq, type CST, type Document, type Scalar, type YAMLMap } from 'yaml';
import { nodeAt, stringAt, type ParsedManifest } from './manifest';

/** One Kubernetes object of the manifest, with the tokens and node an edit needs. */
export interface ObjectRef {
  readonly index: number;
  readonly token: CST.Document;
  readonly doc: Document.Parsed;
  readonly root: YAMLMap;
  readonly apiVersion: string | null;
  readonly kind: string | null;
  readonly name: string | null;
  readonly namespace: string | null;
  readonly line: number;
}

export interface WorkloadRef extends ObjectRef {
  readonly kind: 'Deployment' | 'StatefulSet';
  readonly podSpec: YAMLMap;
  readonly serviceAccount: string;
  readonly serviceAccountNode: Scalar | null;
  readonly image: Scalar | null;
}

export interface BindingRef extends ObjectRef {
  readonly kind: 'ClusterRoleBinding' | 'RoleBinding';
  readonly subject: YAMLMap | null;
}

export interface LocatedManifest {
  readonly objects: readonly ObjectRef[];
  readonly workload: WorkloadRef | null;
  readonly binding: BindingRef | null;
  readonly serviceAccounts: readonly ObjectRef[];
}

/**
 * Text that may hold an object `locate` reads: a workload, a service account or a role binding, with
 * `kind:` as kubectl, Helm and JSON write it. A document without it can go unparsed.
 */
export const LOCATED_KIND = /\bkind["']?[ \t]*:[ \t]*["']?(?:Deployment|StatefulSet|ServiceAccount|ClusterRoleBinding|RoleBinding)\b/;

/** `harness-delegate-cluster-admin`, `harness-delegate-ng-cluster-admin`, `…-cluster-viewer`, `<ns>-harness-namespace-admin`. */
const HARNESS_BINDING = /harness-delegate|harness-namespace-admin/;
const DELEGATE_CONTAINERS = new Set(['delegate', 'harness-delegate-instance']);
/** Harness images on Docker Hub and on its Artifact Registry mirror. */
const DELEGATE_IMAGE = /(^|\/)harness\/delegate(:|@|$)/;

export function locate(manifest: ParsedManifest): LocatedManifest {
  const objects = manifest.documents.flatMap(({ token, doc }, index): ObjectRef[] => {
    const root = doc.contents;
    if (!isMap(root)) return [];
    return [
      {
        index,
        token,
        doc,
        root,
        apiVersion: stringAt(root, ['apiVersion']),
        kind: stringAt(root, ['kind']),
        name: stringAt(root, ['metadata', 'name']),
        namespace: stringAt(root, ['metadata', 'namespace']),
        line: manifest.lineOf(root.range[0]),
      },
    ];
  });
  const workload = findWorkload(objects);
  return {
    objects,
    workload,
    binding: findBinding(objects, workload),
    serviceAccounts: objects.filter((object) => object.kind === 'ServiceAccount'),
  };
}

function toWorkload(object: ObjectRef): WorkloadRef | null {
  if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') return null;
  const podSpec = nodeAt(object.root, ['spec', 'template', 'spec']);
  if (!isMap(podSpec)) return null;
  const accountNode = podSpec.get('serviceAccountName', true) ?? podSpec.get('serviceAccount', true);
  const serviceAccountNode = isScalar(accountNode) ? accountNode : null;
  return {
    ...object,
    kind: object.kind,
    podSpec,
    serviceAccount: typeof serviceAccountNode?.value === 'string' ? serviceAccountNode.value : 'default',
    serviceAccountNode,
    image: delegateContainerImage(podSpec),
  };
}

function containers(podSpec: YAMLMap): YAMLMap[] {
  const list = podSpec.get('containers', true);
  return isSeq(list) ? list.items.filter((item): item is YAMLMap => isMap(item)) : [];
}

function isDelegateContainer(container: YAMLMap): boolean {
  const name = stringAt(container, ['name']);
  const image = stringAt(container, ['image']);
  return (name !== null && DELEGATE_CONTAINERS.has(name)) || (image !== null && DELEGATE_IMAGE.test(image));
}

function delegateContainerImage(podSpec: YAMLMap): Scalar | null {
  const container = containers(podSpec).find(isDelegateContainer) ?? containers(podSpec)[0];
  const image = container?.get('image', true);
  return isScalar(image) ? image : null;
}

/** The delegate is the Deployment or StatefulSet running a delegate container; else the only workload. */
function findWorkload(objects: readonly ObjectRef[]): WorkloadRef | null {
  const workloads = objects.map(toWorkload).filter((w): w is WorkloadRef => w !== null);
  return workloads.find((w) => containers(w.podSpec).some(isDelegateContainer)) ?? (workloads.length === 1 ? (workloads[0] ?? null) : null);
}

function serviceAccountSubjects(binding: ObjectRef): YAMLMap[] {
  const subjects = nodeAt(binding.root, ['subjects']);
  if (!isSeq(subjects)) return [];
  return subjects.items.filter((s): s is YAMLMap => isMap(s) && stringAt(s, ['kind']) === 'ServiceAccount');
}

/**
 * The binding that grants the delegate its Kubernetes permissions: first one whose service-account
 * subject is the delegate's own account, then one carrying a Harness delegate binding name (any of
 * the current, legacy and viewer names, or the namespace-admin template). The upgrader's role binding
 * has its own account and name, so it never matches.
 */
function findBinding(objects: readonly ObjectRef[], workload: WorkloadRef | null): BindingRef | null {
  const account = workload?.serviceAccount ?? 'default';
  const namespace = workload?.namespace ?? null;
  const isAccount = (s: YAMLMap) => stringAt(s, ['name']) === account;
  const inNamespace = (s: YAMLMap) => namespace === null || stringAt(s, ['namespace']) === namespace;
  const bindings = objects
    .filter((o) => o.kind === 'ClusterRoleBinding' || o.kind === 'RoleBinding')
    .sort((a, b) => Number(a.kind === 'RoleBinding') - Number(b.kind === 'RoleBinding'));
  const harnessNamed = bindings.filter((o) => HARNESS_BINDING.test(o.name ?? ''));
  const picks: ReadonlyArray<[readonly ObjectRef[], (s: YAMLMap) => boolean]> = [
    [bindings, (s) => isAccount(s) && inNamespace(s)],
    [bindings, isAccount],
    [harnessNamed, inNamespace],
    [harnessNamed, () => true],
  ];
  for (const [candidates, pick] of picks) {
    for (const candidate of candidates) {
      const subject = serviceAccountSubjects(candidate).find(pick);
      if (subject) return { ...candidate, kind: candidate.kind as BindingRef['kind'], subject };
    }
  }
  const named = harnessNamed[0];
  return named ? { ...named, kind: named.kind as BindingRef['kind'], subject: null } : null;
}
