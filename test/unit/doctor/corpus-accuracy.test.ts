import { describe, expect, it } from 'vitest';
import { formatConfusion, formatReliability, loadCorpus, measureAccuracy, reliability } from './accuracy';

// Issue 14: accuracy on the labelled corpus. The floors are the figures reached when the rules were
// last tuned (on development only); a change that drops below them is a regression, not noise.
const FLOORS = {
  development: { cases: 208, top1: 0.9, top3: 0.94 },
  'held-out': { cases: 93, top1: 0.7, top3: 0.81 },
} as const;

describe.each(Object.entries(FLOORS))('doctor classifier on the corpus %s part', async (part, floor) => {
  const accuracy = await measureAccuracy(loadCorpus(part as keyof typeof FLOORS));

  it(`ranks the labelled class first for at least ${floor.top1 * 100}% and in the first three for at least ${floor.top3 * 100}%`, () => {
    process.stdout.write(
      `${part}: top-1 ${(accuracy.top1 * 100).toFixed(1)}%, top-3 ${(accuracy.top3 * 100).toFixed(1)}%\n${formatConfusion(accuracy)}\n${formatReliability(accuracy)}\n`,
    );
    expect(accuracy.cases).toBe(floor.cases);
    expect(accuracy.top1).toBeGreaterThanOrEqual(floor.top1);
    expect(accuracy.top3).toBeGreaterThanOrEqual(floor.top3);
  });

  it('is right more often when it is more confident (confidence bands are ordered)', () => {
    const filled = reliability(accuracy, [0, 0.5, 0.8, 1.01]).filter((bin) => bin.findings >= 5);
    const shares = filled.map((bin) => bin.right / bin.findings);
    for (let i = 1; i < shares.length; i += 1) expect(shares[i]!).toBeGreaterThanOrEqual(shares[i - 1]! - 0.05);
  });
});
