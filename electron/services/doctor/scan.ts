/** A match located in its input, so evidence can be highlighted exactly where it was found. */
export interface Located {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly groups: readonly (string | undefined)[];
}

/**
 * Up to `limit` matches of a global regex. The cap keeps a 10 MB paste full of the same line from
 * producing millions of objects; no pattern passed here nests an unbounded quantifier (the one
 * nesting, host labels, is bounded and separated by dots), so each scan is linear in the text.
 */
export function findAll(text: string, pattern: RegExp, limit = 50): Located[] {
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  const out: Located[] = [];
  let match: RegExpExecArray | null;
  while (out.length < limit && (match = regex.exec(text)) !== null) {
    if (match[0].length === 0) {
      regex.lastIndex += 1;
      continue;
    }
    out.push({ text: match[0], start: match.index, end: match.index + match[0].length, groups: match.slice(1) });
  }
  return out;
}

export function findFirst(text: string, pattern: RegExp): Located | null {
  return findAll(text, pattern, 1)[0] ?? null;
}
