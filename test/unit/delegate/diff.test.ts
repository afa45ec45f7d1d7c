import { describe, expect, it } from 'vitest';
import { manifestDiff } from '../../../electron/services/delegate/diff';

describe('manifest diff', () => {
  it('is empty for equal texts', () => {
    const diff = manifestDiff('a\nb\n', 'a\nb\n');
    expect(diff.unified).toBe('');
    expect(diff.added + diff.removed).toBe(0);
    expect(diff.sideBySide.every((row) => !row.left?.changed && !row.right?.changed)).toBe(true);
  });

  it('pairs a changed line side by side, old line before new, separate hunks when far apart', () => {
    const lines = Array.from({ length: 15 }, (_, i) => `line ${i + 1}`);
    const before = lines.join('\n');
    const after = [...lines.slice(0, 3), 'LINE 4', ...lines.slice(4), 'line 16'].join('\n');
    const diff = manifestDiff(before, after, { before: 'a.yaml', after: 'b.yaml' });
    expect(diff.unified).toBe(
      ['--- a.yaml', '+++ b.yaml', '@@ -1,7 +1,7 @@', ' line 1', ' line 2', ' line 3', '-line 4', '+LINE 4', ' line 5', ' line 6', ' line 7',
        '@@ -13,3 +13,4 @@', ' line 13', ' line 14', ' line 15', '+line 16', ''].join('\n'),
    );
    expect(diff.sideBySide[3]).toEqual({ left: { line: 4, text: 'line 4', changed: true }, right: { line: 4, text: 'LINE 4', changed: true } });
    expect(diff.sideBySide.at(-1)).toEqual({ left: null, right: { line: 16, text: 'line 16', changed: true } });
    expect([diff.added, diff.removed]).toEqual([2, 1]);
  });
});
