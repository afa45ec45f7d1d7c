import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorDocument } from '../../../shared/connector';
import type { RunProgress } from '../../../shared/aws-test/result';
import { createHandlers } from '../../../electron/app/handlers';
import { createRouter } from '../../../electron/app/ipc-router';
import { createTestContext, type TestContext } from '../../helpers/app-context';
import { checkRequirement, keychainRequirement } from '../../helpers/requirements';
import { buildWorld } from '../../aws-endpoint';
import { sharedEndpoint } from '../../helpers/aws-endpoint';

const available = checkRequirement('keychain', await keychainRequirement());
const world = buildWorld({ overrides: { faults: { 'eu-west-1': { latencyMs: 200 }, 'eu-west-2': { latencyMs: 200 } } } });
const sender = { url: 'app://workbench/index.html', isTopFrame: true };

function connector(identifier: string): ConnectorDocument {
  return {
    connector: {
      name: identifier,
      identifier,
      type: 'Aws',
      spec: {
        credential: {
          type: 'ManualConfig',
          spec: { accessKey: world.admin.accessKeyId, secretKeyRef: `${identifier}_sk` },
          region: 'us-east-1',
        },
        executeOnDelegate: false,
      },
    },
  };
}

describe.skipIf(!available)('test, sweep and cancel over IPC (real keychain, real SQLite)', () => {
  const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
  let t: TestContext;
  beforeEach(async () => {
    t = createTestContext();
    await t.ctx.connectors.save({ document: connector('aws_ipc'), secrets: [{ ref: 'aws_ipc_sk', value: world.admin.secretAccessKey }] });
  });
  afterEach(() => t.dispose());

  const router = () => createRouter(createHandlers(t.ctx), { isAppUrl: (url) => url.startsWith('app://workbench/') });

  it('test.run tests a saved connector with its keychain secret, streams progress and records the run', async () => {
    const events: RunProgress[] = [];
    const reply = await router().invoke(
      'test.run',
      { connectorIdentifier: 'aws_ipc', options: { endpointUrl: endpoint.url } },
      sender,
      (e) => events.push(e as RunProgress),
    );
    expect(reply).toMatchObject({
      ok: true,
      value: { kind: 'test', status: 'pass', connector: { identifier: 'aws_ipc', credentialType: 'ManualConfig' } },
    });
    expect(events.map((e) => e.region.checks.at(-1)?.name)).toContain('ec2_describe_regions');
    expect(JSON.stringify(reply)).not.toContain(world.admin.secretAccessKey);
    expect(t.ctx.history.list({ limit: 5 }).runs[0]).toMatchObject({ kind: 'test', status: 'passed', connectorIdentifier: 'aws_ipc' });
  });

  it('sweep.run can be cancelled with test.cancel by the run id the renderer chose', async () => {
    const r = router();
    const runId = randomUUID();
    let cancel: Promise<unknown> | undefined;
    const reply = await r.invoke(
      'sweep.run',
      {
        connectorIdentifier: 'aws_ipc',
        runId,
        options: { endpointUrl: endpoint.url },
        sweep: { regions: ['us-east-1', 'eu-west-1', 'eu-west-2'], concurrency: 1 },
      },
      sender,
      () => {
        cancel ??= r.invoke('test.cancel', { runId }, sender);
      },
    );
    expect(await cancel).toEqual({ ok: true, value: { runId, cancelled: true } });
    expect(reply).toMatchObject({ ok: true, value: { runId, kind: 'sweep', cancelled: true, status: 'fail' } });
    expect(t.ctx.history.list({ limit: 5 }).runs.find((run) => run.id === runId)?.status).toBe('cancelled');
  });

  it('refuses bad arguments and unknown connectors with error values', async () => {
    expect(await router().invoke('test.cancel', { runId: 'not-a-uuid' }, sender)).toMatchObject({
      ok: false,
      error: { class: 'invalid_argument' },
    });
    expect(await router().invoke('test.run', { connectorIdentifier: 'nope' }, sender)).toMatchObject({
      ok: false,
      error: { class: 'not_found' },
    });
    expect(
      await router().invoke('sweep.run', { connectorIdentifier: 'aws_ipc', sweep: { regions: ['xx-north-1'] } }, sender),
    ).toMatchObject({ ok: false, error: { class: 'invalid_input' } });
  });

  it('preflight.run checks the endpoints of the test region and returns the allowlist', async () => {
    const reply = await router().invoke(
      'preflight.run',
      { connectorIdentifier: 'aws_ipc', endpointUrl: endpoint.url, timeoutMs: 2000 },
      sender,
    );
    expect(reply).toMatchObject({ ok: true, value: { status: 'pass', allowlist: [`127.0.0.1:${endpoint.port}`] } });
  });
});
