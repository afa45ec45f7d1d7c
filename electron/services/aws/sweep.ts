import { newRunId } from '../../../shared/run-id';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { TestConnector } from '../../../shared/aws-test/input';
import type { CheckResult, Finding, Identity, RegionResult, RunProgress, RunResult } from '../../../shared/aws-test/result';
import { PARTITIONS, findRegion, partitionOfArn, partitionOfRegion, type PartitionId } from '../../../shared/regions';
import type { SecretStore } from '../secrets/secret-store';
import type { ClientSettings } from './clients';
import { fixFor, isAuthRejection } from './classify';
import { resolveBaseCredentials, type ResolveOptions } from './credentials';
import type { EndpointResolver } from './endpoints';
import { buildFindings, partitionSkipFinding } from './findings';
import type { Env } from './http';
import { probeIdentity, reportedRegions } from './probe';
import { checkRegion, regionStatus } from './region-check';
import { homePartition } from './sweep-plan';
import { runStep, skippedCheck, type StepRuntime } from './step';
import { webIdentityFailureContext } from './web-identity';

export interface AwsTestDeps {
  readonly secrets: Pick<SecretStore, 'get'>;
  readonly endpoints: EndpointResolver;
  readonly env: Env;
  readonly clock?: () => Date;
  readonly monotonic?: () => number;
}

export interface RunRequest {
  readonly kind: 'test' | 'sweep';
  readonly connector: TestConnector;
  /** `reported`: ask ec2:DescribeRegions in the Test Region which regions the account has enabled. */
  readonly regions: readonly string[] | 'reported';
  readonly concurrency: number;
  readonly timeoutMs: number;
  /** Budget of one region across all its steps. */
  readonly regionTimeoutMs: number;
  readonly resolve: ResolveOptions;
  readonly runId?: string;
}

export interface RunHooks {
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((event: RunProgress) => void) | undefined;
}

const LATER_CHECKS = ['sts_get_caller_identity', 'sts_assume_role', 'ec2_describe_regions'] as const;

function regionOnly(region: string, checks: CheckResult[]): RegionResult {
  return { region, partition: partitionOfRegion(region) ?? 'unknown', status: regionStatus(checks), identity: null, checks };
}

/** Runs `work` over `items` with at most `limit` in flight; items not started before cancel are left out. */
async function pool<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal | undefined,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !signal?.aborted) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Failures AWS words as "unknown key" are re-read once the key is known to work elsewhere. */
function reclassify(
  results: Map<string, RegionResult>,
  regions: readonly string[],
  to: 'region_not_enabled' | 'partition_mismatch',
  applies: (region: string) => boolean,
): void {
  for (const region of regions) {
    const result = results.get(region);
    if (!result || !applies(region)) continue;
    const checks = result.checks.map((check) =>
      check.error && check.status === 'fail' && isAuthRejection(check.error.code)
        ? { ...check, error: { ...check.error, class: to, fix: fixFor(to, { region, step: check.name }) } }
        : check,
    );
    results.set(region, { ...result, checks });
  }
}

/**
 * The connection test over a list of regions (one region for a plain test). Credentials are resolved
 * once; the regions of the home partition are tested with bounded concurrency; then the evidence
 * decides about the rest: regions of another partition are tested only when the credentials turn out
 * to belong there, and are otherwise reported once as a finding.
 */
