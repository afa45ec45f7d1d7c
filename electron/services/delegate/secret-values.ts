import { CST, isMap, isScalar, type Scalar } from 'yaml';
import type { TextEdit } from '../../../shared/delegate/edits';
import { AppError } from '../../../shared/errors';
import type { LocatedManifest } from './locate';
import type { ParsedManifest } from './manifest';

/**
 * The values of the manifest's Secret documents (`data` and `stringData`: the delegate and upgrader
 * tokens, proxy credentials). They must not leave the main process: not in an edit, a problem, an
 * analysis or an error message.
 */

/** Shorter values are ordinary words ("true", "default") that every message could contain; a token is far longer. */
const MIN_LENGTH = 8;
/** A value that is only a placeholder holds no secret yet, and the placeholder warning names it. */
const WHOLE_PLACEHOLDER = /^PUT_YOUR_[A-Z0-9_]+$/;
export function isWholePlaceholder(value: string): boolean {
  return WHOLE_PLACEHOLDER.test(value.trim());
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const PRINTABLE = /^[\x20-\x7e]+$/;

export interface SecretValue {
  readonly secret: string;
  readonly key: string;
  /** The value as parsed, as written (quoted, escaped) and, for `data`, base64-decoded. */
  readonly texts: readonly string[];
}

export interface SecretValues {
  readonly values: readonly SecretValue[];
  /** The value nodes, so lookups that walk every scalar (placeholders) can treat them apart. */
  readonly nodes: ReadonlySet<Scalar>;
}

function decoded(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) return null;
  const text = Buffer.from(compact, 'base64').toString('utf8');
  return PRINTABLE.test(text) ? text : null;
}

export function findSecretValues(manifest: ParsedManifest, located: LocatedManifest): SecretValues {
  const values: SecretValue[] = [];
  const nodes = new Set<Scalar>();
  for (const object of located.objects) {
    if (object.kind !== 'Secret') continue;
    for (const field of ['data', 'stringData'] as const) {
      const map = object.root.get(field, true);
      if (!isMap(map)) continue;
      for (const pair of map.items) {
        if (!isScalar(pair.value)) continue;
        nodes.add(pair.value);
        const value = String(pair.value.value ?? '');
        if (isWholePlaceholder(value)) continue;
        const [start, end] = pair.value.range ?? [0, 0];
        const written = manifest.text.slice(start, end);
        // The written form matters only when escapes or folding make it differ from the value itself.
        const forms = [value, written.includes(value) ? null : written, field === 'data' ? decoded(value) : null];
        const texts = [...new Set(forms.filter((t): t is string => t !== null && t.length >= MIN_LENGTH))];
        if (texts.length > 0)
          values.push({ secret: object.name ?? '(unnamed)', key: isScalar(pair.key) ? String(pair.key.value) : '?', texts });
      }
    }
  }
  return { values, nodes };
}

const KIND_SECRET = /^kind:[ \t]*["']?Secret["']?[ \t]*(#.*)?$/m;

/**
 * The text ranges of the documents that are Secrets, read from the raw text of each document so
 * that a Secret the YAML parser could not make sense of is still recognised.
 */
export function secretDocumentRanges(manifest: ParsedManifest): Array<{ start: number; end: number }> {
  return manifest.documents.flatMap(({ token }) => {
    const source = CST.stringify(token);
    return KIND_SECRET.test(source) ? [{ start: token.offset, end: token.offset + source.length }] : [];
  });
}

const HIDDEN = '[Secret value hidden]';

/** Every string inside `value` with the Secret values replaced; for results that quote manifest text. */
export function hideSecretValues<T>(value: T, secrets: SecretValues): T {
  const texts = secrets.values.flatMap((v) => v.texts).sort((a, b) => b.length - a.length);
  if (texts.length === 0) return value;
  const hide = (item: unknown): unknown => {
    if (typeof item === 'string') return texts.reduce((text, secret) => text.split(secret).join(HIDDEN), item);
    if (Array.isArray(item)) return item.map(hide);
    if (item !== null && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, hide(v)]));
    return item;
  };
  return hide(value) as T;
}

/** An IRSA edit would have copied or removed a Secret value; by design it never does, so this stops the call. */
export class SecretInEditError extends AppError {
  constructor(secret: string, key: string) {
    super(
      'invalid_input',
      `The IRSA edit would include the value of ${key} in Secret ${secret}, so it was refused; Secret values never leave the app's main process.`,
      'Make sure the service account name and role are not a Secret value, and that no Secret value is repeated in the ServiceAccount, the ClusterRoleBinding or the delegate workload.',
    );
    this.name = 'SecretInEditError';
  }
}

/** Refuses edits whose deleted or inserted text holds a Secret value. */
export function assertNoSecretInEdits(text: string, edits: readonly TextEdit[], secrets: SecretValues): void {
  for (const edit of edits) {
    const touched = [text.slice(edit.offset, edit.offset + edit.deleteCount), edit.insert];
    const hit = secrets.values.find((value) => value.texts.some((secret) => touched.some((part) => part.includes(secret))));
    if (hit) throw new SecretInEditError(hit.secret, hit.key);
  }
}
