import type { Finding, RegionResult } from '../../../shared/aws-test/result';
import type { ErrorClass } from '../../../shared/errors';
import { PARTITIONS, isPartitionId } from '../../../shared/regions';

function partitionName(id: string): string {
  return isPartitionId(id) ? PARTITIONS[id].displayName : id;
}

function list(regions: readonly string[]): string {
  return regions.length > 6 ? `${regions.slice(0, 6).join(', ')} and ${regions.length - 6} more` : regions.join(', ');
}

const TITLES: Partial<Record<ErrorClass, (regions: string) => string>> = {
  region_not_enabled: (r) => `Opt-in regions not enabled for the account: ${r}`,
  sts_region_disabled: (r) => `STS is deactivated in: ${r} (EC2 was still tested there)`,
  explicit_deny: (r) => `An explicit Deny (SCP region guardrail) blocks calls in: ${r}`,
  network_unreachable: (r) => `No answer or no network path in: ${r}`,
  throttling: (r) => `AWS throttled the calls in: ${r}`,
  partition_mismatch: (r) => `The credentials belong to another partition than: ${r}`,
};

/** The findings of a run: one per failure class across regions, instead of one per failing cell. */
export function buildFindings(regions: readonly RegionResult[], extra: readonly Finding[]): Finding[] {
  const byClass = new Map<ErrorClass, { regions: string[]; fix: string; message: string }>();
  for (const region of regions) {
    for (const check of region.checks) {
      if (check.status !== 'fail' || !check.error) continue;
      const entry = byClass.get(check.error.class) ?? { regions: [], fix: check.error.fix, message: check.error.message };
      if (!entry.regions.includes(region.region)) entry.regions.push(region.region);
      byClass.set(check.error.class, entry);
    }
  }
  const findings: Finding[] = [...extra];
  for (const [errorClass, entry] of byClass) {
    const title = TITLES[errorClass]?.(list(entry.regions)) ?? `${entry.message} (${list(entry.regions)})`;
    const severity = errorClass === 'region_not_enabled' || errorClass === 'sts_region_disabled' ? 'warning' : 'error';
    findings.push({ class: errorClass, severity, title, fix: entry.fix });
  }
  return findings;
}

export function partitionSkipFinding(skipped: readonly string[], skippedPartition: string, credentialsPartition: string | null): Finding {
  const owner = credentialsPartition
    ? `these credentials belong to ${partitionName(credentialsPartition)}`
    : 'the credentials did not work in their own partition';
  return {
    class: 'partition_mismatch',
    severity: 'info',
    title: `${skipped.length} region${skipped.length === 1 ? '' : 's'} of ${partitionName(skippedPartition)} not tested: ${owner} (${list(skipped)})`,
    fix: 'Credentials are valid in one partition only; test other partitions with a connector holding credentials of that partition.',
  };
}

export { partitionName };
