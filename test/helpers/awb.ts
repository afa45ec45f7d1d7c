import { spawnSync } from 'node:child_process';

interface AwbResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real `awb` launcher under plain Node in a child process, as a user runs it. */
export function awb(...args: string[]): AwbResult {
  const result = spawnSync(process.execPath, ['electron/cli/awb.mjs', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
