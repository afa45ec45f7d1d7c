/**
 * Removes secrets from free text before it leaves the process that holds them: error messages,
 * log lines, reports. Patterns are deliberately broad; a false positive costs a few characters of
 * context, a false negative leaks a credential.
 *
 * The patterns are forward scans over runs of characters rather than regular expressions: as
 * regexes they backtracked quadratically on long runs of `-`-separated words or `eyJ` fragments
 * (256 KB of a connector field took 38 s). Every scan reads each character a bounded number of
 * times, and counts its reads so that tests can hold it to that.
 */

type CharTest = (code: number) => boolean;

const code = (char: string): number => char.charCodeAt(0);
const [DASH, UNDERSCORE, DOT, EQUALS, COLON, SLASH, PLUS, COMMA, BRACE] = [...'-_.=:/+,}'].map(code);
const [QUOTE, APOSTROPHE] = [code('"'), code("'")];

const isDigit: CharTest = (c) => c >= 48 && c <= 57;
const isAlnum: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** `\w` of a regex without the u flag. */
const isWord: CharTest = (c) => isAlnum(c) || c === UNDERSCORE;
/** base64url: the characters of JSON Web Token segments and of key names. */
const isUrlSafe: CharTest = (c) => isWord(c) || c === DASH;
const isBase64: CharTest = (c) => isAlnum(c) || c === SLASH || c === PLUS;
const isPaddedBase64: CharTest = (c) => isBase64(c) || c === EQUALS;
const isHex: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isDash: CharTest = (c) => c === DASH;
const isQuote: CharTest = (c) => c === QUOTE || c === APOSTROPHE;
const isAssign: CharTest = (c) => c === COLON || c === EQUALS;
/** `\s` of a JavaScript regex. */
const isSpace: CharTest = (c) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;
// Negated classes must also reject NaN, which `Reader.at` returns past the end of the text.
const isNotSpace: CharTest = (c) => c >= 0 && !isSpace(c);
const isNotNewline: CharTest = (c) => c >= 0 && c !== 10 && c !== 13;
/** What a key/value pair's value is made of: up to whitespace, a quote, a comma or a closing brace. */
const isValueChar: CharTest = (c) => isNotSpace(c) && !isQuote(c) && c !== COMMA && c !== BRACE;

/** ASCII letters folded to lower case, as a regex's i flag does without the u flag. */
const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

interface Span {
  readonly start: number;
  readonly end: number;
}

/** One text under scan; `steps` counts the characters read. */
class Reader {
  steps = 0;
  constructor(readonly text: string) {}

  /** The character code at `i`; NaN outside the text, which every CharTest rejects. */
  at(i: number): number {
    this.steps += 1;
    return this.text.charCodeAt(i);
  }

  /** The end of the run of `test` characters that starts at `from`. */
  runEnd(from: number, test: CharTest): number {
    let i = from;
    while (test(this.at(i))) i += 1;
    return i;
  }

  /** The start of the run of `test` characters that ends at `to`, not before `floor`. */
  runStart(to: number, test: CharTest, floor: number): number {
    let i = to;
    while (i > floor && test(this.at(i - 1))) i -= 1;
    return i;
  }

  /** The next run of `test` characters at or after `from`. */
  nextRun(from: number, test: CharTest): Span | null {
    let start = from;
    while (start < this.text.length && !test(this.at(start))) start += 1;
    return start < this.text.length ? { start, end: this.runEnd(start, test) } : null;
  }

  /** Whether `word` is at `i`; with `fold`, `word` is lower case and ASCII case is ignored. */
  hasAt(i: number, word: string, fold: boolean): boolean {
    for (let k = 0; k < word.length; k += 1) {
      const c = this.at(i + k);
      if ((fold ? lower(c) : c) !== word.charCodeAt(k)) return false;
    }
    return true;
  }

  /** The next index at or after `from` where `word` is, or -1. */
  find(word: string, from: number, fold: boolean): number {
    for (let i = from; i + word.length <= this.text.length; i += 1) if (this.hasAt(i, word, fold)) return i;
    return -1;
  }
}

interface Rule {
  readonly replacement: string;
  /** The next span to replace at or after `from`, reading each character a bounded number of times. */
  next(r: Reader, from: number): Span | null;
}

const MIN_JWT_SEGMENT = 8;

/** A JSON Web Token's place in a text, with its payload (claims) segment. */
export interface JwtSpan extends Span {
  readonly payload: Span;
}

