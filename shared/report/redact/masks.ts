import { PARTITIONS } from '../../regions/partitions';
import type { RedactionToggle } from '../schema';
import { code, isAlnum, isDigit, isHex, isLetter, outside, replaceAll, runEnd, runStart, WordScan, type Finder } from './text';

/**
 * The optional masks. Each replaces a value with a numbered placeholder of its kind, and the same
 * value always with the same placeholder across the whole report (`Placeholders`), so a masked
 * report still reads: "[role-1] in [account-1] cannot assume [role-2] in [account-2]".
 */

export const PLACEHOLDER_KINDS = ['account', 'role', 'user', 'group', 'session', 'host', 'ip', 'email'] as const;
export type PlaceholderKind = (typeof PLACEHOLDER_KINDS)[number];

/** One numbering per kind for the whole report. */
export class Placeholders {
  readonly #byValue = new Map<string, string>();
  readonly #counts = new Map<PlaceholderKind, number>();

  of(kind: PlaceholderKind, value: string): string {
    const key = `${kind}\u0000${value}`;
    let placeholder = this.#byValue.get(key);
    if (!placeholder) {
      const n = (this.#counts.get(kind) ?? 0) + 1;
      this.#counts.set(kind, n);
      placeholder = `[${kind}-${n}]`;
      this.#byValue.set(key, placeholder);
    }
    return placeholder;
  }
}

const [DOT, COMMA, COLON, SLASH, AT, OPEN, CLOSE] = [...'.,:/@[]'].map(code);

/** Characters of IAM names and paths (`[\w+=,.@/-]`). */
const isIamChar = (c: number): boolean => isAlnum(c) || '_+=,.@/-'.includes(String.fromCharCode(c));
const isIamNameChar = (c: number): boolean => c !== SLASH && isIamChar(c);

/** An ARN's resource type and the placeholder kind of the name after it. */
const ARN_NAMES: Readonly<Record<string, PlaceholderKind>> = {
  ':role/': 'role',
  ':user/': 'user',
  ':group/': 'group',
  ':federated-user/': 'user',
  ':assumed-role/': 'role',
};
/** CLI flags whose value is a name (eksctl and aws iam commands in generated text and in pastes). */
const FLAG_NAMES: Readonly<Record<string, PlaceholderKind>> = {
  '--role-name ': 'role',
  '--user-name ': 'user',
  '--group-name ': 'group',
  '--role-session-name ': 'session',
};
/** The role's unique id, then `:` and the session name, as `GetCallerIdentity` returns as UserId. */
const ROLE_ID = 'AROA';

/** A name up to where it ends, without the sentence's full stop or comma after it. */
function nameEnd(text: string, start: number, test: (c: number) => boolean): number {
  let end = runEnd(text, start, test);
  while (end > start && (text.charCodeAt(end - 1) === DOT || text.charCodeAt(end - 1) === COMMA)) end -= 1;
  return end;
}

function names(text: string, placeholders: Placeholders): Finder {
  const markers = [...Object.keys(ARN_NAMES), ...Object.keys(FLAG_NAMES), ROLE_ID];
  const scan = new WordScan(text, markers);
  return (_, from) => {
    for (let hit = scan.find(from); hit;) {
      const start = hit.at + hit.word.length;
      if (hit.word === ROLE_ID) {
        const idEnd = runEnd(text, hit.at, isAlnum);
        const end = nameEnd(text, idEnd + 1, isIamNameChar);
        if (outside(text, hit.at - 1, isAlnum) && text.charCodeAt(idEnd) === COLON && end > idEnd + 1) {
          return { start: idEnd + 1, end, with: placeholders.of('session', text.slice(idEnd + 1, end)) };
        }
        // Any later id inside this word follows a letter or digit, so it is not an id of its own.
        hit = scan.find(idEnd);
        continue;
      }
      if (hit.word === ':assumed-role/') {
        const roleEnd = runEnd(text, start, isIamNameChar);
        if (roleEnd === start) {
          hit = scan.find(hit.at + 1);
          continue;
        }
        const role = placeholders.of('role', text.slice(start, roleEnd));
        if (text.charCodeAt(roleEnd) !== SLASH) return { start, end: roleEnd, with: role };
        const end = nameEnd(text, roleEnd + 1, isIamNameChar);
        const session = end > roleEnd + 1 ? `/${placeholders.of('session', text.slice(roleEnd + 1, end))}` : '/';
        return { start, end, with: role + session };
      }
      const kind = ARN_NAMES[hit.word] ?? FLAG_NAMES[hit.word] ?? 'role';
      const end = nameEnd(text, start, hit.word.startsWith('--') ? isIamNameChar : isIamChar);
      if (end > start) return { start, end, with: placeholders.of(kind, text.slice(start, end)) };
      hit = scan.find(hit.at + 1);
    }
    return null;
  };
}

const isLocalChar = (c: number): boolean => isAlnum(c) || '._%+-'.includes(String.fromCharCode(c));
const isDomainChar = (c: number): boolean => isAlnum(c) || c === DOT || c === 45;

/** `local@domain.tld`, found from each `@` outwards; an `@` stops both scans, so no text is read twice. */
function emails(text: string, placeholders: Placeholders): Finder {
  return (_, from) => {
    for (let at = text.indexOf('@', from); at >= 0; at = text.indexOf('@', at + 1)) {
      const start = runStart(text, at, isLocalChar, from);
      const end = nameEnd(text, at + 1, isDomainChar);
      const domain = text.slice(at + 1, end);
      const dot = domain.lastIndexOf('.');
      if (start < at && dot > 0 && domain.length - dot > 2 && isLetter(domain.charCodeAt(dot + 1))) {
        return { start, end, with: placeholders.of('email', text.slice(start, end).toLowerCase()) };
      }
    }
    return null;
  };
}

/** Domains that are AWS's own endpoints (every partition's) or the documentation fixes link to; never masked. */
const PUBLIC_DOMAINS = [
  ...new Set(Object.values(PARTITIONS).flatMap((p) => [p.dnsSuffix, p.dualStackDnsSuffix])),
  'amazon.com',
  'harness.io',
  'kubernetes.io',
  'eksctl.io',
];

function isPublicHost(host: string): boolean {
  const lower = host.toLowerCase();
  return PUBLIC_DOMAINS.some((domain) => lower === domain || lower.endsWith(`.${domain}`));
}

const isAuthorityChar = (c: number): boolean => c > 32 && c !== 127 && !'/?#"\'<>`\\{}|'.includes(String.fromCharCode(c));
const isHostChar = (c: number): boolean => isAlnum(c) || c === DOT || c === 45 || c === 95;

/** The host of `scheme://[user[:password]@]host[:port]` unless it is AWS's or Harness's own. */
function hosts(text: string, placeholders: Placeholders): Finder {
  return (_, from) => {
    for (let at = text.indexOf('://', from); at >= 0; at = text.indexOf('://', at + 3)) {
      const authorityEnd = runEnd(text, at + 3, isAuthorityChar);
      let start = at + 3;
      for (let i = start; i < authorityEnd; i += 1) if (text.charCodeAt(i) === AT) start = i + 1;
      const bracketed = text.charCodeAt(start) === OPEN;
      const end = bracketed ? runEnd(text, start + 1, (c) => isHex(c) || c === COLON) + 1 : runEnd(text, start, isHostChar);
      if (bracketed && text.charCodeAt(end - 1) !== CLOSE) continue;
      const host = text.slice(start, end);
      if (end > start && !isPublicHost(host)) return { start, end, with: placeholders.of('host', host.toLowerCase()) };
    }
    return null;
  };
}

/** `a.b.c.d`, each part 0–255, not inside a longer dotted number (a version such as 1.2.3.4.5). */
function ipv4At(text: string, start: number): number {
  let i = start;
  for (let part = 0; part < 4; part += 1) {
    if (part > 0) {
      if (text.charCodeAt(i) !== DOT) return -1;
      i += 1;
    }
    const end = runEnd(text, i, isDigit);
    if (end === i || end - i > 3 || Number(text.slice(i, end)) > 255) return -1;
    i = end;
  }
  const isDotted = (c: number) => isAlnum(c) || c === DOT;
  if (!outside(text, i, isAlnum) || (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1)))) return -1;
  return outside(text, start - 1, isDotted) ? i : -1;
}

