/** One benchmark's answer: a ratio (dimensionless, so it means the same on any machine) and how it was measured. */
export interface BenchResult {
  readonly name: string;
  readonly ratio: number;
  readonly detail: string;
}

/** Median of several timed runs of `fn`, in milliseconds. */
export async function medianMs(fn: () => unknown, runs = 7): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}
