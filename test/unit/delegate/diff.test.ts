import { describe, expect, it } from 'vitest';
import { manifestDiff } from '../../../shared/delegate/diff';

describe('manifest diff', () => {
  it('is empty for equal texts', () => {
    const diff = manifestDiff('a\nb\n', 'a\nb\n');
    expect(diff.added + diff.removed).toBe(0);
    expect(diff.rows.map((row) => row.kind)).toEqual(['same', 'same']);
    expect(diff.sideBySide.every((row) => !row.left?.changed && !row.right?.changed)).toBe(true);
  });

  it('pairs a changed line side by side, old line before new, and numbers both sides', () => {
    const lines = Array.from({ length: 15 }, (_, i) => `line ${i + 1}`);
    const before = lines.join('\n');
    const after = [...lines.slice(0, 3), 'LINE 4', ...lines.slice(4), 'line 16'].join('\n');
    const diff = manifestDiff(before, after);
    expect(diff.rows.filter((row) => row.kind !== 'same')).toEqual([
      { kind: 'removed', before: 4, after: null, text: 'line 4' },
      { kind: 'added', before: null, after: 4, text: 'LINE 4' },
      { kind: 'added', before: null, after: 16, text: 'line 16' },
    ]);
    expect(diff.sideBySide[3]).toEqual({ left: { line: 4, text: 'line 4', changed: true }, right: { line: 4, text: 'LINE 4', changed: true } });
    expect(diff.sideBySide.at(-1)).toEqual({ left: null, right: { line: 16, text: 'line 16', changed: true } });
    expect([diff.added, diff.removed]).toEqual([2, 1]);
  });
});
