import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command } from '../../../electron/cli/command';
import { main } from '../../../electron/cli/main';
import { awb, awbIn } from '../../helpers/awb';
import { tempDir } from '../../helpers/temp-dir';

const dir = tempDir('awb-bad-input-');
afterAll(() => dir.remove());

function file(name: string, text: string): string {
  const path = join(dir.path, name);
  writeFileSync(path, text);
  return path;
}

const policy = file('policy.json', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
const connectorYaml = (type: string, spec: string) =>
  `connector:\n  name: c\n  identifier: c\n  type: Aws\n  spec:\n    credential:\n      type: ${type}\n      spec:\n${spec}      region: us-east-1\n    executeOnDelegate: true\n`;
const manual = file(
  'manual.yaml',
  connectorYaml('ManualConfig', '        accessKey: AKIAIOSFODNN7EXAMPLE\n        secretKeyRef: aws_sk\n'),
);
const oidc = file('oidc.yaml', connectorYaml('OidcAuthentication', '        iamRoleArn: arn:aws:iam::123456789012:role/harness\n'));
const deep = file(
  'deep.yaml',
  connectorYaml('InheritFromDelegate', '').replace('executeOnDelegate: true', `extra: ${'{a: '.repeat(5000)}x${'}'.repeat(5000)}`),
);
const missing = join(dir.path, 'no-such-file.json');
const folder = join(dir.path, 'a-folder');
mkdirSync(folder);
const db = join(dir.path, 'history.sqlite');

/** Each row: the arguments, and what the one message must say. */
const CASES: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
  ['unknown flag', ['info', '--frob'], /Unknown option '--frob'/],
  ['unknown flag of a sub-command', ['history', 'list', '--frob'], /Unknown option '--frob'/],
  ['unknown sub-command', ['connector', 'frob'], /unknown sub-command "frob"/],
  ['missing required flag', ['test'], /--connector is required/],
  ['missing required flag', ['policy'], /--identity <file> is required/],
  ['missing required flag', ['delegate', 'irsa', '--in', manual], /--service-account is required/],
  ['missing input', ['doctor'], /give at least one file/],
  ['out-of-range number', ['history', 'list', '--limit', '0', '--db', db], /--limit: Too small/],
  ['not a number', ['history', 'list', '--limit', 'ten', '--db', db], /--limit: Invalid input: expected number/],
  ['out-of-range number', ['test', '--connector', manual, '--timeout-ms', '5', '--no-history'], /--timeout-ms: Too small/],
  ['out-of-range number', ['sweep', '--connector', manual, '--concurrency', '999', '--no-history'], /--concurrency: Too big/],
  ['too long a value', ['policy', '--identity', policy, '--region', 'r'.repeat(42)], /--region: Too big/],
  ['not a region', ['test', '--connector', manual, '--region', 'moon-1', '--no-history'], /--region: A region looks like us-east-1/],
  ['not a region list', ['sweep', '--connector', manual, '--regions', 'us-east-1,nowhere', '--no-history'], /--regions/],
  ['not a URL', ['test', '--connector', manual, '--endpoint-url', 'nope', '--no-history'], /--endpoint-url: The endpoint URL must be/],
  ['unknown use case', ['policy', '--identity', policy, '--use-case', 'frob'], /--use-case: Invalid option/],
  ['unreadable file', ['doctor', missing], /does not exist/],
  ['unreadable file', ['policy', '--identity', missing], /does not exist/],
  ['unreadable file', ['test', '--connector', missing, '--no-history'], /does not exist/],
  [
    'unreadable file',
    ['delegate', 'irsa', '--in', missing, '--service-account', 'sa', '--role-arn', 'arn:aws:iam::1:role/r'],
    /does not exist/,
  ],
  ['a folder', ['doctor', folder], /is a folder/],
  ['file of the wrong kind', ['test', '--connector', policy, '--no-history'], /the connector is not valid/],
  ['excluding flags', ['test', '--connector', manual, '--db', db, '--no-history'], /--db and --no-history exclude each other/],
  ['a connector nested 5,000 deep', ['test', '--connector', deep, '--no-history'], /nests more than 64 levels/],
  ['OIDC connector without a token', ['test', '--connector', oidc, '--no-history'], /OIDC connectors authenticate with a token/],
];

