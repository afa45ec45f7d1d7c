/**
 * Character tests and the one replacement loop every report redaction rule uses. A rule finds its
 * next match with forward scans that never go back before where the previous match ended, so a
 * pass reads each character a bounded number of times: linear in its input, whatever the input.
 */

export type CharTest = (code: number) => boolean;

export interface Span {
  readonly start: number;
  readonly end: number;
}

export const isDigit: CharTest = (c) => c >= 48 && c <= 57;
export const isUpper: CharTest = (c) => c >= 65 && c <= 90;
export const isLetter: CharTest = (c) => isUpper(c) || (c >= 97 && c <= 122);
export const isAlnum: CharTest = (c) => isDigit(c) || isLetter(c);
export const isHex: CharTest = (c) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** base64url: the alphabet of JSON Web Token segments. */
export const isUrlSafe: CharTest = (c) => isAlnum(c) || c === 45 || c === 95;

export const code = (char: string): number => char.charCodeAt(0);

/** The end of the run of `test` characters that starts at `from`. */
export function runEnd(text: string, from: number, test: CharTest): number {
  let i = from;
  while (i < text.length && test(text.charCodeAt(i))) i += 1;
  return i;
}

/** The start of the run of `test` characters that ends at `to`, not before `floor`. */
export function runStart(text: string, to: number, test: CharTest, floor = 0): number {
  let i = to;
  while (i > floor && test(text.charCodeAt(i - 1))) i -= 1;
  return i;
}

/** True when the character at `i` (possibly outside the text) is not one that `test` takes. */
export const outside = (text: string, i: number, test: CharTest): boolean => i < 0 || i >= text.length || !test(text.charCodeAt(i));

/** A match and what replaces it. */
export interface Replacement extends Span {
  readonly with: string;
}

/** Finds the next match at or after `from`; never one that starts before `from`. */
export type Finder = (text: string, from: number) => Replacement | null;

/** Applies a finder over the whole text; `count` is how many matches were replaced. */
export function replaceAll(text: string, next: Finder): { text: string; count: number } {
  let out = '';
  let copied = 0;
  let count = 0;
  for (let match = next(text, 0); match; match = next(text, Math.max(match.end, match.start + 1))) {
    out += text.slice(copied, match.start) + match.with;
    copied = match.end;
    count += 1;
  }
  return count === 0 ? { text, count } : { text: out + text.slice(copied), count };
}

/**
 * The next place one of several words occurs, for a scan that only moves forward. Each word's next
 * position is remembered until the scan passes it, so no stretch of text is searched twice for it.
 */
export class WordScan {
  readonly #next: number[];

  constructor(
    private readonly text: string,
    private readonly words: readonly string[],
  ) {
    this.#next = words.map(() => -2);
  }

  /** The first occurrence at or after `from` of any word, with the word; null when none is left. */
  find(from: number): { at: number; word: string } | null {
    let best: { at: number; word: string } | null = null;
    this.words.forEach((word, i) => {
      let at = this.#next[i] ?? -1;
      if (at !== -1 && at < from) at = this.text.indexOf(word, from);
      this.#next[i] = at;
      if (at >= 0 && (!best || at < best.at)) best = { at, word };
    });
    return best;
  }
}
