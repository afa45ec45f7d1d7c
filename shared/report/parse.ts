import { valueBoundsProblem } from '../bounds';
import type { AppErrorValue } from '../errors';
import { describeIssues } from '../validation-message';
import { REPORT_KIND, REPORT_LIMITS, REPORT_SCHEMA_VERSION, REPORT_VALUE_LIMITS, reportSchema, type Report } from './schema';

export type ReportParse = { readonly ok: true; readonly report: Report } | { readonly ok: false; readonly error: AppErrorValue };

const refused = (message: string, fix: string): ReportParse => ({ ok: false, error: { class: 'invalid_input', message, fix } });

const EXPORT_AGAIN =
  'Ask for the .json file that awb report export (or the Reports view) wrote: HTML, PDF and Markdown reports are for reading only.';

/**
 * Reads a JSON report from anyone, strictly: its size first, then that it is JSON, then its size and
 * depth as a value, then its kind and version, then the whole schema. A message names what is
 * wrong and where, never quoting the report (it may hold text someone pasted by mistake).
 */
export function parseReport(text: string): ReportParse {
  if (text.length > REPORT_LIMITS.maxChars) {
    return refused(`The report is larger than ${REPORT_LIMITS.maxChars / 1024 / 1024} MB, far more than awb ever writes.`, EXPORT_AGAIN);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refused('This is not a JSON report: the text does not parse as JSON (it may be cut short or not JSON at all).', EXPORT_AGAIN);
  }
  const tooBig = valueBoundsProblem(value, REPORT_VALUE_LIMITS);
  if (tooBig) return refused(`The report was refused before reading it: ${tooBig}.`, EXPORT_AGAIN);
  const head = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (head.kind !== REPORT_KIND) {
    return refused(`This JSON is not an awb report: it has no "kind": "${REPORT_KIND}".`, EXPORT_AGAIN);
  }
  const version = head.schemaVersion;
  if (typeof version === 'number' && version > REPORT_SCHEMA_VERSION) {
    return refused(
      `This report has schema version ${Math.floor(version)}, newer than the version this app reads (${REPORT_SCHEMA_VERSION}).`,
      'Update AWS Connector Workbench (and awb), then open the report again.',
    );
  }
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) return refused(`The report does not match its schema: ${describeIssues(parsed.error.issues)}.`, EXPORT_AGAIN);
  const repeated = repeatedPart(parsed.data);
  if (repeated) return refused(`The report does not match its schema: ${repeated}.`, EXPORT_AGAIN);
  return { ok: true, report: parsed.data };
}

/** A run lists each region once and each check once per region, as history stores them; the first repeat found, by its path. */
function repeatedPart(report: Report): string | null {
  for (const [s, section] of report.sections.entries()) {
    if (section.type !== 'run') continue;
    const regions = section.run.result.regions;
    const path = `sections.${s}.run.result.regions`;
    if (new Set(regions.map((r) => r.region)).size !== regions.length) return `${path}: a region is listed twice`;
    const twice = regions.findIndex((r) => new Set(r.checks.map((c) => c.name)).size !== r.checks.length);
    if (twice >= 0) return `${path}.${twice}.checks: a check is listed twice`;
  }
  return null;
}

/** A cheap first look (no parse) for a pasted text that is probably a report, to offer importing it. */
export function looksLikeReport(text: string): boolean {
  const start = text.slice(0, 4096);
  return start.trimStart().startsWith('{') && start.includes('"kind"') && start.includes(`"${REPORT_KIND}"`);
}
