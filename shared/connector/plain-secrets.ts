import type { ConnectorIssue, PathSegment } from './issues';
import type { Connector } from './schema';

/**
 * Secrets pasted into plain fields. Everything in a connector document is stored in SQLite and
 * exported as YAML, so a secret access key, session token or private key typed into the Description,
 * a tag or the Access Key field would land on disk. Unlike the broad patterns of shared/redact.ts
 * (where a false positive only hides a few characters), a hit here blocks a save, so the patterns
 * ask for the look of random key material: mixed case, digits, and no run of ordinary words.
 */

export type PlainSecretKind = 'secret access key' | 'session token' | 'private key';

const KEY_LENGTH = 40;
const TOKEN_MIN_LENGTH = 100;
// Every AWS session token starts with one of these (base64 of its binary header), so a short one counts too.
const TOKEN_PREFIXES = /^(IQoJb3JpZ2lu|FwoGZXIvYXdz)[A-Za-z0-9/+]{20,}/;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
// Runs of base64 characters: a key or token stands between spaces, quotes, '=', ':' and the like.
const BASE64_RUN = /[A-Za-z0-9/+]+/g;
const ACCESS_KEY_ID = /^(AKIA|ASIA)[A-Z0-9]{16}$/;
const NOT_AN_ID = /^[A-Za-z0-9/+]{30,}=*$/;

/**
 * Random base64 mixes capitals, small letters and digits, and its small-letter runs are short:
 * in random 40-character keys, runs of three or more small letters cover under half the characters
 * 999 times in 1000, while camelCase names and paths are mostly such runs.
 */
function looksRandom(run: string): boolean {
  if (!/[A-Z]/.test(run) || !/[a-z]/.test(run) || !/[0-9]/.test(run)) return false;
  const wordy = (run.match(/[a-z]{3,}/g) ?? []).join('').length;
  return wordy / run.length < 0.5;
}

/** What kind of secret a plain value holds, or `null`; the value itself never leaves this function. */
export function plainSecretKind(value: string): PlainSecretKind | null {
  if (PRIVATE_KEY.test(value)) return 'private key';
  const isArn = value.trimStart().startsWith('arn:');
  for (const run of value.match(BASE64_RUN) ?? []) {
    if (TOKEN_PREFIXES.test(run) || (run.length >= TOKEN_MIN_LENGTH && looksRandom(run))) return 'session token';
    if (!isArn && run.length === KEY_LENGTH && looksRandom(run)) return 'secret access key';
  }
  return null;
}

/**
 * The Access Key field holds an ID (capital letters and digits); a long base64 value with small and
 * capital letters in it is a secret pasted one field too early, even when it has words or no digits.
 */
function accessKeyFieldKind(value: string): PlainSecretKind | null {
  const trimmed = value.trim();
  if (ACCESS_KEY_ID.test(trimmed)) return null;
  return (
    plainSecretKind(trimmed) ?? (NOT_AN_ID.test(trimmed) && /[a-z]/.test(trimmed) && /[A-Z]/.test(trimmed) ? 'secret access key' : null)
  );
}

const WHAT: Record<PlainSecretKind, string> = {
  'secret access key': 'a secret access key',
  'session token': 'an AWS session token',
  'private key': 'a private key',
};

const WHERE_IT_BELONGS: Record<PlainSecretKind, string> = {
  'secret access key': 'put it in the keychain and reference it with secretKeyRef.',
  'session token': 'put it in the keychain and reference it with sessionTokenRef.',
  'private key': 'an AWS connector needs no private key, so remove it.',
};

function message(kind: PlainSecretKind, accessKeyField: boolean): string {
  const notAnId = accessKeyField ? ', not an access key ID (AKIA… or ASIA…, 20 capital letters and digits)' : '';
  return `This looks like ${WHAT[kind]}${notAnId}. Secrets must not be stored in plain fields: ${WHERE_IT_BELONGS[kind]}`;
}

export interface PlainSecretFinding {
  readonly issue: ConnectorIssue;
  /** Where the secret is: other issues at or under it are dropped, as their message or path could repeat it. */
  readonly at: readonly PathSegment[];
}

const ACCESS_KEY_PATH = 'connector.spec.credential.spec.accessKey';

/**
 * Every string in the connector, known fields and unknown ones alike (an imported file keeps fields
 * this app does not model, and they are stored too). A secret in a map key (a tag's key) is reported
 * at the map, so the path shown never contains it.
 */
export function plainSecretFindings(connector: Connector): PlainSecretFinding[] {
  const found: PlainSecretFinding[] = [];
  const visit = (value: unknown, path: readonly PathSegment[]): void => {
    if (typeof value === 'string') {
      const accessKeyField = path.join('.') === ACCESS_KEY_PATH;
      const kind = accessKeyField ? accessKeyFieldKind(value) : plainSecretKind(value);
      if (kind) found.push({ issue: { path, message: message(kind, accessKeyField), severity: 'error' }, at: path });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, index]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        const kind = plainSecretKind(key);
        if (kind) found.push({ issue: { path, message: message(kind, false), severity: 'error' }, at: [...path, key] });
        else visit(item, [...path, key]);
      }
    }
  };
  visit(connector, ['connector']);
  return found;
}
