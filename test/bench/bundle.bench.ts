import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchResult } from './bench';

/** The renderer's JavaScript weight against the budget we hold ourselves to. */
export const RENDERER_BUDGET_BYTES = 600 * 1024;

export async function benchRendererBundle(): Promise<BenchResult> {
  const dir = 'out/renderer/assets';
  const bytes = readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + statSync(join(dir, file)).size, 0);
  return {
    name: 'renderer JavaScript vs budget',
    ratio: bytes / RENDERER_BUDGET_BYTES,
    detail: `${(bytes / 1024).toFixed(0)} KiB of ${(RENDERER_BUDGET_BYTES / 1024).toFixed(0)} KiB budget (below 1.0 is within budget)`,
  };
}