/** `fe80::1`, `2001:db8::8a2e:370:7334` or eight full groups: hex groups of at most four, `::` at most once. */
function ipv6End(text: string, start: number): number {
  const end = runEnd(text, start, (c) => isHex(c) || c === COLON);
  const candidate = text.slice(start, end);
  const groups = candidate.split(':');
  const compressed = candidate.includes('::');
  const valid =
    outside(text, start - 1, (c) => isAlnum(c) || c === COLON || c === DOT) &&
    outside(text, end, (c) => isAlnum(c) || c === DOT) &&
    !candidate.includes(':::') &&
    candidate.indexOf('::') === candidate.lastIndexOf('::') &&
    (compressed ? groups.length >= 3 : groups.length === 8) &&
    groups.every((g) => g.length <= 4) &&
    groups.filter((g) => g.length > 0).length >= (compressed ? 1 : 8) &&
    groups.some((g) => g.length > 0);
  return valid ? end : -1;
}

function ips(text: string, placeholders: Placeholders): Finder {
  return (_, from) => {
    // Every candidate starts where a run of hex digits or colons starts; a failed one is skipped whole.
    for (let i = from; i < text.length;) {
      const c = text.charCodeAt(i);
      if (!(isHex(c) || c === COLON) || !outside(text, i - 1, (p) => isHex(p) || p === COLON)) {
        i += 1;
        continue;
      }
      const v4 = isDigit(c) ? ipv4At(text, i) : -1;
      const end = v4 >= 0 ? v4 : ipv6End(text, i);
      if (end >= 0) return { start: i, end, with: placeholders.of('ip', text.slice(i, end).toLowerCase()) };
      i = runEnd(text, i, (h) => isHex(h) || h === COLON);
    }
    return null;
  };
}

/** Twelve digits as a word of their own: an AWS account ID. */
function accounts(text: string, placeholders: Placeholders): Finder {
  return (_, from) => {
    for (let i = from; i < text.length;) {
      if (!isDigit(text.charCodeAt(i))) {
        i += 1;
        continue;
      }
      const end = runEnd(text, i, isDigit);
      if (end - i === 12 && outside(text, i - 1, isAlnum) && outside(text, end, isAlnum)) {
        return { start: i, end, with: placeholders.of('account', text.slice(i, end)) };
      }
      i = end;
    }
    return null;
  };
}

type MaskFinder = (text: string, placeholders: Placeholders) => Finder;

/**
 * In the order they run: names before e-mail addresses (a session name is often one) and before
 * accounts (the ARN is still whole when its name is found); hosts before IPs (a URL's IP is its host).
 */
export const MASK_RULES: ReadonlyArray<readonly [RedactionToggle, MaskFinder]> = [
  ['names', names],
  ['emails', emails],
  ['hosts', hosts],
  ['ips', ips],
  ['accounts', accounts],
];

export function applyMask(finder: MaskFinder, text: string, placeholders: Placeholders): { text: string; count: number } {
  return replaceAll(text, finder(text, placeholders));
}