function expectOneClearMessage(result: { code: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/fix: |Usage:/);
  expect(result.stderr).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(result.stderr).not.toMatch(/ZodError|SqliteError|AppError|node:internal/);
}

describe('awb refuses bad usage and bad input with exit 2, one clear message and its fix, never a stack trace', () => {
  it.each(CASES)('%s: awb %j', (_label, args, message) => expectOneClearMessage(awb(...args), message));

  it('a database another process holds exclusively: database_locked, after the bounded wait', async () => {
    const locked = join(dir.path, 'locked.sqlite');
    expect(awb('history', 'list', '--db', locked).code).toBe(0);
    // A second process, as the app would be: an exclusive lock that no reader can get past.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D=require('better-sqlite3');const d=new D(${JSON.stringify(locked)});d.pragma('locking_mode=EXCLUSIVE');` +
          `d.exec('BEGIN EXCLUSIVE');d.exec('CREATE TABLE IF NOT EXISTS hold(x)');console.log('held');setTimeout(()=>{},60000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const result = await awbIn({ args: ['history', 'list', '--db', locked] });
      expectOneClearMessage(result, /is locked by another program/);
    } finally {
      holder.kill();
    }
  });

  it('a read-only data folder: database_read_only with the fix', () => {
    const readOnly = join(dir.path, 'read-only');
    mkdirSync(readOnly);
    // root ignores file modes, so a real read-only file system is mounted in a namespace of its own.
    const unshare = spawnSync('unshare', ['-rm', 'true']);
    if (unshare.status !== 0) {
      console.warn('SKIPPED read-only data folder case: this machine cannot create a mount namespace (unshare -rm).');
      return;
    }
    const script = `mount -t tmpfs -o ro tmpfs ${JSON.stringify(readOnly)} && exec ${JSON.stringify(process.execPath)} electron/cli/awb.mjs info --data-dir ${JSON.stringify(readOnly)}`;
    const result = spawnSync('unshare', ['-rm', 'sh', '-c', script], { encoding: 'utf8' });
    expectOneClearMessage({ code: result.status, stdout: result.stdout, stderr: result.stderr }, /cannot be written/);
    expect(result.stderr).toMatch(/--data-dir/);
  });

  it('a connector nested 5,000 deep is reported as not valid by awb connector validate, exit 1, no stack trace', () => {
    const result = awb('connector', 'validate', deep);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/nests more than 64 levels/);
    expect(result.stderr + result.stdout).not.toMatch(/Maximum call stack|^\s+at /m);
  });

  it('a history file that is a folder is named as such', () => {
    expectOneClearMessage(awb('history', 'list', '--db', folder), /is a folder, not a SQLite file/);
  });

  it('an unexpected failure prints one redacted line and the AWB_DEBUG hint; AWB_DEBUG=1 alone shows the stack', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const failing: Command = {
      name: 'boom',
      summary: 'fails',
      usage: 'Usage: awb boom',
      run: async () => {
        throw new TypeError(`cannot read ${secret}\nsecond line`);
      },
    };
    const run = async (env: NodeJS.ProcessEnv) => {
      let stderr = '';
      const code = await main(['boom'], { stdout: () => undefined, stderr: (text) => (stderr += text) }, [failing], env);
      return { code, stderr };
    };
    const plain = await run({});
    expect(plain.code).toBe(2);
    expect(plain.stderr.trim().split('\n')).toHaveLength(2);
    expect(plain.stderr).toMatch(/unexpected error: TypeError: cannot read/);
    expect(plain.stderr).toMatch(/AWB_DEBUG=1/);
    expect(plain.stderr).not.toContain(secret);
    expect(plain.stderr).not.toMatch(/^\s+at /m);
    const debug = await run({ AWB_DEBUG: '1' });
    expect(debug.stderr).toMatch(/^\s+at /m);
    expect(debug.stderr).not.toContain(secret);
  });

  it('a locked database is still opened for a reader in the same WAL without waiting', () => {
    const shared = join(dir.path, 'shared.sqlite');
    expect(awb('history', 'list', '--db', shared).code).toBe(0);
    const writer = new Database(shared);
    writer.exec('BEGIN IMMEDIATE');
    try {
      expect(awb('history', 'list', '--db', shared).code).toBe(0);
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});
