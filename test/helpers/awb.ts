import { spawn, spawnSync } from 'node:child_process';

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

/**
 * The launcher as a child process that does not block the test's own event loop, so the test can
 * hold a lock or serve requests while `awb` runs; optionally fed standard input and extra environment.
 */
export function awbIn(options: { args: readonly string[]; input?: string; env?: NodeJS.ProcessEnv }): Promise<AwbResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['electron/cli/awb.mjs', ...options.args], { env: { ...process.env, ...options.env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
