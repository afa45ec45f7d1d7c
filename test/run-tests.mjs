// `npm test`: typecheck, lint and build must pass first; then the Vitest and Playwright suites both run,
// even when the first fails, so one run reports every failure. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (script) => spawnSync(npm, ['run', '-s', script], { stdio: 'inherit', shell: process.platform === 'win32' }).status === 0;

for (const gate of ['typecheck', 'lint', 'build']) {
  if (!run(gate)) {
    console.error(`npm test: "${gate}" failed; the test suites did not run.`);
    process.exit(1);
  }
}
const unit = run('test:unit');
const e2e = run('test:e2e');
process.exit(unit && e2e ? 0 : 1);
