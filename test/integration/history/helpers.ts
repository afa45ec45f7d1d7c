import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Holder {
  /** Ends the other process's transaction and waits until it has exited. */
  release(): Promise<void>;
}

/**
 * Another process holding the history database, as a second copy of the app would: `write` holds the
 * write lock (BEGIN EXCLUSIVE; readers of the WAL still get through), `exclusive` also shuts readers
 * and new connections out (exclusive locking mode). It lets go when told, or when this process ends.
 */
export async function holdDatabase(file: string, mode: 'write' | 'exclusive'): Promise<Holder> {
  const script = [
    "const D = require('better-sqlite3');",
    `const d = new D(${JSON.stringify(file)});`,
    mode === 'exclusive' ? "d.pragma('locking_mode = EXCLUSIVE');" : '',
    "d.exec('BEGIN EXCLUSIVE'); d.exec('CREATE TABLE IF NOT EXISTS hold (x)');",
    "console.log('held');",
    "process.stdin.on('end', () => { d.exec('ROLLBACK'); d.close(); process.exit(0); }); process.stdin.resume();",
  ].join('\n');
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`the lock holder exited (${code}) before holding the lock`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    release: async () => {
      child.stdin.end();
      await exited;
    },
  };
}

export interface AwbRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A command in a child process that leaves this event loop free (the loopback endpoint answers from
 * it): `awb` itself, or `awb` inside a shell script (a mount namespace). `started` gets the child.
 */
export function runChild(
  command: string,
  args: readonly string[],
  options: { input?: string; started?: (child: ReturnType<typeof spawn>) => void } = {},
): Promise<AwbRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(options.input ?? '');
    options.started?.(child);
  });
}

export const AWB = [process.execPath, 'electron/cli/awb.mjs'] as const;

export function awb(args: readonly string[], options: Parameters<typeof runChild>[2] = {}): Promise<AwbRun> {
  return runChild(AWB[0], [AWB[1], ...args], options);
}

/** A ManualConfig connector file whose secret key is given on standard input (`--secret-key-stdin`). */
export function connectorFile(dir: string, name: string, accessKey: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    [
      'connector:',
      `  name: ${name}`,
      `  identifier: ${name}`,
      '  type: Aws',
      '  spec:',
      '    credential:',
      '      type: ManualConfig',
      '      spec:',
      `        accessKey: ${accessKey}`,
      `        secretKeyRef: account.${name}_sk`,
      '      region: us-east-1',
      '    executeOnDelegate: false',
      '',
    ].join('\n'),
  );
  return file;
}
