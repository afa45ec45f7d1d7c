import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderTimes } from '../e2e/history-render.measure';
import { tempDir } from '../helpers/temp-dir';
import type { BenchResult } from './bench';

/** "Render time of the History view with 100k runs in Chromium (first paint of the list) under 200 ms." */
export const HISTORY_FIRST_PAINT_TARGET_MS = 200;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Seeds 100k runs into the e2e harness's database and times the list's first painted row in real
 * Chromium, opening History from another view and opening a fresh window on it, nine times each.
 * Playwright runs the measurement (test/e2e/history-render.measure.ts); it needs Chromium and a
 * Secret Service, like the e2e suite.
 */
export async function benchHistoryRender(): Promise<BenchResult[]> {
  const dir = tempDir('awb-bench-render-');
  const out = join(dir.path, 'times.json');
  try {
    const run = spawnSync('npx', ['playwright', 'test', '-c', 'test/e2e/history-bench.config.ts'], {
      env: { ...process.env, AWB_BENCH_OUT: out },
      encoding: 'utf8',
    });
    if (!existsSync(out)) {
      throw new Error(`the History render bench measured nothing (it needs Chromium and a Secret Service):\n${run.stdout}${run.stderr}`);
    }
    const times = JSON.parse(readFileSync(out, 'utf8')) as RenderTimes;
    const result = (name: string, samples: number[]): BenchResult => {
      const ms = median(samples);
      return {
        name,
        ratio: ms / HISTORY_FIRST_PAINT_TARGET_MS,
        detail: `median ${ms.toFixed(0)} ms of ${samples.length} (range ${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)} ms) vs the ${HISTORY_FIRST_PAINT_TARGET_MS} ms target (below 1.0 is within it)`,
      };
    };
    return [
      result('History first paint at 100k runs, opened from another view', times.switchMs),
      result('History first paint at 100k runs, fresh window', times.coldMs),
    ];
  } finally {
    dir.remove();
  }
}