/** The rest of a token whose header segment is `[start, end)`: two more segments, dot-separated; else null. */
function jwtRest(r: Reader, start: number, end: number): { payload: Span; end: number } | null {
  let segmentStart = start;
  let segmentEnd = end;
  let payload: Span | null = null;
  for (let dots = 0; dots < 2; dots += 1) {
    if (segmentEnd - segmentStart < MIN_JWT_SEGMENT || r.at(segmentEnd) !== DOT) return null;
    segmentStart = segmentEnd + 1;
    segmentEnd = r.runEnd(segmentStart, isUrlSafe);
    payload ??= { start: segmentStart, end: segmentEnd };
  }
  // The token ends at a word boundary, so trailing dashes are not part of it. The signature may be
  // empty: an unsigned (`alg: none`) token still carries its claims.
  return payload && { payload, end: r.runStart(segmentEnd, isDash, segmentStart) };
}

/** JSON Web Tokens (web identity tokens, OIDC tokens): `eyJ` at a word start, header and payload of 8 or more. */
function nextJwt(r: Reader, from: number): JwtSpan | null {
  for (let at = r.find('eyJ', from, false); at >= 0;) {
    if (isWord(r.at(at - 1))) {
      at = r.find('eyJ', at + 1, false);
      continue;
    }
    const header = r.runEnd(at + 3, isUrlSafe);
    const rest = jwtRest(r, at + 3, header);
    if (rest) return { start: at, end: rest.end, payload: rest.payload };
    // Every later `eyJ` in this header shares its segments, only shorter: it fails too.
    at = r.find('eyJ', header, false);
  }
  return null;
}

/** The next whole run of `test` characters that `accept` takes. */
function runMatching(test: CharTest, accept: (r: Reader, run: Span) => boolean): Rule['next'] {
  return (r, from) => {
    for (let run = r.nextRun(from, test); run; run = r.nextRun(run.end, test)) if (accept(r, run)) return run;
    return null;
  };
}

/** `Authorization:`, then the rest of the line after any whitespace (line breaks included, as `\s*` took them). */
function nextAuthorization(r: Reader, from: number): Span | null {
  const at = r.find('authorization:', from, true);
  if (at < 0) return null;
  const start = r.runEnd(at + 'authorization:'.length, isSpace);
  return start < r.text.length ? { start, end: r.runEnd(start, isNotNewline) } : null;
}

/** A SigV4 signature after `Signature=`. */
function nextSignature(r: Reader, from: number): Span | null {
  for (let at = r.find('signature=', from, true); at >= 0; at = r.find('signature=', at + 1, true)) {
    const start = at + 'signature='.length;
    if (r.runEnd(start, isHex) - start >= 64) return { start, end: start + 64 };
  }
  return null;
}

/** Key names that name a secret, as parts that `_` or `-` may separate: `secret_access_key`, `SecretAccessKey`. */
const SECRET_KEYS: readonly (readonly string[])[] = [
  ['secret', 'access', 'key'],
  ['secret', 'key'],
  ['token'],
  ['password'],
  ['passwd'],
  ['api', 'key'],
  ['secret'],
];

/** Where the key name `parts` starts when the word `[start, end)` ends with it, or -1. */
function keyNameStart(r: Reader, word: Span, parts: readonly string[]): number {
  let at = word.end;
  for (let i = parts.length - 1; i >= 0; i -= 1) {
    const part = parts[i] ?? '';
    if (i < parts.length - 1 && (r.at(at - 1) === DASH || r.at(at - 1) === UNDERSCORE)) at -= 1;
    at -= part.length;
    if (at < word.start || !r.hasAt(at, part, true)) return -1;
  }
  return at;
}

/**
 * Whether the key name at `at` is reachable from a word boundary through `word_` or `word-`
 * prefixes (`AWS_SECRET_ACCESS_KEY`, `x-api-key`), as `\b(?:[a-z0-9]+[_-])*` required: `mytoken`
 * and `a__token` are not.
 */
function startsAtPrefixChain(r: Reader, at: number): boolean {
  for (let start = at; ;) {
    const before = r.at(start - 1);
    if (!isWord(before)) return true;
    if (before !== UNDERSCORE) return false;
    const prefix = r.runStart(start - 1, isAlnum, 0);
    if (prefix === start - 1) return false;
    start = prefix;
  }
}

