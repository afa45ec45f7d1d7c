import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regionsOfPartition } from '../../../shared/regions';
import { AwsTestService } from '../../../electron/services/aws/test-service';
import { openDatabase } from '../../../electron/services/history/database';
import { HistoryService } from '../../../electron/services/history/history-service';
import { migrations } from '../../../electron/services/history/migrations';
import { buildWorld } from '../../aws-endpoint';
import { sharedEndpoint, withEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';
import { runTest } from '../../helpers/parsed-calls';
import { manualConnector, secretsOf } from './helpers';

const world = buildWorld({
  overrides: { faults: Object.fromEntries(regionsOfPartition('aws').map((r, i) => [r.code, i < 3 ? {} : { latencyMs: 300 }])) },
});
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-record-');
const db = openDatabase(join(dir.path, 'history.sqlite'), { migrations });
const history = new HistoryService(db);
const service = new AwsTestService({ secrets: secretsOf(world.admin), history, appVersion: '9.9.9', env: {} });

afterAll(() => {
  db.close();
  dir.remove();
});

describe('recording runs in history', () => {
  it('refuses a run id that is already in history before testing anything, keeping the recorded run', async () => {
    const first = await runTest(service, manualConnector(world.admin), { endpointUrl: endpoint.url }, undefined);
    const before = endpoint.requests.length;
    await expect(
      runTest(service, manualConnector(world.admin), { endpointUrl: endpoint.url }, undefined, { runId: first.runId }),
    ).rejects.toMatchObject({
      value: { class: 'invalid_argument', message: expect.stringContaining('already in history') },
    });
    expect(endpoint.requests.length).toBe(before);
    expect(history.list({ limit: 1000 }).runs.filter((run) => run.id === first.runId)).toHaveLength(1);
  });

  it('records a passed test with its checks, identity and a connector snapshot without the secret', async () => {
    const result = await runTest(service, manualConnector(world.admin), { endpointUrl: endpoint.url }, undefined);
    expect(history.list({ limit: 10 }).runs[0]).toMatchObject({
      id: result.runId,
      kind: 'test',
      status: 'passed',
      connectorIdentifier: 'aws_test',
    });
    const detail = db.prepare('SELECT * FROM run_details WHERE run_id = ?').get(result.runId) as Record<string, string>;
    expect(detail.identity_arn).toBe(world.admin.arn);
    expect(JSON.parse(detail.connector_snapshot ?? 'null')).toMatchObject({
      credentialType: 'ManualConfig',
      manual: { secretKeyRef: 'account.aws_secret' },
    });
    const checks = db
      .prepare('SELECT name, status, request_id FROM run_checks WHERE run_id = ? ORDER BY position')
      .all(result.runId) as Array<Record<string, string>>;
    expect(checks.map((c) => [c.name, c.status])).toEqual([
      ['resolve_credentials', 'pass'],
      ['sts_get_caller_identity', 'pass'],
      ['sts_assume_role', 'skipped'],
      ['ec2_describe_regions', 'pass'],
    ]);
    expect(checks[1]?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect((db.prepare('SELECT app_version FROM runs WHERE id = ?').get(result.runId) as { app_version: string }).app_version).toBe(
      '9.9.9',
    );
  });

  it('records the proxy a run went through by scheme, host and port, never its user:password', async () => {
    const env = { HTTP_PROXY: 'http://corp-user:proxy-Pa55word@127.0.0.1:1', NO_PROXY: 'internal.example' };
    const proxied = new AwsTestService({ secrets: secretsOf(world.admin), history, appVersion: '9.9.9', env });
    const through = await runTest(proxied, manualConnector(world.admin), { endpointUrl: endpoint.url }, undefined);
    const direct = await runTest(service, manualConnector(world.admin), { endpointUrl: endpoint.url }, undefined);
    const optionsOf = (runId: string) =>
      (db.prepare('SELECT options FROM run_details WHERE run_id = ?').get(runId) as { options: string }).options;
    expect(through.status).toBe('fail');
    expect(JSON.parse(optionsOf(through.runId))).toMatchObject({ proxy: 'http://127.0.0.1:1' });
    expect(optionsOf(through.runId)).not.toContain('Pa55word');
    expect(optionsOf(through.runId)).not.toContain('corp-user');
    expect(JSON.parse(optionsOf(direct.runId))).toMatchObject({ proxy: null });
  });

  it('records a sweep cancelled midway, with the finished regions and the cancelled ones', async () => {
    const runId = '6f1c2a4e-0000-4000-8000-000000000001';
    const result = await runTest(
      service,
      manualConnector(world.admin),
      { endpointUrl: endpoint.url },
      { regions: 'commercial', concurrency: 3 },
      {
        runId,
        onProgress: (event) => event.completed >= 3 && service.cancel(runId),
      },
    );
    expect(result.cancelled).toBe(true);
    expect(history.list({ limit: 10 }).runs.find((r) => r.id === runId)?.status).toBe('cancelled');
    const regions = db.prepare('SELECT status, count(*) AS n FROM run_regions WHERE run_id = ? GROUP BY status').all(runId) as Array<{
      status: string;
      n: number;
    }>;
    expect(regions.find((r) => r.status === 'pass')?.n).toBeGreaterThanOrEqual(3);
    expect(regions.reduce((sum, r) => sum + r.n, 0)).toBe(regionsOfPartition('aws').length);
    const cancelled = db.prepare("SELECT count(*) AS n FROM run_checks WHERE run_id = ? AND error_class = 'cancelled'").get(runId) as {
      n: number;
    };
    expect(cancelled.n).toBeGreaterThan(0);
    expect(service.cancel(runId)).toBe(false);
  });

  it('cancelAll stops every running run and resolves once each is recorded (the app quitting)', async () => {
    const hung = buildWorld({ overrides: { faults: { 'us-east-1': { hang: true }, 'us-west-2': { hang: true } } } });
    await withEndpoint(hung.config, async (server) => {
      const local = new AwsTestService({ secrets: secretsOf(hung.admin), history, appVersion: '9.9.9', env: {} });
      const connector = manualConnector(hung.admin);
      const runs = [
        runTest(local, connector, { endpointUrl: server.url, timeoutMs: 60_000 }, undefined),
        runTest(local, connector, { endpointUrl: server.url, timeoutMs: 60_000 }, { regions: ['us-west-2'], concurrency: 1 }),
      ];
      await expect.poll(() => server.requests.length).toBeGreaterThanOrEqual(2);
      expect(local.active).toBe(2);
      await local.cancelAll();
      expect(local.active).toBe(0);
      for (const result of await Promise.all(runs)) {
        expect(result.cancelled).toBe(true);
        expect(history.list({ limit: 100 }).runs.find((r) => r.id === result.runId)?.status).toBe('cancelled');
      }
    });
  });

  it('records a timed-out run as timeout', async () => {
    const hung = buildWorld({ overrides: { faults: { 'us-east-1': { hang: true } } } });
    await withEndpoint(hung.config, async (server) => {
      const local = new AwsTestService({ secrets: secretsOf(hung.admin), history, appVersion: '9.9.9', env: {} });
      const result = await runTest(local, manualConnector(hung.admin), { endpointUrl: server.url, timeoutMs: 300 }, undefined);
      expect(history.list({ limit: 50 }).runs.find((r) => r.id === result.runId)?.status).toBe('timeout');
    });
  });

  it('never writes the secret key to the database file or its WAL', () => {
    db.pragma('wal_checkpoint(PASSIVE)');
    for (const file of readdirSync(dir.path)) {
      const bytes = readFileSync(join(dir.path, file));
      expect(bytes.includes(Buffer.from(world.admin.secretAccessKey)), file).toBe(false);
    }
  });
});
