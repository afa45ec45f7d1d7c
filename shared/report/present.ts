import { CHECK_NAMES, type CheckName, type CheckResult, type RunResult } from '../aws-test/result';
import type { Decision } from '../policy/schema';
import { isPartitionId, PARTITIONS } from '../regions/partitions';
import type { Report, ReportSection, RunSection } from './schema';

/**
 * The words and groupings both renderers use, so the HTML, the PDF and the Markdown of one report
 * say the same things. Dates are UTC and numbers unlocalised: a report reads the same everywhere.
 */

export type Tone = 'pass' | 'fail' | 'warn' | 'skip' | 'info';

/** Each check's column heading, as the Test view's matrix names them. */
export const CHECK_LABELS: Readonly<Record<CheckName, string>> = {
  resolve_credentials: 'Credentials',
  sts_get_caller_identity: 'STS identity',
  sts_assume_role: 'Assume role',
  ec2_describe_regions: 'EC2 regions',
};

export const DECISION_LOOK: Readonly<Record<Decision, { tone: Tone; word: string }>> = {
  allowed: { tone: 'pass', word: 'Allowed' },
  explicit_deny: { tone: 'fail', word: 'Denied (explicit)' },
  implicit_deny: { tone: 'fail', word: 'Denied (implicit)' },
};

export const SEVERITY_LOOK: Readonly<Record<'error' | 'warning' | 'info', { tone: Tone; word: string }>> = {
  error: { tone: 'fail', word: 'Error' },
  warning: { tone: 'warn', word: 'Warning' },
  info: { tone: 'info', word: 'Info' },
};

/** What a matrix cell adds to its word: the class of a failure, the time of a check that ran. */
export function checkDetail(check: CheckResult | undefined): string {
  if (!check || check.status === 'skipped') return '';
  return check.status === 'fail' && check.error ? check.error.class.replaceAll('_', ' ') : formatDuration(check.durationMs);
}

/** A check's outcome: a tone for the colour and icon, and the word that says it without them. */
export function checkLook(check: CheckResult | undefined): { tone: Tone; word: string } {
  if (!check) return { tone: 'skip', word: 'Not run' };
  if (check.status === 'pass') return { tone: 'pass', word: 'Passed' };
  if (check.status === 'fail') return { tone: 'fail', word: 'Failed' };
  return { tone: 'skip', word: check.error?.class === 'cancelled' ? 'Cancelled' : 'Skipped' };
}

export function runLook(result: RunResult): { tone: Tone; word: string } {
  if (result.cancelled) return { tone: 'skip', word: 'Cancelled' };
  return result.status === 'pass' ? { tone: 'pass', word: 'Passed' } : { tone: 'fail', word: 'Failed' };
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** `2026-12-03 10:22:05 UTC`; a text that is not a date stays as it was. */
export function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : `${new Date(time).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The checks a run's matrix shows: assume-role only for a cross-account connector. */
export function checkColumns(result: RunResult): CheckName[] {
  const used = new Set(result.regions.flatMap((r) => r.checks.map((c) => c.name)));
  return CHECK_NAMES.filter((name) => used.has(name) && (name !== 'sts_assume_role' || result.connector.crossAccount));
}

/** Regions grouped by partition, in the order the run has them. */
export function partitionGroups(result: RunResult): Array<{ partition: string; label: string; regions: RunResult['regions'] }> {
  const groups = new Map<string, RunResult['regions']>();
  for (const region of result.regions) groups.set(region.partition, [...(groups.get(region.partition) ?? []), region]);
  return [...groups].map(([partition, regions]) => ({
    partition,
    label: isPartitionId(partition) ? PARTITIONS[partition].displayName : partition,
    regions,
  }));
}

/** Failures that read the same (class, code and message) are one item, listing where they happened. */
export interface FailureGroup {
  readonly check: CheckName;
  readonly errorClass: string;
  readonly code: string;
  readonly message: string;
  readonly fix: string;
  readonly regions: string[];
}

export function failureGroups(result: RunResult): FailureGroup[] {
  const groups = new Map<string, FailureGroup>();
  for (const region of result.regions) {
    for (const check of region.checks) {
      if (check.status !== 'fail' || !check.error) continue;
      const { class: errorClass, code, message, fix } = check.error;
      const key = JSON.stringify([check.name, errorClass, code, message]);
      const group = groups.get(key) ?? { check: check.name, errorClass, code, message, fix, regions: [] };
      group.regions.push(region.region);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** "28 passed, 2 failed: region not enabled (2)", the summary line above the matrix. */
export function runHeadline(result: RunResult): string {
  const passed = result.regions.filter((r) => r.status === 'pass').length;
  const failed = result.regions.filter((r) => r.status === 'fail').length;
  const skipped = result.regions.length - passed - failed;
  const counts = [`${passed} passed`, `${failed} failed`, ...(skipped > 0 ? [`${skipped} skipped`] : [])].join(', ');
  const classes = new Map<string, number>();
  for (const group of failureGroups(result)) classes.set(group.errorClass, (classes.get(group.errorClass) ?? 0) + group.regions.length);
  const why = [...classes].map(([cls, n]) => `${cls.replaceAll('_', ' ')}${n > 1 ? ` (${n})` : ''}`).join(', ');
  return `${counts} of ${plural(result.regions.length, 'region')}${why ? `: ${why}` : ''}.`;
}

export function runKicker(result: RunResult): string {
  return result.kind === 'sweep' ? `Sweep · ${plural(result.regions.length, 'region')}` : 'Connection test';
}

/** The run's source: made here, or imported from a report (whose name and date are kept). */
export function runSource(run: RunSection['run']): string {
  if (!run.imported) return 'Recorded locally';
  const when = run.importedAt ? ` on ${formatInstant(run.importedAt)}` : '';
  return `Imported from ${run.importSource ?? 'a report'}${when}`;
}

export function sectionTitle(section: ReportSection): string {
  switch (section.type) {
    case 'run':
      return section.run.result.connector.identifier || section.run.result.runId;
    case 'doctor':
      return 'Doctor diagnosis';
    case 'policy':
      return 'Policy check';
    case 'delegate':
      return section.mechanism === 'irsa' ? 'Delegate IRSA setup' : 'Delegate Pod Identity setup';
  }
}

/** What a report holds, in a few words: "2 sweeps, 1 test, Doctor diagnosis". */
export function contentsLine(report: Pick<Report, 'sections'>): string {
  const runs = report.sections.flatMap((s) => (s.type === 'run' ? [s.run.result.kind] : []));
  const sweeps = runs.filter((k) => k === 'sweep').length;
  const tests = runs.length - sweeps;
  const parts = [
    ...(sweeps > 0 ? [plural(sweeps, 'sweep')] : []),
    ...(tests > 0 ? [plural(tests, 'connection test')] : []),
    ...report.sections.filter((s) => s.type !== 'run').map(sectionTitle),
  ];
  return parts.join(', ');
}

/** A JSON-ish value (connector snapshot, options) as `path: value` lines, for a definition table. */
export function flatten(value: unknown, prefix = '', depth = 0): Array<[string, string]> {
  if (value === null || typeof value !== 'object' || depth > 6) {
    return [[prefix || '(value)', typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null')]];
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) return [[prefix || '(value)', Array.isArray(value) ? '[]' : '{}']];
  if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) {
    return [[prefix || '(value)', value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')]];
  }
  return entries.flatMap(([key, item]) => flatten(item, prefix ? `${prefix}.${key}` : key, depth + 1));
}