/** After a key: an optional quote, `:` or `=` with any whitespace around it, an optional quote, then the value. */
function valueAfter(r: Reader, keyEnd: number): Span | null {
  let at = keyEnd;
  if (isQuote(r.at(at))) at += 1;
  at = r.runEnd(at, isSpace);
  if (!isAssign(r.at(at))) return null;
  at = r.runEnd(at + 1, isSpace);
  if (isQuote(r.at(at))) at += 1;
  const end = r.runEnd(at, isValueChar);
  return end > at ? { start: at, end } : null;
}

/**
 * Key/value pairs whose key names a secret. The key name ends a word of `[A-Za-z0-9_-]` (a
 * quote, a space, `:` or `=` must follow it), so each word is judged once by its end; its value
 * is read only when the name qualifies, so no text is read again for every word before it.
 */
function nextKeyValue(r: Reader, from: number): Span | null {
  for (let word = r.nextRun(from, isUrlSafe); word; word = r.nextRun(word.end, isUrlSafe)) {
    const named = SECRET_KEYS.some((parts) => {
      const start = keyNameStart(r, word, parts);
      return start >= 0 && startsAtPrefixChain(r, start);
    });
    const value = named ? valueAfter(r, word.end) : null;
    if (value) return value;
  }
  return null;
}

const RULES: readonly Rule[] = [
  { next: nextJwt, replacement: '[redacted token]' },
  // Session tokens: long base64 runs (AWS session tokens are hundreds of characters).
  { next: runMatching(isPaddedBase64, (_, run) => run.end - run.start >= 100), replacement: '[redacted session token]' },
  // Secret access keys: exactly 40 base64 characters, not part of a longer run, not padded.
  { next: runMatching(isBase64, (r, run) => run.end - run.start === 40 && r.at(run.end) !== EQUALS), replacement: '[redacted secret]' },
  // Authorization headers and SigV4 signatures.
  { next: nextAuthorization, replacement: '[redacted]' },
  { next: nextSignature, replacement: '[redacted]' },
  { next: nextKeyValue, replacement: '[redacted]' },
];

function applyRule(text: string, rule: Rule): { text: string; steps: number } {
  const r = new Reader(text);
  let out = '';
  let copied = 0;
  for (let span = rule.next(r, 0); span; span = rule.next(r, span.end)) {
    out += text.slice(copied, span.start) + rule.replacement;
    copied = span.end;
  }
  return { text: out + text.slice(copied), steps: r.steps };
}

/** The next JSON Web Token at or after `from`, found as `redactSecrets` finds it: reports summarise its claims. */
export function findJwt(text: string, from: number): JwtSpan | null {
  return nextJwt(new Reader(text), from);
}

/** `redactSecrets` with the number of characters its scans read: tests and the bench hold it to a constant per character. */
export function redactCounting(text: string, knownSecrets: readonly string[] = []): { text: string; steps: number } {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  let steps = 0;
  for (const rule of RULES) {
    const applied = applyRule(out, rule);
    out = applied.text;
    steps += applied.steps;
  }
  return { text: out, steps };
}

export function redactSecrets(text: string, knownSecrets: readonly string[] = []): string {
  return redactCounting(text, knownSecrets).text;
}

/**
 * `text` bounded for display, ahead of redaction: a word (a run without whitespace) longer than
 * `maxWord` becomes "[N characters]", and the text stops at a word boundary before it would pass
 * `maxChars`. Words go or stay whole, so no cut leaves a piece of a secret too short for the
 * patterns to recognise.
 */
export function boundText(text: string, maxChars: number, maxWord = 512): string {
  if (text.length <= Math.min(maxChars, maxWord)) return text;
  const r = new Reader(text);
  let out = '';
  for (let start = 0; start < text.length;) {
    const word = isNotSpace(r.at(start));
    const end = r.runEnd(start, word ? isNotSpace : isSpace);
    const piece = word && end - start > maxWord ? `[${end - start} characters]` : text.slice(start, end);
    if (out.length + piece.length > maxChars) return `${out}… (${text.length - start} more characters)`;
    out += piece;
    start = end;
  }
  return out;
}

/** `AKIAIOSFODNN7EXAMPLE` → `AKIA…MPLE`: enough to tell keys apart, not enough to use one. */
export function shortenAccessKeyId(keyId: string): string {
  return keyId.length <= 8 ? keyId : `${keyId.slice(0, 4)}…${keyId.slice(-4)}`;
}
