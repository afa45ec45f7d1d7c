/**
 * The before/after line diff of a manifest. It runs where the text already is: the renderer diffs
 * the pasted manifest against the one it patched with the IRSA edits, so neither text crosses IPC.
 */

export interface DiffRow {
  readonly kind: 'same' | 'removed' | 'added';
  /** 1-based line numbers on each side; null on the side the line does not exist. */
  readonly before: number | null;
  readonly after: number | null;
  readonly text: string;
}

export interface DiffSide {
  readonly line: number;
  readonly text: string;
  readonly changed: boolean;
}

export interface SideBySideRow {
  readonly left: DiffSide | null;
  readonly right: DiffSide | null;
}

export interface ManifestDiff {
  readonly rows: DiffRow[];
  readonly sideBySide: SideBySideRow[];
  readonly added: number;
  readonly removed: number;
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const NONE = 0x7fffffff;

/**
 * Myers' greedy search, run from the end of both texts towards the start. Point (x, y) stands for
 * the suffixes a[x..] and b[y..]; its distance is the fewest removed plus added lines that turn one
 * into the other. Layer d holds, for each diagonal k = x - y within d of the end's diagonal (every
 * other one: a point's distance has the parity of its diagonal), the smallest x whose distance is
 * at most d, or NONE. Distances never grow going down a diagonal towards the end, so that one number
 * answers "is this point within d?" for the whole diagonal. The layers cost memory in D², D being
 * the distance between the texts: a manifest against its own IRSA patch is a handful of lines apart
 * (two wholly different 1 MB texts would need gigabytes, as the LCS table did before).
 */
class DistanceToEnd {
  private readonly layers: Int32Array[] = [];
  private readonly delta: number;

  constructor(
    private readonly a: readonly string[],
    private readonly b: readonly string[],
  ) {
    this.delta = a.length - b.length;
    // The search stops at the first layer that holds the start, (0, 0). No two texts are more
    // than a.length + b.length apart; the bound keeps a mistake here from hanging the window.
    for (let d = 0; d <= a.length + b.length && this.minX(d - 1, 0) !== 0; d += 1) this.layers.push(this.layer(d));
  }

  /** The distance between the whole texts. */
  get total(): number {
    return this.layers.length - 1;
  }

  /** Whether the point (x, y) is at most d from the end; d must have the parity of the point's diagonal. */
  within(x: number, y: number, d: number): boolean {
    return x >= this.minX(d, x - y);
  }

  private minX(d: number, k: number): number {
    const slot = k - this.delta + d;
    // A diagonal of the other parity is never in layer d: its points are within d - 1 or d + 1.
    if (d < 0 || slot < 0 || slot > 2 * d || slot % 2 !== 0) return NONE;
    return this.layers[d]?.[slot >> 1] ?? NONE;
  }

  private layer(d: number): Int32Array {
    const { a, b } = this;
    const out = new Int32Array(d + 1);
    for (let slot = 0; slot <= d; slot += 1) {
      const k = this.delta - d + 2 * slot;
      const lo = Math.max(0, k);
      const hi = Math.min(a.length, b.length + k);
      // The end has no move leading to it, so a layer starts from the one two below it, which holds it.
      let x = d === 0 ? a.length : this.minX(d - 2, k);
      // One removal from a point on diagonal k + 1 within d - 1.
      const removal = Math.max(this.minX(d - 1, k + 1) - 1, lo);
      if (removal <= hi && removal < a.length) x = Math.min(x, removal);
      // One addition from a point on diagonal k - 1 within d - 1.
      const addition = Math.max(this.minX(d - 1, k - 1), lo);
      if (addition <= hi && addition - k < b.length) x = Math.min(x, addition);
      if (x !== NONE) while (x > lo && a[x - 1] === b[x - 1 - k]) x -= 1;
      out[slot] = x;
    }
    return out;
  }
}

/**
 * A minimal line diff (Myers' O(ND)): the time grows with the manifest's length times the number of
 * changed lines, so a 1 MB manifest with a few edits diffs in about the time it takes to split it.
 * Among minimal diffs it picks the one the textbook LCS walk picks: equal lines pair as early as
 * they can, and where a line could go either way the removal comes first, so a changed line reads
 * old-then-new. Trimming the common tail first would pair repeated lines (blank lines, `---`) at
 * the other end instead, and the search's first step covers that tail anyway.
 */
export function diffLines(before: string, after: string): DiffRow[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const distance = new DistanceToEnd(a, b);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  let left = distance.total;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ kind: 'same', before: i + 1, after: j + 1, text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || distance.within(i + 1, j, left - 1))) {
      // Removing keeps the diff minimal if the rest is within one edit less; on a tie it goes first.
      rows.push({ kind: 'removed', before: i + 1, after: null, text: a[i] ?? '' });
      i += 1;
      left -= 1;
    } else {
      rows.push({ kind: 'added', before: null, after: j + 1, text: b[j] ?? '' });
      j += 1;
      left -= 1;
    }
  }
  return rows;
}

/** Pairs removed and added lines of one change block side by side, as code review tools show them. */
function sideBySide(rows: readonly DiffRow[]): SideBySideRow[] {
  const out: SideBySideRow[] = [];
  let k = 0;
  while (k < rows.length) {
    const row = rows[k] as DiffRow;
    if (row.kind === 'same') {
      out.push({
        left: { line: row.before ?? 0, text: row.text, changed: false },
        right: { line: row.after ?? 0, text: row.text, changed: false },
      });
      k += 1;
      continue;
    }
    const removed: DiffRow[] = [];
    const added: DiffRow[] = [];
    while (k < rows.length && (rows[k] as DiffRow).kind !== 'same') {
      const change = rows[k] as DiffRow;
      (change.kind === 'removed' ? removed : added).push(change);
      k += 1;
    }
    for (let n = 0; n < Math.max(removed.length, added.length); n += 1) {
      const left = removed[n];
      const right = added[n];
      out.push({
        left: left ? { line: left.before ?? 0, text: left.text, changed: true } : null,
        right: right ? { line: right.after ?? 0, text: right.text, changed: true } : null,
      });
    }
  }
  return out;
}

export function manifestDiff(before: string, after: string): ManifestDiff {
  const rows = diffLines(before, after);
  return {
    rows,
    sideBySide: sideBySide(rows),
    added: rows.filter((r) => r.kind === 'added').length,
    removed: rows.filter((r) => r.kind === 'removed').length,
  };
}
