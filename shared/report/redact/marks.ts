import { PLACEHOLDER_KINDS, type PlaceholderKind } from './masks';
import { isDigit, isUpper } from './text';

/**
 * Finds what redaction left in a text, so every format can mark it: `[redacted…]` for a secret,
 * `[JWT …]` for a token reduced to its claims, `AKIA…VV7A` for a shortened access key ID, and the
 * masks' `[account-1]`. One pass with a stack of open brackets; a hostile text full of brackets
 * costs a pass and a short stack, nothing more.
 */
export type MarkKind = 'secret' | 'token' | 'key' | PlaceholderKind;

export interface TextPiece {
  readonly text: string;
  readonly mark: MarkKind | null;
}

/** What each mark says to a reader (a tooltip in HTML, a legend in the preview). */
export const MARK_WORDS: Readonly<Record<MarkKind, string>> = {
  secret: 'Secret removed',
  token: 'Web identity token reduced to its claims',
  key: 'Access key ID shortened',
  account: 'Account ID masked',
  role: 'Role name masked',
  user: 'User name masked',
  group: 'Group name masked',
  session: 'Session name masked',
  host: 'Host masked',
  ip: 'IP address masked',
  email: 'E-mail address masked',
};

const MAX_OPEN = 64;
const ELLIPSIS = 0x2026;
const BACKSLASH = 92;

/**
 * The kind of the bracketed span `[start, end)` (brackets included), or null when it is not a
 * placeholder. Markdown writes placeholders with escaped brackets (`\[account-1\]`); its closing
 * backslash is left out of what is read.
 */
function placeholderKind(text: string, start: number, end: number): MarkKind | null {
  if (text.startsWith('redacted', start + 1)) return 'secret';
  if (text.startsWith('JWT', start + 1) && (end === start + 5 || text.charCodeAt(start + 4) === 32)) return 'token';
  // `[account-12]` and its kind: short, so only short spans are read further.
  if (end - start > 24) return null;
  const inner = text.slice(start + 1, text.charCodeAt(end - 2) === BACKSLASH ? end - 2 : end - 1);
  const dash = inner.indexOf('-');
  const kind = inner.slice(0, dash) as PlaceholderKind;
  if (dash <= 0 || !PLACEHOLDER_KINDS.includes(kind) || dash === inner.length - 1) return null;
  for (let i = dash + 1; i < inner.length; i += 1) if (!isDigit(inner.charCodeAt(i))) return null;
  return kind;
}

const isKeyChar = (c: number): boolean => isUpper(c) || isDigit(c);

/** `AKIA…VV7A` around the ellipsis at `i`: the start of the span, or -1. */
function shortenedKeyAt(text: string, i: number): number {
  const start = i - 4;
  const prefix = text.slice(start, i);
  if (start < 0 || (prefix !== 'AKIA' && prefix !== 'ASIA')) return -1;
  for (let k = 1; k <= 4; k += 1) if (!isKeyChar(text.charCodeAt(i + k))) return -1;
  return start;
}

interface Mark {
  readonly start: number;
  readonly end: number;
  readonly kind: MarkKind;
}

function findMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  const open: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 91) {
      // Far deeper than any placeholder nests: what is open is only the text's own brackets.
      if (open.length >= MAX_OPEN) open.length = 0;
      open.push(i);
    } else if (c === 93 && open.length > 0) {
      const start = open.pop()!;
      const kind = placeholderKind(text, start, i + 1);
      const escaped = start > 0 && text.charCodeAt(start - 1) === BACKSLASH;
      if (kind) marks.push({ start: escaped ? start - 1 : start, end: i + 1, kind });
    } else if (c === ELLIPSIS) {
      const start = shortenedKeyAt(text, i);
      if (start >= 0) marks.push({ start, end: i + 5, kind: 'key' });
    }
  }
  // Inner marks (an account inside a token's claims) are part of the outer one.
  marks.sort((a, b) => a.start - b.start || b.end - a.end);
  const outer: Mark[] = [];
  for (const mark of marks) if (mark.start >= (outer.at(-1)?.end ?? 0)) outer.push(mark);
  return outer;
}

/** The text as plain pieces and marked ones, in order; joined, they are the text. */
export function markRedactions(text: string): TextPiece[] {
  if (!text.includes('[') && !text.includes('…')) return [{ text, mark: null }];
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const mark of findMarks(text)) {
    if (mark.start > at) pieces.push({ text: text.slice(at, mark.start), mark: null });
    pieces.push({ text: text.slice(mark.start, mark.end), mark: mark.kind });
    at = mark.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), mark: null });
  return pieces;
}
