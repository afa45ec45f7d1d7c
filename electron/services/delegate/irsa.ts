import { isMap, type YAMLMap } from 'yaml';
import { applyEdits, type TextEdit } from '../../../shared/delegate/edits';
import { AppError } from '../../../shared/errors';
import { insertDocumentAfter, insertPair, setMapValue, setScalar, stringifyTokens } from './cst';
import { locate, type LocatedManifest, type ObjectRef, type WorkloadRef } from './locate';
import { nodeAt, parseManifest } from './manifest';
import { assertNoSecretInEdits, findSecretValues } from './secret-values';
import { snapshotTokens, spliceEdits } from './splices';
import { ROLE_ARN_ANNOTATION, STS_REGIONAL_ANNOTATION } from './validate';

/** The delegate's own service account: where it is, and the annotations it must carry (none for Pod Identity). */
export interface ServiceAccountEdit {
  readonly serviceAccount: string;
  readonly namespace: string;
  readonly annotations: Readonly<Record<string, string>>;
}

export interface IrsaEditResult {
  /** Splices against the input text; see `applyEdits`. */
  readonly edits: TextEdit[];
  /** What was changed, in words; empty when the manifest already had every edit. */
  readonly changes: string[];
}

/** What IRSA puts on the service account: the role, and the regional STS endpoint when asked. */
export function irsaAnnotations(edit: { readonly roleArn: string; readonly stsRegionalEndpoints: boolean }): Record<string, string> {
  return {
    [ROLE_ARN_ANNOTATION]: edit.roleArn,
    ...(edit.stsRegionalEndpoints ? { [STS_REGIONAL_ANNOTATION]: 'true' } : {}),
  };
}

function annotateExisting(account: ObjectRef, edit: ServiceAccountEdit): boolean {
  const annotations = Object.entries(edit.annotations);
  if (annotations.length === 0) return false;
  const metadata = nodeAt(account.root, ['metadata']);
  if (!isMap(metadata))
    throw new AppError(
      'invalid_input',
      `ServiceAccount ${edit.serviceAccount} has no metadata map.`,
      'Give it metadata with name and namespace.',
    );
  const existing = metadata.get('annotations', true);
  if (!isMap(existing)) {
    insertPair(metadata, 'annotations', edit.annotations, `The metadata of ServiceAccount ${edit.serviceAccount}`, 'last');
    return true;
  }
  let changed = false;
  for (const [key, value] of annotations) {
    changed = setMapValue(existing, key, value, `The annotations of ServiceAccount ${edit.serviceAccount}`, 'last') || changed;
  }
  return changed;
}

/** The new service account goes after its Namespace object, else before the binding or workload that use it. */
function anchorFor(located: LocatedManifest, workload: WorkloadRef, namespace: string): ObjectRef {
  const namespaceObject = located.objects.find((o) => o.kind === 'Namespace' && o.name === namespace);
  if (namespaceObject) return namespaceObject;
  const firstUser = Math.min(workload.index, located.binding?.index ?? workload.index);
  return located.objects.find((o) => o.index === firstUser - 1) ?? located.objects.find((o) => o.index === firstUser) ?? workload;
}

function pointSubject(subject: YAMLMap, edit: ServiceAccountEdit, what: string): boolean {
  const name = setMapValue(subject, 'name', edit.serviceAccount, what, 'last');
  const namespace = setMapValue(subject, 'namespace', edit.namespace, what, 'last');
  return name || namespace;
}

function setPodServiceAccount(workload: WorkloadRef, edit: ServiceAccountEdit): boolean {
  if (workload.serviceAccountNode) return setScalar(workload.serviceAccountNode, edit.serviceAccount);
  insertPair(
    workload.podSpec,
    'serviceAccountName',
    edit.serviceAccount,
    `The pod spec of ${workload.kind} ${workload.name ?? ''}`,
    'first',
  );
  return true;
}

/**
 * The three IRSA edits Harness documents, made on the syntax tree: a ServiceAccount carrying
 * `annotations` (IRSA's role annotation; an existing account gets them added), the delegate's
 * binding subject pointed at it, and `serviceAccountName` in the pod spec. Pod Identity needs the
 * same edits with no annotation. They come back as splices of the changed lines only, never the
 * whole manifest, and are refused if a splice would hold a Secret value. Running it on its own
 * output changes nothing.
 */
export function applyServiceAccountEdits(text: string, edit: ServiceAccountEdit): IrsaEditResult {
  const manifest = parseManifest(text);
  if (manifest.errors.length > 0) {
    // No parser message: it may quote the text at the error, and that can be a Secret value.
    throw new AppError(
      'invalid_input',
      `The YAML cannot be read (line ${manifest.errors[0]?.line ?? 1}).`,
      'Fix the YAML first; nothing was changed.',
    );
  }
  const snapshot = snapshotTokens(text, manifest.tokens);
  const located = locate(manifest);
  const secrets = findSecretValues(manifest, located);
  const workload = located.workload;
  if (!workload) {
    throw new AppError(
      'invalid_input',
      'No delegate Deployment or StatefulSet was found in the manifest.',
      'Paste the whole manifest Harness gave you for a Kubernetes delegate.',
    );
  }
  const changes: string[] = [];
  const account = located.serviceAccounts.find(
    (sa) => sa.name === edit.serviceAccount && (sa.namespace ?? edit.namespace) === edit.namespace,
  );
  // The role annotation is the one worth naming; the regional STS one only goes with it.
  const annotated = ROLE_ARN_ANNOTATION in edit.annotations ? ` with ${ROLE_ARN_ANNOTATION}` : '';
  if (account && annotateExisting(account, edit)) changes.push(`Annotated ServiceAccount ${edit.serviceAccount}${annotated}.`);
  const subject = located.binding?.subject;
  if (located.binding && subject && pointSubject(subject, edit, `The subject of ${located.binding.kind} ${located.binding.name ?? ''}`)) {
    changes.push(
      `Pointed ${located.binding.kind} ${located.binding.name ?? ''} at ServiceAccount ${edit.namespace}/${edit.serviceAccount}.`,
    );
  }
  if (setPodServiceAccount(workload, edit)) {
    changes.push(`Set serviceAccountName: ${edit.serviceAccount} in ${workload.kind} ${workload.name ?? ''}.`);
  }
  if (!account) {
    // Inserted last: it adds tokens, and the edits above hold references into the existing ones.
    const anchor = anchorFor(located, workload, edit.namespace);
    const metadata = { name: edit.serviceAccount, namespace: edit.namespace };
    insertDocumentAfter(manifest.tokens, anchor.token, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: Object.keys(edit.annotations).length > 0 ? { ...metadata, annotations: edit.annotations } : metadata,
    });
    changes.push(`Added ServiceAccount ${edit.namespace}/${edit.serviceAccount}${annotated}.`);
  }
  const edits = spliceEdits(snapshot, manifest.tokens);
  assertNoSecretInEdits(text, edits, secrets);
  if (applyEdits(text, edits) !== stringifyTokens(manifest.tokens)) {
    throw new Error('The splices do not reproduce the edited syntax tree.');
  }
  return { edits, changes };
}
