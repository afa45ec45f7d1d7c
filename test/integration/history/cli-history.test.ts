import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runResultSchema, type RunResult } from '../../../shared/aws-test/result';
import { runComparisonSchema } from '../../../shared/history/compare';
import { connectorTrendSchema } from '../../../shared/history/trend';
import { createServices } from '../../../electron/app/services';
import { buildWorld } from '../../aws-endpoint';
import { awbIn } from '../../helpers/awb';
import { sharedEndpoint } from '../../helpers/aws-endpoint';
import { tempDir } from '../../helpers/temp-dir';

const world = buildWorld();
const endpoint = sharedEndpoint({ beforeAll, afterAll }, world.config);
const dir = tempDir('awb-cli-history-');
afterAll(() => dir.remove());
const env = { AWS_EC2_METADATA_DISABLED: 'true' };

function connectorFile(name: string): string {
  const file = join(dir.path, `${name}.yaml`);
  const spec = `        accessKey: ${world.admin.accessKeyId}\n        secretKeyRef: account.${name}_sk\n`;
  writeFileSync(
    file,
    `connector:\n  name: ${name}\n  identifier: ${name}\n  type: Aws\n  spec:\n    credential:\n      type: ManualConfig\n      spec:\n${spec}      region: us-east-1\n    executeOnDelegate: false\n`,
  );
  return file;
}

/** `awb test` recording into `db`, with the right secret or a wrong one on standard input. */
async function test(db: string, name: string, secret: string, extra: string[] = []): Promise<RunResult> {
  const args = [
    'test',
    '--connector',
    connectorFile(name),
    '--endpoint-url',
    endpoint.url,
    '--secret-key-stdin',
    '--json',
    '--db',
    db,
    ...extra,
  ];
  const result = await awbIn({ args, input: `${secret}\n`, env });
  return runResultSchema.parse(JSON.parse(result.stdout));
}

const history = async (db: string, ...args: string[]) => awbIn({ args: ['history', ...args, '--db', db], env });
const json = async (db: string, ...args: string[]) => JSON.parse((await history(db, ...args, '--json')).stdout) as unknown;
const VERSIONS = { electron: '-', chrome: '-', node: process.versions.node, v8: process.versions.v8 };
const WRONG = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYwrongwrong1';

describe('awb history against runs recorded by awb test', () => {
  const db = join(dir.path, 'history.sqlite');
  let pass: RunResult;
  let fail: RunResult;

  beforeAll(async () => {
    pass = await test(db, 'hist_a', world.admin.secretAccessKey);
    fail = await test(db, 'hist_a', WRONG);
    await test(db, 'hist_b', world.admin.secretAccessKey);
  });

  it('a passing run, then the same connector with a wrong secret', () => {
    expect(pass.status).toBe('pass');
    expect(fail.status).toBe('fail');
  });

  it('show --json prints the document awb test --json printed; text shows classes, fixes and what was tested', async () => {
    expect(await json(db, 'show', fail.runId)).toEqual(fail);
    const text = (await history(db, 'show', fail.runId)).stdout;
    expect(text).toMatch(/secret_key_mismatch/);
    expect(text).toMatch(/Fix: /);
    expect(text).toMatch(/secretKeyRef: account\.hist_a_sk/);
    expect(text).not.toContain(WRONG);
  });

  it('show of an unknown id exits 2 with a clear message', async () => {
    const result = await history(db, 'show', 'no-such-run');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/There is no run with that id in history/);
    expect(result.stderr).toMatch(/fix: /);
  });

  it('compare names the break one way and the fix the other', async () => {
    const broke = runComparisonSchema.parse(await json(db, 'compare', pass.runId, fail.runId));
    expect(broke.summary.broke).toBeGreaterThan(0);
    expect(broke.headline).toMatch(/^1 broke: us-east-1 sts_get_caller_identity now secret_key_mismatch/);
    const fixed = runComparisonSchema.parse(await json(db, 'compare', fail.runId, pass.runId));
    expect(fixed).toMatchObject({ summary: { fixed: 1, broke: 0 }, a: { runId: fail.runId }, b: { runId: pass.runId } });
    expect(await json(db, 'compare', fail.runId, '--previous')).toMatchObject({ a: { runId: pass.runId }, b: { runId: fail.runId } });
    expect((await history(db, 'compare', pass.runId, fail.runId)).stdout).toMatch(/broke\s+sts_get_caller_identity/);
  });

  it('trend: pass then fail, oldest first, with where it broke', async () => {
    const trend = connectorTrendSchema.parse(await json(db, 'trend', '--connector', 'hist_a'));
    expect(trend.regions).toHaveLength(1);
    expect(trend.regions[0]!.points.map((p) => [p.runId, p.status, p.class])).toEqual([
      [pass.runId, 'pass', null],
      [fail.runId, 'fail', 'secret_key_mismatch'],
    ]);
    expect((await history(db, 'trend', '--connector', 'hist_a')).stdout).toMatch(/✓✗[\s\S]*broke \d{4}-\d\d-\d\d: secret_key_mismatch/);
  });

  it('every filter alone and combined', async () => {
    const ids = async (...args: string[]) => ((await json(db, 'list', ...args)) as { runs: Array<{ id: string }> }).runs.map((r) => r.id);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids('--connector', 'hist_a')).toEqual([fail.runId, pass.runId]);
    expect(await ids('--status', 'failed')).toEqual([fail.runId]);
    expect(await ids('--status', 'passed', '--connector', 'hist_a')).toEqual([pass.runId]);
    expect(await ids('--kind', 'sweep')).toEqual([]);
    expect(await ids('--class', 'secret_key_mismatch')).toEqual([fail.runId]);
    expect(await ids('--region', 'us-east-1', '--class', 'secret_key_mismatch', '--connector', 'hist_a')).toEqual([fail.runId]);
    expect(await ids('--region', 'eu-west-1')).toEqual([]);
    expect(await ids('--since', today, '--connector', 'hist_b')).toHaveLength(1);
    expect(await ids('--until', today)).toEqual([]);
    expect(await ids('--imported')).toEqual([]);
    expect(await ids('--local', '--connector', 'hist_a', '--sort', 'startedAt', '--order', 'asc')).toEqual([pass.runId, fail.runId]);
    expect((await history(db, 'list', '--status', 'bogus')).stderr).toMatch(/--status/);
    expect((await history(db, 'list', '--since', 'yesterday')).code).toBe(2);
  });

  it('delete one run; an unknown id among them exits 2', async () => {
    const extra = await test(db, 'hist_c', world.admin.secretAccessKey);
    expect((await history(db, 'delete', extra.runId)).stdout).toBe('Deleted 1 run.\n');
    expect((await history(db, 'show', extra.runId)).code).toBe(2);
    const unknown = await history(db, 'delete', 'no-such-run');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/1 of the 1 ids are not in history/);
  });
});

