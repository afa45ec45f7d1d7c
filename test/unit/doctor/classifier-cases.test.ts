import { describe, expect, it } from 'vitest';
import { formatAccuracy, loadCases, measureAccuracy } from './accuracy';

describe('doctor classifier on the 110 labelled real cases', async () => {
  const accuracy = await measureAccuracy(loadCases());

  it('ranks the labelled class first for at least 85% of cases and in the first three for at least 95%', () => {
    // The figures are the point of this test: print them with the result.
    process.stdout.write(
      `${formatAccuracy(accuracy)}\nmisses:\n  ${accuracy.misses.map((m) => `${m.id} ${m.label} → ${m.ranked.join(', ')}`).join('\n  ')}\n`,
    );
    expect(accuracy.cases).toBe(110);
    expect(accuracy.top1).toBeGreaterThanOrEqual(0.85);
    expect(accuracy.top3).toBeGreaterThanOrEqual(0.95);
  });

  it('gets every class right at least once, so no class is unreachable', () => {
    const unreachable = accuracy.perClass.filter((row) => row.top3 === 0).map((row) => row.class);
    expect(unreachable).toEqual([]);
  });
});
