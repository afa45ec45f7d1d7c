import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, manifestDiff, type DiffRow, type ManifestDiff } from '../../../shared/delegate/diff';
import { editedLineNumbers, editThreeLines, repeatedManifest } from '../../bench/delegate.bench';
import { fixture, irsa, NS, ROLE, SA } from './fixtures';

/**
 * The textbook quadratic LCS diff the module used before Myers' search: the reference for what a
 * minimal diff is and which of the minimal diffs the window shows.
 */
function referenceDiff(a: readonly string[], b: readonly string[]): DiffRow[] {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => table[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1)
      table[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  }
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      rows.push({ kind: 'same', before: i + 1, after: j + 1, text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if (i < a.length && (j >= b.length || at(i + 1, j) >= at(i, j + 1))) {
      rows.push({ kind: 'removed', before: i + 1, after: null, text: a[i] ?? '' });
      i += 1;
    } else {
      rows.push({ kind: 'added', before: null, after: j + 1, text: b[j] ?? '' });
      j += 1;
    }
  }
  return rows;
}

const text = (lines: readonly string[]) => lines.map((line) => `${line}\n`).join('');
const lines = (manifest: string) => manifest.split('\n').slice(0, -1);
const changed = (rows: readonly DiffRow[]) => rows.filter((row) => row.kind !== 'same').length;

/**
 * Replays the rows on the old lines, checking each row's text and numbers against the side it
 * claims to come from, and returns the new lines they build.
 */
function apply(before: readonly string[], rows: readonly DiffRow[]): string[] {
  const out: string[] = [];
  let i = 0;
  for (const row of rows) {
    if (row.kind !== 'added') {
      expect([row.before, row.text]).toEqual([i + 1, before[i]]);
      i += 1;
    }
    if (row.kind !== 'removed') {
      out.push(row.text);
      expect(row.after).toBe(out.length);
    }
    if (row.kind === 'added') expect(row.before).toBeNull();
    if (row.kind === 'removed') expect(row.after).toBeNull();
  }
  expect(i).toBe(before.length);
  return out;
}

/** Both columns of the side-by-side view, read top to bottom, are the two texts. */
function columns(diff: ManifestDiff): [string[], string[]] {
  return [
    diff.sideBySide.flatMap((row) => (row.left ? [row.left.text] : [])),
    diff.sideBySide.flatMap((row) => (row.right ? [row.right.text] : [])),
  ];
}

describe('manifest diff', () => {
  it('is empty for equal texts', () => {
    const diff = manifestDiff('a\nb\n', 'a\nb\n');
    expect(diff.added + diff.removed).toBe(0);
    expect(diff.rows.map((row) => row.kind)).toEqual(['same', 'same']);
    expect(diff.sideBySide.every((row) => !row.left?.changed && !row.right?.changed)).toBe(true);
  });

  it('has no rows for two empty texts, and ignores only the final line break', () => {
    expect(manifestDiff('', '')).toEqual({ rows: [], sideBySide: [], added: 0, removed: 0 });
    expect(diffLines('a\nb', 'a\nb\n').map((row) => row.kind)).toEqual(['same', 'same']);
    expect(diffLines('a\n\n', 'a\n').map((row) => `${row.kind} ${row.text}`)).toEqual(['same a', 'removed ']);
  });

  it('pairs a changed line side by side, old line before new, and numbers both sides', () => {
    const numbered = Array.from({ length: 15 }, (_, i) => `line ${i + 1}`);
    const before = numbered.join('\n');
    const after = [...numbered.slice(0, 3), 'LINE 4', ...numbered.slice(4), 'line 16'].join('\n');
    const diff = manifestDiff(before, after);
    expect(diff.rows.filter((row) => row.kind !== 'same')).toEqual([
      { kind: 'removed', before: 4, after: null, text: 'line 4' },
      { kind: 'added', before: null, after: 4, text: 'LINE 4' },
      { kind: 'added', before: null, after: 16, text: 'line 16' },
    ]);
    expect(diff.sideBySide[3]).toEqual({
      left: { line: 4, text: 'line 4', changed: true },
      right: { line: 4, text: 'LINE 4', changed: true },
    });
    expect(diff.sideBySide.at(-1)).toEqual({ left: null, right: { line: 16, text: 'line 16', changed: true } });
    expect([diff.added, diff.removed]).toEqual([2, 1]);
  });

  it('shows pure insertions as added lines only, numbered on the new side', () => {
    expect(diffLines('', 'a\nb\n')).toEqual([
      { kind: 'added', before: null, after: 1, text: 'a' },
      { kind: 'added', before: null, after: 2, text: 'b' },
    ]);
    const diff = manifestDiff('a\nd\n', 'a\nb\nc\nd\n');
    expect(diff.rows).toEqual([
      { kind: 'same', before: 1, after: 1, text: 'a' },
      { kind: 'added', before: null, after: 2, text: 'b' },
      { kind: 'added', before: null, after: 3, text: 'c' },
      { kind: 'same', before: 2, after: 4, text: 'd' },
    ]);
    expect(diff.sideBySide[1]).toEqual({ left: null, right: { line: 2, text: 'b', changed: true } });
    expect([diff.added, diff.removed]).toEqual([2, 0]);
  });

  it('shows pure deletions as removed lines only, numbered on the old side', () => {
    expect(diffLines('a\nb\n', '')).toEqual([
      { kind: 'removed', before: 1, after: null, text: 'a' },
      { kind: 'removed', before: 2, after: null, text: 'b' },
    ]);
    const diff = manifestDiff('a\nb\nc\nd\n', 'a\nd\n');
    expect(diff.rows.filter((row) => row.kind !== 'same')).toEqual([
      { kind: 'removed', before: 2, after: null, text: 'b' },
      { kind: 'removed', before: 3, after: null, text: 'c' },
    ]);
    expect(diff.sideBySide[2]).toEqual({ left: { line: 3, text: 'c', changed: true }, right: null });
    expect([diff.added, diff.removed]).toEqual([0, 2]);
  });

  it('shows the IRSA edit of the real Harness manifest as its added ServiceAccount and two renamed lines', () => {
    const input = fixture('harness-delegate.yaml');
    const { output } = irsa(input, { serviceAccount: SA, namespace: NS, roleArn: ROLE, stsRegionalEndpoints: false });
    const diff = manifestDiff(input, output);
    expect(apply(lines(input), diff.rows)).toEqual(lines(output));
    expect(diff.rows).toEqual(referenceDiff(lines(input), lines(output)));
    expect([diff.added, diff.removed]).toEqual([12, 1]);
    expect(
      diff.sideBySide
        .filter((row) => row.left?.changed || row.right?.changed)
        .map((row) => [row.left?.line ?? null, row.right?.line ?? null]),
    ).toEqual([...[8, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((line) => [null, line]), [14, 24], [null, 69]]);
    expect(diff.sideBySide.find((row) => row.left?.line === 14)).toEqual({
      left: { line: 14, text: '    name: default', changed: true },
      right: { line: 24, text: `    name: ${SA}`, changed: true },
    });
    expect(columns(diff)).toEqual([lines(input), lines(output)]);
  });

  it('diffs a 1 MB manifest down to its three changed lines', () => {
    const before = repeatedManifest(fixture('harness-delegate.yaml'), 1_000_000);
    const after = editThreeLines(before);
    expect(before.length).toBeGreaterThan(900_000);
    const diff = manifestDiff(before, after);
    const edited = editedLineNumbers(before);
    expect(diff.rows.filter((row) => row.kind !== 'same').map((row) => [row.kind, row.before ?? row.after])).toEqual(
      edited.flatMap((line) => [
        ['removed', line],
        ['added', line],
      ]),
    );
    expect(diff.sideBySide.filter((row) => row.left?.changed).map((row) => [row.left?.line, row.right?.text])).toEqual(
      edited.map((line) => [line, `${lines(before)[line - 1]} # edited`]),
    );
    expect(apply(lines(before), diff.rows)).toEqual(lines(after));
  });

  // Few distinct lines, blank lines and separators among them, so equal lines have many possible partners.
  const manifestLines = fc.array(fc.constantFrom('', '---', 'kind: ServiceAccount', '  name: a', '  name: b', 'x'), { maxLength: 40 });

  it('rebuilds the new text from the old and is as small as the LCS diff, choosing the same rows', () => {
    fc.assert(
      fc.property(manifestLines, manifestLines, (a, b) => {
        const diff = manifestDiff(text(a), text(b));
        expect(apply(a, diff.rows)).toEqual(b);
        const reference = referenceDiff(a, b);
        expect(changed(diff.rows)).toBe(changed(reference));
        expect(diff.rows).toEqual(reference);
        const same = diff.rows.length - changed(diff.rows);
        expect([diff.added, diff.removed]).toEqual([b.length - same, a.length - same]);
        expect(columns(diff)).toEqual([a, b]);
      }),
      { numRuns: 500 },
    );
  });

  it('stays minimal for a longer manifest with a few random edits', () => {
    const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: manifestLines.map((inserted) => inserted.slice(0, 4)) });
    fc.assert(
      fc.property(fc.array(manifestLines, { minLength: 3, maxLength: 6 }), fc.array(edit, { maxLength: 5 }), (chunks, edits) => {
        const a = chunks.flat();
        const b = [...a];
        for (const { at, remove, insert } of edits) b.splice(at % (b.length + 1), remove, ...insert);
        const diff = diffLines(text(a), text(b));
        expect(apply(a, diff)).toEqual(b);
        expect(diff).toEqual(referenceDiff(a, b));
      }),
      { numRuns: 200 },
    );
  });
});
