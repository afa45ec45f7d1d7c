import { z } from 'zod';
import { runResultSchema, type RunResult } from '../aws-test/result';
import type { DelegateMechanism } from '../delegate/form';
import type { DelegateArtifacts, IrsaResult } from '../delegate/results';
import type { RunDetail } from '../history/detail';
import type { PolicyCheckRequest, PolicyCheckResult, PolicyKind } from '../policy/schema';
import { sectionTitle, plural } from './present';
import { Redactor } from './redact/redactor';
import {
  otherSectionSchema,
  redactionOptionsSchema,
  REPORT_KIND,
  REPORT_LIMITS,
  REPORT_SCHEMA_VERSION,
  type DelegateSection,
  type OtherSection,
  type PolicySection,
  type RedactionOptions,
  type Report,
  type ReportSection,
} from './schema';

/** What to put in a report: runs by their id in history, runs that are not there, and the other results as sections. */
export const reportRequestSchema = z
  .strictObject({
    title: z.string().max(REPORT_LIMITS.maxTitleChars).optional(),
    runIds: z.array(z.string().min(1).max(200)).max(REPORT_LIMITS.maxRuns).default([]),
    /** Results the history does not have (a run that could not be recorded). */
    results: z.array(runResultSchema).max(20).default([]),
    sections: z.array(otherSectionSchema).max(REPORT_LIMITS.maxOtherSections).default([]),
    redaction: redactionOptionsSchema.default({ accounts: false, names: false, hosts: false, ips: false, emails: false }),
  })
  .refine((request) => request.runIds.length + request.results.length + request.sections.length > 0, {
    message: 'Choose at least one run or result to report.',
  });
export type ReportRequest = z.input<typeof reportRequestSchema>;
export type ParsedReportRequest = z.output<typeof reportRequestSchema>;

export const NO_MASKS: RedactionOptions = Object.freeze(redactionOptionsSchema.parse({}));

function runTitle(result: RunResult): string {
  return result.kind === 'sweep'
    ? `Sweep of ${result.connector.identifier} (${plural(result.regions.length, 'region')})`
    : `Connection test of ${result.connector.identifier}`;
}

/** "Sweep of prod_aws (36 regions)", "Doctor diagnosis", or "3 runs of prod_aws, staging, Policy check". */
export function defaultTitle(sections: readonly ReportSection[]): string {
  const runs = sections.flatMap((s) => (s.type === 'run' ? [s.run.result] : []));
  const [onlyRun] = runs;
  const connectors = [...new Set(runs.map((r) => r.connector.identifier))];
  const named = `${connectors.slice(0, 3).join(', ')}${connectors.length > 3 ? ` and ${connectors.length - 3} more` : ''}`;
  const runPart = runs.length === 1 && onlyRun ? [runTitle(onlyRun)] : runs.length > 1 ? [`${plural(runs.length, 'run')} of ${named}`] : [];
  return [...runPart, ...sections.filter((s) => s.type !== 'run').map(sectionTitle)].join(', ');
}

export interface ReportParts {
  readonly runs: readonly RunDetail[];
  readonly sections: readonly OtherSection[];
  readonly title?: string | undefined;
  readonly appVersion: string;
  readonly createdAt: string;
}

/** The report of these parts, redacted with these options: the one way a report is made. */
export function createReport(parts: ReportParts, options: RedactionOptions): Report {
  const sections: ReportSection[] = [...parts.runs.map((run) => ({ type: 'run' as const, run })), ...parts.sections];
  const redactor = new Redactor(options);
  // Redaction may lengthen a title (a token becomes its claims), so it is cut again afterwards.
  const title = redactor.text(parts.title?.trim() || defaultTitle(sections)).slice(0, REPORT_LIMITS.maxTitleChars);
  return {
    kind: REPORT_KIND,
    schemaVersion: REPORT_SCHEMA_VERSION,
    title: title || 'Report',
    appVersion: parts.appVersion,
    createdAt: parts.createdAt,
    sections: redactor.value(sections),
    redaction: redactor.record(),
  };
}

/** A run the history does not have, as its page would show it: what the result itself says about what was tested. */
export function unrecordedRun(result: RunResult, appVersion: string): RunDetail {
  return {
    result,
    connector: { ...result.connector },
    options: {},
    appVersion,
    finishedAt: new Date(Date.parse(result.startedAt) + result.durationMs).toISOString(),
    imported: false,
    importSource: null,
    importedAt: null,
  };
}

/** A policy check as a section: its documents by name and kind (their text stays where it was), what was asked, the verdicts. */
export function policySectionOf(request: PolicyCheckRequest, result: PolicyCheckResult): PolicySection {
  const named = (kind: PolicyKind, documents: ReadonlyArray<{ name: string }>) => documents.map(({ name }) => ({ name, kind }));
  const one = (document: { name: string } | undefined) => (document ? [document] : []);
  return {
    type: 'policy',
    policies: [
      ...named('identity', request.identity ?? []),
      ...named('boundary', one(request.boundary)),
      ...named('scp', request.scps ?? []),
      ...named('session', one(request.session)),
      ...named('trust', one(request.trust)),
    ],
    checked: {
      useCases: [...(request.useCases ?? [])],
      region: request.region ?? 'us-east-1',
      resource: request.resource ?? null,
      serviceAccount: request.serviceAccount ? `${request.serviceAccount.namespace}:${request.serviceAccount.name}` : null,
    },
    result,
  };
}

/** The reportable part of a delegate result: never the manifest or its edits, which carry the delegate token. */
export function delegateSection(
  mechanism: DelegateMechanism,
  result: Pick<IrsaResult, 'changes' | 'problems'> | null,
  artifacts: DelegateArtifacts,
): DelegateSection {
  return {
    type: 'delegate',
    mechanism,
    changes: result?.changes ?? [],
    problems: result?.problems ?? [],
    trustPolicy: artifacts.trustPolicy,
    permissionPolicy: artifacts.permissionPolicy,
    commands: artifacts.commands,
  };
}
