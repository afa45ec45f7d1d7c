import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runResultSchema } from '../../../shared/aws-test/result';
import { buildWorld } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { awb, connectorFile, type AwbRun } from './helpers';

// ap-south-1 never answers: the sweep is under way until something stops it.
const world = buildWorld({ overrides: { faults: { 'ap-south-1': { hang: true } } } });
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-signals-');
afterAll(() => dir.remove());
const connector = connectorFile(dir.path, 'aws_signals', world.admin.accessKeyId);

/** From request `from` on: the hung region is waited on and us-east-1 has answered its last step. */
const midway = (from: number) => {
  const since = endpoint.requests.slice(from);
  const hanging = since.some((r) => r.region === 'ap-south-1' && r.status === 0);
  return hanging && since.some((r) => r.region === 'us-east-1' && r.action === 'DescribeRegions' && r.status === 200);
};

/** `awb sweep` into `db`, stopped with `signal` once it waits on the hung region; `whileRunning` looks at it first. */
async function sweepStoppedBy(signal: NodeJS.Signals, db: string, whileRunning?: () => Promise<void>): Promise<AwbRun> {
  const before = endpoint.requests.length;
  let stop: () => void = () => undefined;
  const run = awb(
    [
      'sweep',
      ...['--connector', connector, '--endpoint-url', endpoint.url, '--secret-key-stdin'],
      ...['--regions', 'us-east-1,ap-south-1', '--timeout-ms', '60000', '--json', '--db', db],
    ],
    { input: `${world.admin.secretAccessKey}\n`, started: (child) => (stop = () => child.kill(signal)) },
  );
  await expect.poll(() => midway(before), { timeout: 20_000 }).toBe(true);
  await whileRunning?.();
  stop();
  return run;
}

async function historyOf(db: string): Promise<Array<{ id: string; status: string; kind: string }>> {
  const listed = await awb(['history', 'list', '--json', '--db', db]);
  expect(listed.stderr).toBe('');
  return JSON.parse(listed.stdout).runs;
}

describe('awb sweep stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGHUP'] as const)(
    '%s cancels the sweep like Ctrl-C: the partial run is printed and recorded as cancelled',
    async (signal) => {
      const db = join(dir.path, `${signal}.sqlite`);
      const stopped = await sweepStoppedBy(signal, db);
      expect(stopped.signal).toBeNull();
      expect(stopped.code).toBe(1);
      const result = runResultSchema.parse(JSON.parse(stopped.stdout));
      expect(result).toMatchObject({ kind: 'sweep', cancelled: true, recording: { status: 'recorded' } });
      expect(result.regions.find((r) => r.region === 'us-east-1')?.status).toBe('pass');
      expect(await historyOf(db)).toEqual([expect.objectContaining({ id: result.runId, kind: 'sweep', status: 'cancelled' })]);
    },
  );

  it('SIGKILL cannot be handled: the run written as running at its start shows as interrupted once its process is gone', async () => {
    const db = join(dir.path, 'killed.sqlite');
    let whileAlive: Array<{ status: string }> = [];
    const killed = await sweepStoppedBy('SIGKILL', db, async () => {
      whileAlive = await historyOf(db);
    });
    expect(killed.signal).toBe('SIGKILL');
    // While its process lived, the run was running, not taken for abandoned.
    expect(whileAlive).toEqual([expect.objectContaining({ kind: 'sweep', status: 'running' })]);
    expect(await historyOf(db)).toEqual([expect.objectContaining({ kind: 'sweep', status: 'interrupted' })]);
  });
});
