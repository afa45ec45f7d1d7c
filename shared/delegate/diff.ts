import type { DiffRow, ManifestDiff, SideBySideRow } from '../../../shared/delegate/results';

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

function unified(rows: readonly DiffRow[], names: { before: string; after: string }, context = 3): string {
  const changed = rows.map((row, index) => (row.kind === 'same' ? -1 : index)).filter((index) => index >= 0);
  if (changed.length === 0) return '';
  const hunks: Array<[number, number]> = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(rows.length - 1, index + context);
    const last = hunks.at(-1);
    if (last && start <= last[1] + 1) last[1] = end;
    else hunks.push([start, end]);
  }
  const out = [`--- ${names.before}`, `+++ ${names.after}`];
  for (const [start, end] of hunks) {
    const slice = rows.slice(start, end + 1);
    const firstBefore = slice.find((r) => r.before !== null)?.before ?? 0;
    const firstAfter = slice.find((r) => r.after !== null)?.after ?? 0;
    const beforeCount = slice.filter((r) => r.kind !== 'added').length;
    const afterCount = slice.filter((r) => r.kind !== 'removed').length;
    out.push(`@@ -${beforeCount ? firstBefore : firstBefore - 1},${beforeCount} +${afterCount ? firstAfter : firstAfter - 1},${afterCount} @@`);
    for (const row of slice) out.push(`${row.kind === 'same' ? ' ' : row.kind === 'added' ? '+' : '-'}${row.text}`);
  }
  return `${out.join('\n')}\n`;
}

export function manifestDiff(before: string, after: string, names = { before: 'harness-delegate.yaml', after: 'harness-delegate.irsa.yaml' }): ManifestDiff {
  const rows = diffLines(before, after);
  return {
    rows,
    sideBySide: sideBySide(rows),
    unified: unified(rows, names),
    added: rows.filter((r) => r.kind === 'added').length,
    removed: rows.filter((r) => r.kind === 'removed').length,
  };
}