export async function runChecks(request: RunRequest, deps: AwsTestDeps, hooks: RunHooks = {}): Promise<RunResult> {
  const clock = deps.clock ?? (() => new Date());
  const monotonic = deps.monotonic ?? (() => performance.now());
  const runId = request.runId ?? newRunId();
  const startedAt = clock();
  const t0 = monotonic();
  const { connector } = request;
  let regions: readonly string[] = request.regions === 'reported' ? [connector.testRegion] : request.regions;
  const settings: ClientSettings = { endpoints: deps.endpoints, env: deps.env, timeoutMs: request.timeoutMs };
  const runtime: StepRuntime = { timeoutMs: request.timeoutMs, signal: hooks.signal, monotonic };
  const results = new Map<string, RegionResult>();
  const extra: Finding[] = [];
  let completed = 0;
  const update = (result: RegionResult, done = false) => {
    results.set(result.region, result);
    if (done) completed += 1;
    hooks.onProgress?.({ runId, region: result, completed, total: regions.length });
  };

  const resolved = await runStep<AwsCredentialIdentity>(
    'resolve_credentials',
    runtime,
    () => ({ region: connector.testRegion, now: clock(), ...webIdentityFailureContext(connector, request.resolve.webIdentityToken) }),
    () => resolveBaseCredentials(connector, request.resolve, { ...settings, secrets: deps.secrets }),
    settings.endpoints('sts', connector.testRegion).host,
  );
  const credentials = resolved.value;
  if (request.regions === 'reported' && credentials && !hooks.signal?.aborted) {
    regions = (await reportedRegions(connector.testRegion, credentials, settings, hooks.signal)) ?? regions;
  }
  const testIn = async (region: string) => {
    if (!credentials) return;
    const result = await checkRegion({
      connector,
      region,
      resolve: resolved.check,
      credentials,
      settings,
      runtime,
      regionTimeoutMs: request.regionTimeoutMs,
      now: clock,
      onUpdate: (r) => update(r),
    });
    update(result, true);
  };

  const home = homePartition(connector.testRegion, regions);
  const homeRegions = regions.filter((r) => partitionOfRegion(r) === home);
  const otherRegions = regions.filter((r) => partitionOfRegion(r) !== home);
  if (credentials) await pool(homeRegions, request.concurrency, hooks.signal, testIn);

  let owner: PartitionId | null = null;
  const passed = [...results.values()].find((r) => r.identity !== null);
  const rejected = [...results.values()].some((r) => r.checks.some((c) => c.error && isAuthRejection(c.error.code)));
  if (passed) owner = partitionOfArn(passed.identity!.arn);
  else if (credentials && rejected && !hooks.signal?.aborted)
    owner = await probeOwner(home, homeRegions, credentials, settings, hooks.signal, extra);

  if (owner === home) reclassify(results, homeRegions, 'region_not_enabled', (r) => findRegion(r)?.optIn === true);
  if (owner && owner !== home) reclassify(results, homeRegions, 'partition_mismatch', () => true);
  const ownerRegions = owner && owner !== home ? otherRegions.filter((r) => partitionOfRegion(r) === owner) : [];
  if (credentials && ownerRegions.length) await pool(ownerRegions, request.concurrency, hooks.signal, testIn);

  const untested = otherRegions.filter((r) => !ownerRegions.includes(r));
  for (const partition of new Set(untested.map((r) => partitionOfRegion(r) ?? 'unknown'))) {
    const skipped = untested.filter((r) => (partitionOfRegion(r) ?? 'unknown') === partition);
    if (credentials) extra.push(partitionSkipFinding(skipped, partition, owner));
    for (const region of skipped) update(regionOnly(region, [resolved.check, ...LATER_CHECKS.map((name) => skippedCheck(name))]), true);
  }
  for (const region of regions) {
    if (results.has(region)) continue;
    // Not reached: the credentials did not resolve, or the run was cancelled first.
    const cancelled = !!hooks.signal?.aborted;
    update(regionOnly(region, [resolved.check, ...LATER_CHECKS.map((name) => skippedCheck(name, cancelled, region))]), true);
  }

  const ordered = regions.map((r) => results.get(r)!);
  const failed = ordered.some((r) => r.status === 'fail') || resolved.check.status === 'fail';
  return {
    schemaVersion: 1,
    runId,
    kind: request.kind,
    connector: {
      identifier: connector.identifier,
      credentialType: connector.credentialType,
      testRegion: connector.testRegion,
      crossAccount: connector.crossAccount !== null,
    },
    status: failed || hooks.signal?.aborted ? 'fail' : 'pass',
    cancelled: !!hooks.signal?.aborted,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(monotonic() - t0),
    regions: ordered,
    findings: buildFindings(ordered, dedupe(extra)),
  };
}

function dedupe(findings: readonly Finding[]): Finding[] {
  return findings.filter((f, i) => findings.findIndex((g) => g.title === f.title) === i);
}

/**
 * No region accepted the key: ask the home partition's main region (is the key valid at all?), then
 * the main region of each other partition (does it belong elsewhere?). The first that answers owns it.
 */
async function probeOwner(
  home: string,
  homeRegions: readonly string[],
  credentials: AwsCredentialIdentity,
  settings: ClientSettings,
  signal: AbortSignal | undefined,
  extra: Finding[],
): Promise<PartitionId | null> {
  const candidates = (['aws', 'aws-us-gov', 'aws-cn'] as const).filter((p) => p !== home);
  const homeMain = PARTITIONS[home as PartitionId]?.implicitGlobalRegion;
  const order: Array<[PartitionId, string]> = [
    ...(homeMain && !homeRegions.includes(homeMain) ? [[home as PartitionId, homeMain] as [PartitionId, string]] : []),
    ...candidates.map((p) => [p, PARTITIONS[p].implicitGlobalRegion] as [PartitionId, string]),
  ];
  for (const [partition, region] of order) {
    const identity: Identity | null = await probeIdentity(region, credentials, settings, signal);
    if (!identity) continue;
    if (partition !== home) {
      extra.push({
        class: 'partition_mismatch',
        severity: 'error',
        title: `These credentials belong to ${PARTITIONS[partition].displayName} (${identity.arn}), not to ${PARTITIONS[home as PartitionId]?.displayName ?? home}`,
        fix: `Set the Test Region to a region of ${PARTITIONS[partition].displayName}, such as ${region}.`,
      });
    }
    return partition;
  }
  return null;
}
