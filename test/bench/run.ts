import { spawnSync } from 'node:child_process';
import type { BenchResult } from './bench';
import { benchRendererBundle } from './bundle.bench';
import { benchDelegateDiff } from './delegate.bench';
import { benchDoctorAccuracy, benchDoctorCorpus, benchDoctorLargeInput } from './doctor.bench';
import { benchHistoryList } from './history.bench';
import { benchHistoryRender } from './history-render.bench';
import { benchHostileInputs } from './hostile.bench';
import { benchPolicy } from './policy.bench';
import { benchReports } from './report.bench';
import { benchCliStartup } from './startup.bench';
import { benchSweep } from './sweep.bench';

/** `npm run bench`: every benchmark reports a ratio; none asserts a wall-clock limit. */
const benches: Array<() => Promise<BenchResult | BenchResult[]>> = [
  benchHistoryList,
  benchHistoryRender,
  benchRendererBundle,
  benchDoctorAccuracy,
  benchDoctorCorpus,
  benchDoctorLargeInput,
  benchHostileInputs,
  benchDelegateDiff,
  benchPolicy,
  benchReports,
  benchSweep,
  benchCliStartup,
];

if (spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { stdio: 'ignore' }).status !== 0) {
  console.error('bench: the build failed; run `npm run build` to see why.');
  process.exit(2);
}
const results: BenchResult[] = [];
for (const bench of benches) results.push(...[await bench()].flat());
const width = Math.max(...results.map((r) => r.name.length));
for (const r of results) process.stdout.write(`${r.name.padEnd(width)}  ratio ${r.ratio.toFixed(2).padStart(6)}  ${r.detail}\n`);
