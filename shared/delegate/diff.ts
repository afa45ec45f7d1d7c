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

/**
 * A line diff by longest common subsequence. Manifests are a few hundred lines, so the quadratic
 * table is small and its result, unlike a heuristic diff's, is always minimal.
 */
export function diffLines(before: string, after: string): DiffRow[] {
  const a = splitLines(before);
  const b = splitLines(after);
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      table[i * width + j] =
        a[i] === b[j] ? (table[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(table[(i + 1) * width + j] ?? 0, table[i * width + j + 1] ?? 0);
    }
  }
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ kind: 'same', before: i + 1, after: j + 1, text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || (table[(i + 1) * width + j] ?? 0) >= (table[i * width + j + 1] ?? 0))) {
      // On a tie the removal comes first, so a changed line reads old-then-new.
      rows.push({ kind: 'removed', before: i + 1, after: null, text: a[i] ?? '' });
      i += 1;
    } else {
      rows.push({ kind: 'added', before: null, after: j + 1, text: b[j] ?? '' });
      j += 1;
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
