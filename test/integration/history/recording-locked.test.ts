import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type AppServices } from '../../../electron/app/services';
import { AwsTestService } from '../../../electron/services/aws/test-service';
import { valueSecrets } from '../../../electron/services/aws/value-secrets';
import { openDatabase, WRITE_BUSY_TIMEOUT_MS } from '../../../electron/services/history/database';
import { HistoryService } from '../../../electron/services/history/history-service';
import { migrations } from '../../../electron/services/history/migrations';
import type { TestConnector } from '../../../shared/aws-test/input';
import { buildWorld } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { runTest } from '../../helpers/parsed-calls';
import { tempDir } from '../../helpers/temp-dir';
import { holdDatabase } from './helpers';

// us-east-1 never answers, so a run lasts until it is cancelled: the test decides when it finishes.
const world = buildWorld({ overrides: { faults: { 'us-east-1': { hang: true } } } });
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-locked-');
afterAll(() => dir.remove());

const connector: TestConnector = {
  identifier: 'aws_locked',
  credentialType: 'ManualConfig',
  manual: { accessKey: world.admin.accessKeyId, secretKeyRef: 'account.aws_secret', sessionTokenRef: undefined },
  testRegion: 'us-east-1',
  crossAccount: null,
};
const secrets = { 'account.aws_secret': world.admin.secretAccessKey };

const opened: AppServices[] = [];
afterEach(() => opened.splice(0).forEach((services) => services.close()));

function services(name: string): AppServices {
  const built = createServices({
    appName: 'AWS Connector Workbench',
    appVersion: '0.0.0-test',
    dataDir: join(dir.path, name),
    keychainService: 'awb-test-never-used',
    givenSecrets: secrets,
    versions: { electron: '-', chrome: '-', node: process.versions.node, v8: process.versions.v8 },
  });
  opened.push(built);
  return built;
}

/** The longest the event loop stood still while `work` ran, in ms, and what it returned. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  // The histogram measures between ticks of its own timer: one tick before the work starts the
  // measure, one after it ends records a stall at its very end.
  const tick = () => new Promise((resolve) => setTimeout(resolve, 30));
  try {
    await tick();
    const value = await work();
    await tick();
    return { value, stallMs: histogram.max / 1e6 };
  } finally {
    histogram.disable();
  }
}

/** A run started and waiting on the hung region, with its row already written as running (boxed: awaiting it settles only once cancelled). */
async function startHungRun(service: AwsTestService, runId: string, history: HistoryService) {
  const before = endpoint.requests.length;
  const run = runTest(service, connector, { endpointUrl: endpoint.url, timeoutMs: 60_000 }, undefined, { runId });
  await expect.poll(() => endpoint.requests.length).toBeGreaterThan(before);
  expect(history.list({ search: runId }).runs[0]?.status).toBe('running');
  return { run };
}

// SQLite's busy wait blocks the thread it runs on; a write may stall the loop for one short wait, never for the lock's duration.
const STALL_BOUND_MS = 3 * WRITE_BUSY_TIMEOUT_MS;

describe('a run that finishes while another process holds the history', () => {
  it('is returned and recorded once the lock is let go, without stalling the event loop', async () => {
    const app = services('released');
    const runId = '7a000000-0000-4000-8000-000000000001';
    const { run } = await startHungRun(app.tests, runId, app.history);

    const holder = await holdDatabase(app.paths.database, 'write');
    const heldFor = 1_500;
    let timerLateMs = 0;
    const { value: result, stallMs } = await longestStall(async () => {
      const startedWriting = performance.now();
      app.tests.cancel(runId);
      // A timer set while the write waits for the lock fires on time, not after the lock.
      const due = performance.now() + 50;
      const timer = new Promise<void>((resolve) => setTimeout(() => ((timerLateMs = performance.now() - due), resolve()), 50));
      setTimeout(() => void holder.release(), heldFor);
      const finished = await run;
      await timer;
      expect(performance.now() - startedWriting).toBeGreaterThanOrEqual(heldFor - 50);
      return finished;
    });

    expect(result).toMatchObject({ runId, cancelled: true, recording: { status: 'recorded' } });
    expect(stallMs).toBeLessThan(STALL_BOUND_MS);
    expect(timerLateMs).toBeLessThan(STALL_BOUND_MS);
    expect(app.history.list({ search: runId }).runs[0]).toMatchObject({
      id: runId,
      status: 'cancelled',
      connectorIdentifier: 'aws_locked',
    });
  });

  it('still locked after the retries: the complete result comes back saying why it is not recorded, and the fix', async () => {
    const file = join(dir.path, 'kept-locked.sqlite');
    const db = openDatabase(file, { migrations });
    const history = new HistoryService(db);
    const service = new AwsTestService({ secrets: valueSecrets(secrets), history, appVersion: '0.0.0-test', env: {}, recordRetryMs: 800 });
    const runId = '7a000000-0000-4000-8000-000000000002';
    const { run } = await startHungRun(service, runId, history);
    const holder = await holdDatabase(file, 'write');
    try {
      const { value: result, stallMs } = await longestStall(async () => {
        service.cancel(runId);
        return run;
      });
      expect(stallMs).toBeLessThan(STALL_BOUND_MS);
      expect(result.regions.map((r) => r.region)).toEqual(['us-east-1']);
      expect(result.recording).toEqual({
        status: 'not_recorded',
        error: {
          class: 'database_locked',
          message: expect.stringContaining(`${file} is locked by another program`),
          fix: expect.stringContaining('Close the other copy'),
        },
      });
    } finally {
      await holder.release();
    }
    // What was written at the start is still there: the run shows as running until this process ends.
    expect(history.list({ search: runId }).runs[0]?.status).toBe('running');
    db.close();
  });

  it('a history locked when the run starts: the run goes ahead and is recorded when it ends', async () => {
    const app = services('locked-at-start');
    app.history.list();
    const holder = await holdDatabase(app.paths.database, 'write');
    const runId = '7a000000-0000-4000-8000-000000000003';
    const before = endpoint.requests.length;
    const run = runTest(app.tests, connector, { endpointUrl: endpoint.url, timeoutMs: 60_000 }, undefined, { runId });
    await expect.poll(() => endpoint.requests.length).toBeGreaterThan(before);
    app.tests.cancel(runId);
    setTimeout(() => void holder.release(), 500);
    expect((await run).recording).toEqual({ status: 'recorded' });
    expect(app.history.list({ search: runId }).runs[0]?.status).toBe('cancelled');
  });
});
