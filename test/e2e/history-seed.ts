import { randomUUID } from 'node:crypto';
import type { TestConnector } from '../../shared/aws-test/input';
import type { RunResult } from '../../shared/aws-test/result';
import { withHistoryFile } from '../helpers/history-file';
import { buildWorld, startAwsEndpoint, type AwsEndpoint, type World } from '../aws-endpoint';
import type { AppFixture } from './harness';
import { saveManualConnector } from './seed';

/**
 * History with a story, for the History specs: a connector swept over three regions twice a day for a
 * week; it passed, then an SCP denied eu-west-1 on day 5, then a rotated secret broke every region on
 * day 7 before it was put back, and it passes today.
 *
 * The runs are real: sweeps through the same router the window calls, against the loopback endpoint,
 * with the right secret, a wrong one, and an SCP that denies a region. A test cannot wait a week, and
 * the endpoint has one clock for every run, so each real result is then recorded again through
 * HistoryService.record under a new id at a chosen start time (durations varied a little); only those
 * copies stay. The days are relative to now, so "the last 7 days" always holds them.
 */

export const CONNECTOR = { name: 'AWS Prod', identifier: 'aws_prod' } as const;
export const OTHER_CONNECTOR = { name: 'AWS Staging', identifier: 'aws_staging' } as const;
export const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;
export const SECRET_REF = `${CONNECTOR.identifier}_sk`;

/** Each region answers after its own delay, so the trend lines sit at different heights. */
export const historyWorld: World = buildWorld({
  overrides: { faults: { 'us-east-1': { latencyMs: 40 }, 'eu-west-1': { latencyMs: 110 }, 'ap-southeast-2': { latencyMs: 240 } } },
});

type Template = 'pass' | 'deny' | 'badSecret';

/** Day 0 is a week ago; two runs a day, at 09:00 and 15:00 local time; the last (no hour) ten minutes ago. */
const PLAN: ReadonlyArray<readonly [day: number, hour: number | null, template: Template]> = [
  [0, 9, 'pass'],
  [0, 15, 'pass'],
  [1, 9, 'pass'],
  [1, 15, 'pass'],
  [2, 9, 'pass'],
  [2, 15, 'pass'],
  [3, 9, 'pass'],
  [3, 15, 'pass'],
  [4, 9, 'deny'],
  [4, 15, 'deny'],
  [5, 9, 'pass'],
  [5, 15, 'pass'],
  [6, 9, 'badSecret'],
  [6, 15, 'pass'],
  [7, null, 'pass'],
];

export interface SeededHistory {
  /** Run ids in time order, oldest first, with the template each copies. */
  readonly runs: ReadonlyArray<{ readonly id: string; readonly startedAt: string; readonly template: Template }>;
  /** The one run marked as imported from a customer's report. */
  readonly importedId: string;
  /** When the SCP first denied eu-west-1. */
  readonly deniedAt: string;
}

const sender = (app: AppFixture) => ({ url: `${app.origin}/index.html`, isTopFrame: true });

/** A sweep of the connector over REGIONS, as the Test view starts it. */
async function sweep(app: AppFixture, endpointUrl: string): Promise<RunResult> {
  const reply = await app.router.invoke(
    'sweep.run',
    { connectorIdentifier: CONNECTOR.identifier, options: { endpointUrl }, sweep: { regions: [...REGIONS], concurrency: 3 } },
    sender(app),
  );
  if (!reply.ok) throw new Error(`seed sweep failed: ${reply.error.message}`);
  return reply.value;
}

/** A recorded run again, under a new id and start time, each duration scaled. */
function recordCopy(app: AppFixture, template: RunResult, startedAt: Date, scale: number): string {
  const history = app.context.ctx.history;
  const detail = history.show(template.runId);
  if (!detail) throw new Error(`seed: run ${template.runId} is not in history`);
  const runId = randomUUID();
  const result: RunResult = {
    ...template,
    runId,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(template.durationMs * scale),
    regions: template.regions.map((region) => ({
      ...region,
      checks: region.checks.map((check) => ({ ...check, durationMs: Math.round(check.durationMs * scale) })),
    })),
  };
  history.record({
    result,
    connector: detail.connector as unknown as TestConnector,
    options: detail.options,
    appVersion: detail.appVersion,
  });
  return runId;
}

function dayAt(daysAgo: number, hour: number): Date {
  const at = new Date();
  at.setDate(at.getDate() - daysAgo);
  at.setHours(hour, 0, 0, 0);
  return at;
}

/** Saves the connectors, makes the real runs, records the week of copies and removes the originals. */
export async function seedHistory(app: AppFixture, endpoint: AwsEndpoint): Promise<SeededHistory> {
  const { ctx } = app.context;
  await saveManualConnector(app, CONNECTOR, historyWorld.admin);
  await saveManualConnector(app, OTHER_CONNECTOR, historyWorld.admin);

  const pass = await sweep(app, endpoint.url);
  // The same account behind an organization SCP that denies eu-west-1.
  const denying = await startAwsEndpoint({
    ...historyWorld.config,
    accounts: historyWorld.config.accounts.map((account, i) => (i === 0 ? { ...account, scpDeniedRegions: ['eu-west-1'] } : account)),
  });
  const deny = await sweep(app, denying.url).finally(() => denying.close());
  // A wrong secret in the keychain (a rotated key pasted wrong), then put right.
  await ctx.secrets.set(SECRET_REF, `${historyWorld.admin.secretAccessKey.slice(0, -4)}XXXX`);
  const badSecret = await sweep(app, endpoint.url);
  await ctx.secrets.set(SECRET_REF, historyWorld.admin.secretAccessKey);
  const templates: Record<Template, RunResult> = { pass, deny, badSecret };

  const runs = PLAN.map(([day, hour, template], i) => {
    const startedAt = hour === null ? new Date(Date.now() - 10 * 60_000) : dayAt(7 - day, hour);
    const scale = 0.8 + ((i * 37) % 50) / 100;
    return { id: recordCopy(app, templates[template], startedAt, scale), startedAt: startedAt.toISOString(), template };
  });
  ctx.history.delete(Object.values(templates).map((result) => result.runId));

  // A staging connector's single-region tests, so the list has more than one connector.
  const staging = await app.router.invoke(
    'test.run',
    { connectorIdentifier: OTHER_CONNECTOR.identifier, options: { endpointUrl: endpoint.url } },
    sender(app),
  );
  if (!staging.ok) throw new Error(`seed test failed: ${staging.error.message}`);
  for (const daysAgo of [6, 3, 1]) recordCopy(app, staging.value, dayAt(daysAgo, 11), 1);
  ctx.history.delete([staging.value.runId]);

  // Imported runs come from a customer's report; marking one by hand stands in for the import.
  const importedId = runs[2]!.id;
  withHistoryFile(ctx.paths.database, (db) =>
    db
      .prepare("UPDATE runs SET imported = 1, import_source = 'customer-report.json', imported_at = ? WHERE id = ?")
      .run(new Date().toISOString(), importedId),
  );
  const deniedAt = runs.find((run) => run.template === 'deny')!.startedAt;
  return { runs, importedId, deniedAt };
}
