import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runResultSchema } from '../../../shared/aws-test/result';
import { buildWorld } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { AWB, awb, connectorFile, holdDatabase, runChild, type AwbRun } from './helpers';

const world = buildWorld();
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-storage-');
afterAll(() => dir.remove());
const connector = connectorFile(dir.path, 'aws_storage', world.admin.accessKeyId);
// root ignores file modes, so read-only and full file systems are real mounts in a namespace of their own.
const canMount = spawnSync('unshare', ['-rm', 'true']).status === 0;
if (!canMount) console.warn('SKIPPED read-only and full disk cases: this machine cannot create a mount namespace (unshare -rm).');

type Disk = 'read-only' | 'full';

/**
 * `awb <args>` with `target` as a fresh file system holding copies of `files`: remounted read-only,
 * or filled to the last block. Each call mounts its own, so no run leaves anything behind.
 */
const quote = (text: string) => `'${text.replace(/'/g, "'\\''")}'`;

function awbOn(disk: Disk, target: string, files: readonly string[], args: readonly string[], input = ''): Promise<AwbRun> {
  mkdirSync(target, { recursive: true });
  const [t, copied] = [quote(target), files.map(quote).join(' ')];
  const prepare =
    disk === 'read-only'
      ? `mount -t tmpfs tmpfs ${t} && cp ${copied} ${t}/ && mount -o remount,ro ${t}`
      : `mount -t tmpfs -o size=1m tmpfs ${t} && cp ${copied} ${t}/ && { dd if=/dev/zero of=${t}/fill bs=4k 2>/dev/null || true; }`;
  const script = `${prepare} && exec ${quote(AWB[0])} ${quote(AWB[1])} "$@"`;
  return runChild('unshare', ['-rm', 'sh', '-c', script, 'sh', ...args], { input });
}

/** A history with one run recorded by `awb test`, closed cleanly (no -wal or -shm left). */
async function recordedHistory(name: string): Promise<{ file: string; runId: string }> {
  const file = join(dir.path, name, 'history.sqlite');
  mkdirSync(join(dir.path, name));
  const first = await testInto(file);
  expect(first.code, first.stderr).toBe(0);
  return { file, runId: runResultSchema.parse(JSON.parse(first.stdout)).runId };
}

function testInto(db: string, run: (args: string[], input: string) => Promise<AwbRun> = (args, input) => awb(args, { input })) {
  return run(
    ['test', '--connector', connector, '--endpoint-url', endpoint.url, '--secret-key-stdin', '--json', '--db', db],
    `${world.admin.secretAccessKey}\n`,
  );
}

/** The result was printed whole and says why it is not in history; stderr says so with the fix; the exit code is the run's own. */
function expectNotRecorded(result: AwbRun, errorClass: string, reason: RegExp): void {
  expect(result.code, result.stderr).toBe(0);
  const json = runResultSchema.parse(JSON.parse(result.stdout));
  expect(json).toMatchObject({ status: 'pass', recording: { status: 'not_recorded', error: { class: errorClass } } });
  expect(json.regions[0]?.identity?.arn).toBe(world.admin.arn);
  expect(result.stderr).toMatch(/^awb test: The run was not recorded\. /);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).toMatch(/fix: .*redirect it to a file to keep it/);
  expect(result.stderr).not.toMatch(/SqliteError|^\s+at /m);
}

describe.skipIf(!canMount)('a read-only data folder', () => {
  it('awb history list and awb info read the history there; awb test prints its result and says why it is not recorded', async () => {
    const { file, runId } = await recordedHistory('ro-source');
    const target = join(dir.path, 'ro');
    const copied = join(target, 'history.sqlite');

    const listed = await awbOn('read-only', target, [file], ['history', 'list', '--json', '--db', copied]);
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout).runs).toEqual([expect.objectContaining({ id: runId, status: 'passed' })]);

    const info = await awbOn('read-only', target, [file], ['info', '--data-dir', target]);
    expect(info.stdout).toMatch(/Database: +.*history\.sqlite \(schema \d+\)/);
    expect(info.stdout).toMatch(/Keychain:/);
    expect(info.code).toBe(2);
    expect(info.stderr).toMatch(/cannot be written[\s\S]*fix: .*--data-dir/);
    expect(info.stderr).not.toMatch(/SqliteError|^\s+at /m);

    expectNotRecorded(
      await testInto(copied, (args, input) => awbOn('read-only', target, [file], args, input)),
      'database_read_only',
      /cannot be written/,
    );
  });

  it('a copy taken while the app had it open (with its -wal and -shm) lists the run that is only in the WAL', async () => {
    const { file } = await recordedHistory('wal-source');
    const open = new Database(file);
    open.pragma('wal_autocheckpoint = 0');
    open
      .prepare("INSERT INTO runs (id, kind, started_at, status, app_version) VALUES ('only-in-wal', 'test', ?, 'failed', '1')")
      .run(new Date().toISOString());
    const copies = join(dir.path, 'wal-copy');
    mkdirSync(copies);
    for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${file}${suffix}`, join(copies, `history.sqlite${suffix}`));
    open.close();
    const target = join(dir.path, 'ro-wal');
    const files = ['', '-wal', '-shm'].map((suffix) => join(copies, `history.sqlite${suffix}`));
    const listed = await awbOn('read-only', target, files, ['history', 'list', '--json', '--db', join(target, 'history.sqlite')]);
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout).runs.map((r: { id: string }) => r.id)).toContain('only-in-wal');
  });
});

describe.skipIf(!canMount)('a full disk', () => {
  it('history is still read; awb test prints its result and says the disk is full; awb info says so too', async () => {
    const { file, runId } = await recordedHistory('full-source');
    const target = join(dir.path, 'full');
    const copied = join(target, 'history.sqlite');

    const listed = await awbOn('full', target, [file], ['history', 'list', '--json', '--db', copied]);
    expect(listed.stderr).toBe('');
    expect(JSON.parse(listed.stdout).runs).toEqual([expect.objectContaining({ id: runId })]);

    expectNotRecorded(await testInto(copied, (args, input) => awbOn('full', target, [file], args, input)), 'disk_full', /is full/);

    const info = await awbOn('full', target, [file], ['info', '--data-dir', target]);
    expect(info.stdout).toMatch(/Database:/);
    expect(info.code).toBe(2);
    expect(info.stderr).toMatch(/is full[\s\S]*fix: Free some space/);
  });
});

describe('a history another process holds', () => {
  it('held longer than SQLite would wait (6 s): awb test still prints its result and records it once the lock is let go', async () => {
    const { file } = await recordedHistory('held');
    // Exclusive locking mode shuts out even opening the file, as a second process mid-recovery would.
    const holder = await holdDatabase(file, 'exclusive');
    const released = new Promise<void>((resolve) => setTimeout(() => void holder.release().then(resolve), 6_000));
    const result = await testInto(file);
    await released;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const json = runResultSchema.parse(JSON.parse(result.stdout));
    expect(json.recording).toEqual({ status: 'recorded' });
    const listed = await awb(['history', 'list', '--json', '--db', file]);
    expect(JSON.parse(listed.stdout).runs).toContainEqual(expect.objectContaining({ id: json.runId, status: 'passed' }));
  });
});