describe('awb history prune', () => {
  it('by age and by count, keeping imported runs', async () => {
    const db = join(dir.path, 'prune.sqlite');
    const runs = [];
    for (let i = 0; i < 4; i += 1) runs.push(await test(db, 'prune_a', world.admin.secretAccessKey));
    const sqlite = new Database(db);
    // Age two runs by moving their start back; mark one old run as imported, which prune must keep.
    sqlite.prepare("UPDATE runs SET started_at = '2020-01-01T00:00:00.000Z' WHERE id IN (?, ?)").run(runs[0]!.runId, runs[1]!.runId);
    sqlite.prepare('UPDATE runs SET imported = 1 WHERE id = ?').run(runs[1]!.runId);
    sqlite.close();
    expect(await json(db, 'prune', '--older-than', '30')).toEqual({ deleted: 1, kept: 3 });
    expect(await json(db, 'prune', '--keep', '1')).toEqual({ deleted: 1, kept: 2 });
    const left = ((await json(db, 'list')) as { runs: Array<{ id: string }> }).runs.map((r) => r.id).sort();
    expect(left).toEqual([runs[1]!.runId, runs[3]!.runId].sort());
    expect((await history(db, 'prune')).code).toBe(2);
  });
});

describe('retention', () => {
  it('the setting the window saves applies after each run awb records', async () => {
    const db = join(dir.path, 'retention.sqlite');
    for (let i = 0; i < 3; i += 1) await test(db, 'kept', world.admin.secretAccessKey);
    const services = createServices({ appName: 'awb', appVersion: '0', versions: VERSIONS, dataDir: dir.path, databasePath: db });
    services.history.setRetention({ maxAgeDays: null, keepPerConnector: 2 });
    services.close();
    const latest = await test(db, 'kept', world.admin.secretAccessKey);
    const runs = ((await json(db, 'list')) as { runs: Array<{ id: string }> }).runs;
    expect(runs).toHaveLength(2);
    expect(runs[0]!.id).toBe(latest.runId);
  });
});

describe('a shared database', () => {
  it('four awb processes recording at once: every run is there', async () => {
    const db = join(dir.path, 'shared.sqlite');
    const results = await Promise.all([0, 1, 2, 3].map((i) => test(db, `shared_${i}`, i % 2 === 0 ? world.admin.secretAccessKey : WRONG)));
    const listed = (await json(db, 'list')) as { runs: Array<{ id: string }>; total: number };
    expect(listed.total).toBe(4);
    expect(listed.runs.map((r) => r.id).sort()).toEqual(results.map((r) => r.runId).sort());
    expect(results.every((r) => r.recording?.status === 'recorded')).toBe(true);
  });
});
