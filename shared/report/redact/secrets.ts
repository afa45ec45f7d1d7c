import { findJwt, redactSecrets, shortenAccessKeyId } from '../../redact';
import type { RedactionRule } from '../schema';
import { code, isAlnum, isDigit, isUpper, outside, replaceAll, runEnd, WordScan, type Finder } from './text';

/**
 * The rules every report applies, whatever the user chose: web identity tokens reduced to the claims
 * that tell them apart, passwords in URLs, the secrets `redactSecrets` knows, access key IDs shortened.
 */

const AT = code('@');
const COLON = code(':');

/** A JWT keeps these claims: who issued it, for whom, whose it is, until when. Nothing that signs. */
const KEPT_CLAIMS = ['iss', 'aud', 'sub', 'exp'] as const;
const MAX_PAYLOAD_CHARS = 16 * 1024;
const MAX_CLAIM_CHARS = 160;

function decodeClaims(segment: string): Record<string, unknown> | null {
  if (segment.length > MAX_PAYLOAD_CHARS) return null;
  try {
    const base64 = segment.replaceAll('-', '+').replaceAll('_', '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const parsed: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A claim as one short line that cannot close the placeholder it sits in. */
function claimText(name: string, value: unknown): string | null {
  if (name === 'exp' && typeof value === 'number' && Number.isFinite(value) && Math.abs(value) < 1e11) {
    return new Date(value * 1000).toISOString().replace('.000Z', 'Z');
  }
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(',') : typeof value === 'string' ? value : null;
  if (text === null || text.length === 0) return null;
  let out = '';
  for (const char of text.slice(0, MAX_CLAIM_CHARS)) out += char === '[' || char === ']' || char.charCodeAt(0) <= 32 ? ' ' : char;
  // The placeholder protects what is inside it from the later rules, so a claim is redacted here.
  return redactSecrets(text.length > MAX_CLAIM_CHARS ? `${out}…` : out);
}

/** `[JWT iss=… aud=… sub=… exp=…]`: enough to say which token it was, nothing to replay it with. */
export function tokenSummary(payload: string): string {
  const claims = decodeClaims(payload);
  const kept = KEPT_CLAIMS.flatMap((name) => {
    const text = claims ? claimText(name, claims[name]) : null;
    return text === null ? [] : [`${name}=${text}`];
  });
  return kept.length > 0 ? `[JWT ${kept.join(' ')}]` : '[JWT]';
}

/** Each token `redactSecrets` would remove, replaced by the claims that tell it apart. */
function jwts(): Finder {
  return (text, from) => {
    const token = findJwt(text, from);
    return token && { start: token.start, end: token.end, with: tokenSummary(text.slice(token.payload.start, token.payload.end)) };
  };
}

/** What may stand between `://` and `@` in a URL's user and password. */
const isUserinfo = (c: number): boolean =>
  c > 32 && c !== 127 && !'/?#@"\'<>`[]\\{}|'.includes(String.fromCharCode(c)) && !(c >= 0x2000 && c <= 0x200b);

/** `scheme://user:password@host`: the password goes, the user stays (a proxy's user names a team, not a key). */
function urlPasswords(): Finder {
  return (text, from) => {
    for (let at = text.indexOf('://', from); at >= 0; at = text.indexOf('://', at + 3)) {
      const start = at + 3;
      const end = runEnd(text, start, isUserinfo);
      if (text.charCodeAt(end) !== AT) continue;
      let colon = start;
      while (colon < end && text.charCodeAt(colon) !== COLON) colon += 1;
      if (colon + 1 < end) return { start: colon + 1, end, with: '[redacted]' };
    }
    return null;
  };
}

const KEY_ID_PREFIXES = ['AKIA', 'ASIA'];
const KEY_ID_LENGTH = 20;
const isKeyIdChar = (c: number): boolean => isUpper(c) || isDigit(c);

/** Long-term (`AKIA`) and temporary (`ASIA`) access key IDs, 20 characters, as a whole word. */
function accessKeyIds(text: string): Finder {
  const scan = new WordScan(text, KEY_ID_PREFIXES);
  return (_, from) => {
    for (let hit = scan.find(from); hit;) {
      const end = runEnd(text, hit.at, isKeyIdChar);
      if (end - hit.at === KEY_ID_LENGTH && outside(text, hit.at - 1, isAlnum) && outside(text, end, isAlnum)) {
        return { start: hit.at, end, with: shortenAccessKeyId(text.slice(hit.at, end)) };
      }
      // Any later prefix inside this run follows a letter or digit, so it is not a word of its own.
      hit = scan.find(Math.max(end, hit.at + 1));
    }
    return null;
  };
}

/** How many times `word` occurs: counts what `redactSecrets` replaced, as it does not say. */
function occurrences(text: string, word: string): number {
  let count = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) count += 1;
  return count;
}

const AFTER_TOKENS = {
  passwords: (text: string) => replaceAll(text, urlPasswords()),
  secrets: (text: string) => {
    const out = redactSecrets(text);
    return { text: out, count: out === text ? 0 : Math.max(1, occurrences(out, '[redacted') - occurrences(text, '[redacted')) };
  },
  accessKeyIds: (text: string) => replaceAll(text, accessKeyIds(text)),
} as const;

/**
 * The rules that always apply, with how often each replaced something. Tokens go first and their
 * placeholders are left alone by the rest: `TOKEN=[JWT iss=…]` would otherwise lose its first word
 * to the key/value rule, which takes whatever follows a key that names a secret.
 */
export function redactAlways(text: string, counted: (rule: RedactionRule, count: number) => void): string {
  const rest = (piece: string): string =>
    Object.entries(AFTER_TOKENS).reduce((current, [rule, step]) => {
      const out = step(current);
      counted(rule as RedactionRule, out.count);
      return out.text;
    }, piece);
  const next = jwts();
  let out = '';
  let copied = 0;
  let tokens = 0;
  for (let match = next(text, 0); match; match = next(text, match.end)) {
    out += rest(text.slice(copied, match.start)) + match.with;
    copied = match.end;
    tokens += 1;
  }
  counted('tokens', tokens);
  return out + rest(text.slice(copied));
}
