import { DEFAULT_TEST_REGION } from '../regions';
import { identifierFromName } from './naming';
import type { ConnectorDocument, CredentialType } from './schema';

/**
 * The wizard's view of a connector: one flat record of what the user types, and the two mappings
 * between it and the YAML document. Secret values are not part of it; they travel separately to the
 * keychain, keyed by the references named here.
 */
export interface ConnectorForm {
  name: string;
  identifier: string;
  /** The Id follows the Name until the user edits the Id by hand. */
  identifierEdited: boolean;
  description: string;
  /** Tag chips as typed: `key` or `key:value`. */
  tags: string[];
  orgIdentifier: string;
  projectIdentifier: string;
  credentialType: CredentialType;
  accessKeyMode: 'plain' | 'secret';
  accessKey: string;
  accessKeyRef: string;
  secretKeyRef: string;
  sessionTokenRef: string;
  iamRoleArn: string;
  /** OidcAuthentication: the Harness claims the connector passes to AWS as session tags. */
  oidcSessionTagKeys: string[];
  crossAccount: boolean;
  crossAccountRoleArn: string;
  externalId: string;
  region: string;
  connectivity: 'platform' | 'delegate';
  delegateMode: 'any' | 'tags';
  delegateSelectors: string[];
}

export function emptyForm(): ConnectorForm {
  return {
    name: '',
    identifier: '',
    identifierEdited: false,
    description: '',
    tags: [],
    orgIdentifier: '',
    projectIdentifier: '',
    credentialType: 'ManualConfig',
    accessKeyMode: 'plain',
    accessKey: '',
    accessKeyRef: '',
    secretKeyRef: '',
    sessionTokenRef: '',
    iamRoleArn: '',
    oidcSessionTagKeys: [],
    crossAccount: false,
    crossAccountRoleArn: '',
    externalId: '',
    region: DEFAULT_TEST_REGION,
    connectivity: 'delegate',
    delegateMode: 'any',
    delegateSelectors: [],
  };
}

/** A name change carries the Id along unless the Id was edited by hand (the Harness UI's behaviour). */
export function withName(form: ConnectorForm, name: string): ConnectorForm {
  return { ...form, name, identifier: form.identifierEdited ? form.identifier : identifierFromName(name) };
}

/** Credential types that run only on a delegate: they force the delegate path, as Harness does. */
export function needsDelegate(type: CredentialType): boolean {
  return type === 'InheritFromDelegate' || type === 'Irsa';
}

export function tagsToChips(tags: Record<string, string | null> | null | undefined): string[] {
  return Object.entries(tags ?? {}).map(([key, value]) => (value ? `${key}:${value}` : key));
}

export function chipsToTags(chips: readonly string[]): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const chip of chips) {
    const colon = chip.indexOf(':');
    const key = (colon < 0 ? chip : chip.slice(0, colon)).trim();
    if (key) tags[key] = colon < 0 ? '' : chip.slice(colon + 1).trim();
  }
  return tags;
}

const text = (value: string | null | undefined) => value ?? '';

export function documentToForm(document: ConnectorDocument): ConnectorForm {
  const c = document.connector;
  const credential = c.spec.credential;
  const spec = credential.spec ?? {};
  const selectors = c.spec.delegateSelectors ?? [];
  const cross = credential.crossAccountAccess;
  return {
    name: c.name,
    identifier: c.identifier,
    identifierEdited: c.identifier !== identifierFromName(c.name),
    description: text(c.description),
    tags: tagsToChips(c.tags),
    orgIdentifier: text(c.orgIdentifier),
    projectIdentifier: text(c.projectIdentifier),
    credentialType: credential.type,
    accessKeyMode: spec.accessKeyRef ? 'secret' : 'plain',
    accessKey: text(spec.accessKey),
    accessKeyRef: text(spec.accessKeyRef),
    secretKeyRef: text(spec.secretKeyRef),
    sessionTokenRef: text(spec.sessionTokenRef),
    iamRoleArn: text(spec.iamRoleArn),
    oidcSessionTagKeys: [...(spec.oidcSessionTagKeys ?? [])],
    crossAccount: cross !== null && cross !== undefined,
    crossAccountRoleArn: text(cross?.crossAccountRoleArn),
    externalId: text(cross?.externalId),
    region: text(credential.region),
    connectivity: c.spec.executeOnDelegate === false ? 'platform' : 'delegate',
    delegateMode: selectors.length > 0 ? 'tags' : 'any',
    delegateSelectors: [...selectors],
  };
}

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (isPlain(value) && Object.keys(value).length === 0)
  );
}

function omitEmpty<T extends Plain>(object: T): T {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => !isEmpty(value))) as T;
}

