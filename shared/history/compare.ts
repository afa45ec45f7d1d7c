import { z } from 'zod';
import { CHECK_NAMES, type CheckResult, type RegionResult, type RunResult } from '../aws-test/result';
import { errorClassSchema } from '../error-schema';

/**
 * Two runs side by side: every region and check of either, and what changed between them. A check
 * is `slower` or `faster` only beyond the noise of a network call: at least 1.5 times (or two thirds)
 * the earlier duration and at least 250 ms apart, so a 40 ms → 70 ms wobble is not news.
 */
export const TIMING_NOISE = { ratio: 1.5, minDeltaMs: 250 } as const;

export const CHANGES = ['fixed', 'broke', 'changed', 'unchanged', 'added', 'removed'] as const;
export type Change = (typeof CHANGES)[number];

const checkSideSchema = z.object({
  status: z.enum(['pass', 'fail', 'skipped']),
  durationMs: z.number(),
  class: errorClassSchema.nullable(),
});
export type CheckSide = z.infer<typeof checkSideSchema>;

const runSideSchema = z.object({ runId: z.string(), startedAt: z.string(), status: z.enum(['pass', 'fail']) });

export const runComparisonSchema = z.object({
  schemaVersion: z.literal(1),
  a: runSideSchema,
  b: runSideSchema,
  summary: z.object({ fixed: z.number().int(), broke: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  /** The changes that matter, worst first: "2 broke: us-gov-west-1 sts_get_caller_identity now secret_key_mismatch". */
  headline: z.string(),
  regions: z.array(
    z.object({
      region: z.string(),
      a: z.enum(['pass', 'fail', 'skipped']).nullable(),
      b: z.enum(['pass', 'fail', 'skipped']).nullable(),
      checks: z.array(
        z.object({
          name: z.enum(CHECK_NAMES),
          a: checkSideSchema.nullable(),
          b: checkSideSchema.nullable(),
          change: z.enum(CHANGES),
          timing: z.enum(['slower', 'faster']).nullable(),
        }),
      ),
    }),
  ),
});
export type RunComparison = z.infer<typeof runComparisonSchema>;
type RegionComparison = RunComparison['regions'][number];
type CheckComparison = RegionComparison['checks'][number];

function side(check: CheckResult | undefined): CheckSide | null {
  return check ? { status: check.status, durationMs: check.durationMs, class: check.error?.class ?? null } : null;
}

export function changeOf(a: CheckSide | null, b: CheckSide | null): Change {
  if (!a) return 'added';
  if (!b) return 'removed';
  if (a.status === 'fail' && b.status === 'pass') return 'fixed';
  if (a.status === 'pass' && b.status === 'fail') return 'broke';
  if (a.status !== b.status || a.class !== b.class) return 'changed';
  return 'unchanged';
}

export function timingOf(a: CheckSide | null, b: CheckSide | null): 'slower' | 'faster' | null {
  if (!a || !b || a.status === 'skipped' || b.status === 'skipped') return null;
  if (Math.abs(b.durationMs - a.durationMs) < TIMING_NOISE.minDeltaMs) return null;
  if (b.durationMs >= a.durationMs * TIMING_NOISE.ratio) return 'slower';
  if (a.durationMs >= b.durationMs * TIMING_NOISE.ratio) return 'faster';
  return null;
}

function compareRegion(region: string, a: RegionResult | undefined, b: RegionResult | undefined): RegionComparison {
  const byName = (r: RegionResult | undefined) => new Map((r?.checks ?? []).map((check) => [check.name, check]));
  const checksA = byName(a);
  const checksB = byName(b);
  const names = CHECK_NAMES.filter((name) => checksA.has(name) || checksB.has(name));
  const checks = names.map((name): CheckComparison => {
    const left = side(checksA.get(name));
    const right = side(checksB.get(name));
    return { name, a: left, b: right, change: changeOf(left, right), timing: timingOf(left, right) };
  });
  return { region, a: a?.status ?? null, b: b?.status ?? null, checks };
}

/** Regions in the order the newer run listed them, then any only the older one had. */
function regionOrder(a: RunResult, b: RunResult): string[] {
  return [...new Set([...b.regions.map((r) => r.region), ...a.regions.map((r) => r.region)])];
}

const WEIGHT: Record<Change, number> = { broke: 0, changed: 1, removed: 2, fixed: 3, added: 4, unchanged: 5 };

function describe(region: string, check: CheckComparison): string {
  const now = check.b?.class ? ` now ${check.b.class}` : check.b ? ` now ${check.b.status}` : '';
  const before = check.change === 'changed' && check.a?.class ? ` (was ${check.a.class})` : '';
  return `${region} ${check.name}${now}${before}`;
}

function headline(regions: readonly RegionComparison[]): string {
  const notable = regions
    .flatMap((region) => region.checks.map((check) => ({ region: region.region, check })))
    .filter(({ check }) => check.change !== 'unchanged')
    .sort((x, y) => WEIGHT[x.check.change] - WEIGHT[y.check.change]);
  if (notable.length === 0) return 'No change: every check has the same outcome in both runs.';
  const groups = new Map<Change, string[]>();
  for (const { region, check } of notable) groups.set(check.change, [...(groups.get(check.change) ?? []), describe(region, check)]);
  return [...groups]
    .map(
      ([change, items]) =>
        `${items.length} ${change}: ${items.slice(0, 3).join(', ')}${items.length > 3 ? `, and ${items.length - 3} more` : ''}`,
    )
    .join('; ');
}

/** `a` is the earlier run, `b` the later one: "fixed" and "broke" read from a to b. */
export function compareRuns(a: RunResult, b: RunResult): RunComparison {
  const regionsA = new Map(a.regions.map((r) => [r.region, r]));
  const regionsB = new Map(b.regions.map((r) => [r.region, r]));
  const regions = regionOrder(a, b).map((region) => compareRegion(region, regionsA.get(region), regionsB.get(region)));
  const changes = regions.flatMap((region) => region.checks.map((check) => check.change));
  const count = (...which: Change[]) => changes.filter((change) => which.includes(change)).length;
  return {
    schemaVersion: 1,
    a: { runId: a.runId, startedAt: a.startedAt, status: a.status },
    b: { runId: b.runId, startedAt: b.startedAt, status: b.status },
    summary: { fixed: count('fixed'), broke: count('broke'), changed: count('changed', 'added', 'removed'), unchanged: count('unchanged') },
    headline: headline(regions),
    regions,
  };
}
