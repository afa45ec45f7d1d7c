import { spawnSync } from 'node:child_process';
import type { BenchResult } from './bench';

const LAUNCHER = 'electron/cli/awb.mjs';
const RUNS = 15;
const PASTED_LINE =
  'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.\n';

interface Start {
  readonly name: string;
  readonly args: readonly string[];
  readonly input?: string;
}

interface Case extends Start {
  /** The most this start may cost, as a multiple of starting Node with nothing to run. */
  readonly target: number;
}

const baseline: Start = { name: 'node -e ""', args: ['-e', ''] };
const cases: readonly Case[] = [
  { name: 'awb --version', args: [LAUNCHER, '--version'], target: 4 },
  { name: 'awb connector id', args: [LAUNCHER, 'connector', 'id', 'My AWS connector'], target: 4 },
  { name: 'awb doctor - (one pasted line)', args: [LAUNCHER, 'doctor', '-'], input: PASTED_LINE, target: 6 },
];

function timeOnce(start: Start): number {
  const began = performance.now();
  const result = spawnSync(process.execPath, start.args, { input: start.input ?? '', encoding: 'utf8' });
  const ms = performance.now() - began;
  // A command that fails early would look fast; only a start that did its work counts.
  if (result.status !== 0) throw new Error(`${start.name} exited ${result.status}: ${result.stderr}`);
  return ms;
}

function median(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Whole-process start-up of `awb` through its launcher, as a multiple of `node -e ""` measured in the
 * same run. Runs are interleaved so a busy moment of the machine weighs on every case alike.
 */
export async function benchCliStartup(): Promise<BenchResult[]> {
  // The first start rebuilds the bundle if the sources changed since the last build; that is not a start-up.
  for (const c of cases) timeOnce(c);
  const starts = [baseline, ...cases];
  const times = starts.map((): number[] => []);
  for (let run = 0; run < RUNS; run += 1) starts.forEach((start, i) => times[i]?.push(timeOnce(start)));
  const [node = 0, ...awb] = times.map(median);
  return cases.map((c, i) => {
    const ms = awb[i] ?? 0;
    return {
      name: `${c.name} start vs node -e ""`,
      ratio: ms / node,
      detail: `median of ${RUNS}: ${ms.toFixed(0)} ms vs ${node.toFixed(0)} ms (target ≤ ${c.target}×)`,
    };
  });
}