/** The document the form describes, in Harness's canonical key order, without empty optional fields. */
function buildDocument(form: ConnectorForm): ConnectorDocument {
  const type = form.credentialType;
  let spec: Plain | null = null;
  if (type === 'ManualConfig') {
    spec = omitEmpty({
      accessKey: form.accessKeyMode === 'plain' ? form.accessKey : '',
      accessKeyRef: form.accessKeyMode === 'secret' ? form.accessKeyRef : '',
      secretKeyRef: form.secretKeyRef,
      sessionTokenRef: form.sessionTokenRef,
    });
  } else if (type === 'OidcAuthentication') {
    spec = omitEmpty({ iamRoleArn: form.iamRoleArn, oidcSessionTagKeys: form.oidcSessionTagKeys });
  }
  const viaDelegate = needsDelegate(type) || form.connectivity === 'delegate';
  const credentialExtras = omitEmpty({
    crossAccountAccess: form.crossAccount
      ? { crossAccountRoleArn: form.crossAccountRoleArn, ...omitEmpty({ externalId: form.externalId }) }
      : null,
    region: form.region,
  });
  return {
    connector: {
      name: form.name,
      identifier: form.identifier,
      ...omitEmpty({
        description: form.description,
        orgIdentifier: form.orgIdentifier,
        projectIdentifier: form.projectIdentifier,
        tags: chipsToTags(form.tags),
      }),
      type: 'Aws',
      spec: {
        credential: { type, spec, ...credentialExtras },
        ...omitEmpty({ delegateSelectors: viaDelegate && form.delegateMode === 'tags' ? form.delegateSelectors : [] }),
        executeOnDelegate: viaDelegate,
      },
    },
  } as ConnectorDocument;
}

/**
 * The fields the form controls, per level. Anything else in a base document (backoff, proxy, newer
 * Harness fields) is not the form's to remove and is carried over untouched.
 */
const FORM_KEYS: Record<string, ReadonlySet<string>> = {
  '': new Set(['connector']),
  connector: new Set(['name', 'identifier', 'description', 'orgIdentifier', 'projectIdentifier', 'tags', 'type', 'spec']),
  'connector.spec': new Set(['credential', 'delegateSelectors', 'executeOnDelegate']),
  'connector.spec.credential': new Set(['type', 'spec', 'crossAccountAccess', 'region']),
  'connector.spec.credential.spec': new Set([
    'accessKey',
    'accessKeyRef',
    'secretKeyRef',
    'sessionTokenRef',
    'iamRoleArn',
    'oidcSessionTagKeys',
  ]),
  'connector.spec.credential.crossAccountAccess': new Set(['crossAccountRoleArn', 'externalId']),
};
/** A field Harness defaults when absent; absent in the base and at its default, it stays absent. */
const DEFAULTS: Record<string, unknown> = { 'connector.spec.executeOnDelegate': true };

/**
 * Lays the built document over the one it was imported from: the base's key order, its spelling of
 * "nothing" (`null`, `""`, `{}`, `[]` or absent) where the form has nothing, and every field the form
 * does not model (backoff, proxy, newer fields). So an imported connector that
 * the user does not change exports exactly as it came in.
 */
function alignTo(base: Plain, built: Plain, path: string): Plain {
  const known = FORM_KEYS[path];
  const out: Plain = {};
  for (const [key, baseValue] of Object.entries(base)) {
    const childPath = path ? `${path}.${key}` : key;
    if (Object.hasOwn(built, key)) {
      const value = built[key];
      if (isPlain(baseValue) && isPlain(value)) out[key] = alignTo(baseValue, value, childPath);
      else out[key] = isEmpty(value) && isEmpty(baseValue) ? baseValue : value;
    } else if (!known?.has(key) || isEmpty(baseValue)) {
      out[key] = baseValue;
    }
  }
  for (const [key, value] of Object.entries(built)) {
    // Nothing new to say: the base's absence of the field already says it.
    if (Object.hasOwn(base, key) || isEmpty(value)) continue;
    const childPath = path ? `${path}.${key}` : key;
    if (Object.hasOwn(DEFAULTS, childPath) && DEFAULTS[childPath] === value) continue;
    out[key] = value;
  }
  return out;
}

/** The YAML document for the form; with `base` (the imported or saved document) its layout and extra fields are kept. */
export function formToDocument(form: ConnectorForm, base?: ConnectorDocument): ConnectorDocument {
  const built = buildDocument(form);
  if (!base) return built;
  let layout = base;
  if (base.connector.spec.credential.type !== form.credentialType) {
    // Another credential type shares nothing with the old spec; keep only where the spec sat.
    layout = structuredClone(base);
    layout.connector.spec.credential.spec = null;
  }
  return alignTo(layout as Plain, built as Plain, '') as ConnectorDocument;
}
