/** Counts the comparisons a match makes, so tests can hold the matcher to its bound. */
export interface GlobMeter {
  steps: number;
}

export interface GlobOptions {
  /** IAM compares action names case-insensitively, condition values (StringLike) case-sensitively. */
  readonly ignoreCase: boolean;
  readonly meter?: GlobMeter;
}

function sameCharacter(a: string, b: string, ignoreCase: boolean): boolean {
  return a === b || (ignoreCase && a.toLowerCase() === b.toLowerCase());
}

/**
 * IAM wildcard matching: `*` matches any run of characters (also none), `?` exactly one.
 *
 * Patterns come from pasted policies, so they never become regular expressions: a backtracking regex
 * engine takes exponential time on `*?*?*?…` against a value that does not match. This matcher keeps
 * only the most recent `*` and, on a mismatch, lets that star swallow one more character; an earlier
 * star never needs revisiting because the later one can absorb anything it could. So a match takes at
 * most (pattern length + 1) × (value length + 1) steps.
 */
export function globMatch(pattern: string, value: string, options: GlobOptions): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let starValue = 0;
  const tick = () => {
    if (options.meter) options.meter.steps += 1;
  };
  while (v < value.length) {
    tick();
    const token = pattern[p];
    if (token === '*') {
      star = p;
      starValue = v;
      p += 1;
    } else if (token !== undefined && (token === '?' || sameCharacter(token, value[v] ?? '', options.ignoreCase))) {
      p += 1;
      v += 1;
    } else if (star >= 0) {
      p = star + 1;
      starValue += 1;
      v = starValue;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') {
    tick();
    p += 1;
  }
  return p === pattern.length;
}
