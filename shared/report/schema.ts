import { z } from 'zod';
import type { ValueLimits } from '../bounds';
import { DELEGATE_MECHANISMS } from '../delegate/form';
import { manifestProblemSchema } from '../delegate/problems';
import { artifactSchema } from '../delegate/results';
import { doctorResultSchema } from '../doctor/schema';
import { runDetailSchema } from '../history/detail';
import { POLICY_KINDS, policyCheckResultSchema } from '../policy/schema';

/**
 * The report: one versioned JSON document that every format is rendered from and that imports back.
 * `report.schema.json` beside this file is its JSON Schema, generated from these schemas and kept in
 * sync by a test, for tools that read reports without this code. A change that old readers would
 * misread needs a new `schemaVersion`; a reader refuses a version newer than its own.
 */
export const REPORT_KIND = 'awb-report';
export const REPORT_SCHEMA_VERSION = 1;

export const REPORT_FORMATS = ['json', 'html', 'md', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LIMITS = {
  /** A report file, read whole: 1,000 sweeps of every region fit. */
  maxChars: 64 * 1024 * 1024,
  maxRuns: 1000,
  /** Doctor, policy and delegate sections together. */
  maxOtherSections: 20,
  maxTitleChars: 200,
} as const;

/** Size and depth a parsed report may have before its schema reads it (see shared/bounds.ts). */
export const REPORT_VALUE_LIMITS: ValueLimits = {
  maxDepth: 32,
  maxNodes: 4_000_000,
  maxStringChars: 2 * 1024 * 1024,
  maxTotalChars: REPORT_LIMITS.maxChars,
};

/** Rules that ran and how often each replaced something; the first four always run. */
export const REDACTION_RULES = ['tokens', 'passwords', 'secrets', 'accessKeyIds', 'names', 'emails', 'hosts', 'ips', 'accounts'] as const;
export type RedactionRule = (typeof REDACTION_RULES)[number];

/** The optional masks, each a toggle; secrets are always removed and access key IDs always shortened. */
export const redactionOptionsSchema = z
  .strictObject({
    /** The same account becomes the same placeholder everywhere in the report. */
    accounts: z.boolean().default(false),
    /** Role, user and session names in ARNs and in `--role-name`-style flags. */
    names: z.boolean().default(false),
    /** Hosts of URLs that are not AWS's or Harness's own (custom endpoints, proxies). */
    hosts: z.boolean().default(false),
    ips: z.boolean().default(false),
    emails: z.boolean().default(false),
  })
  .describe('Optional masks chosen when the report was made.');
export type RedactionOptions = z.output<typeof redactionOptionsSchema>;
export type RedactionToggle = keyof RedactionOptions;

export const redactionRecordSchema = z.strictObject({
  options: redactionOptionsSchema,
  applied: z.array(z.strictObject({ rule: z.enum(REDACTION_RULES), count: z.number().int().min(0) })).max(REDACTION_RULES.length),
});
export type RedactionRecord = z.output<typeof redactionRecordSchema>;

const name = z.string().max(200);

export const runSectionSchema = z
  .strictObject({ type: z.literal('run'), run: runDetailSchema })
  .describe('A test or sweep, with everything `awb history show` has.');

export const doctorSectionSchema = z
  .strictObject({ type: z.literal('doctor'), result: doctorResultSchema })
  .describe('A Doctor result: inputs by name and kind (not their text), findings with evidence excerpts, fixes, alternatives.');

export const policySectionSchema = z
  .strictObject({
    type: z.literal('policy'),
    /** The policies that were checked, by name and kind; their text stays with the customer. */
    policies: z.array(z.strictObject({ name, kind: z.enum(POLICY_KINDS) })).max(200),
    checked: z.strictObject({
      useCases: z.array(name).max(50),
      region: z.string().max(40),
      resource: z.string().max(2048).nullable(),
      serviceAccount: z.string().max(510).nullable(),
    }),
    result: policyCheckResultSchema,
  })
  .describe('A policy check: verdicts with the deciding statement, and lint.');

export const delegateSectionSchema = z
  .strictObject({
    type: z.literal('delegate'),
    mechanism: z.enum(DELEGATE_MECHANISMS),
    /** What the patch changes, in words; the manifest itself is not reported (it holds the delegate token). */
    changes: z.array(z.string()).max(500),
    problems: z.array(manifestProblemSchema).max(500),
    trustPolicy: artifactSchema,
    permissionPolicy: artifactSchema,
    commands: artifactSchema,
  })
  .describe('A delegate IRSA or Pod Identity result: the change summary, validation, generated policies and commands.');

export const otherSectionSchema = z.discriminatedUnion('type', [doctorSectionSchema, policySectionSchema, delegateSectionSchema]);
export const reportSectionSchema = z.discriminatedUnion('type', [
  runSectionSchema,
  doctorSectionSchema,
  policySectionSchema,
  delegateSectionSchema,
]);

export type RunSection = z.output<typeof runSectionSchema>;
export type DoctorSection = z.output<typeof doctorSectionSchema>;
export type PolicySection = z.output<typeof policySectionSchema>;
export type DelegateSection = z.output<typeof delegateSectionSchema>;
export type OtherSection = z.output<typeof otherSectionSchema>;
export type ReportSection = z.output<typeof reportSectionSchema>;

export const reportSchema = z
  .strictObject({
    kind: z.literal(REPORT_KIND),
    schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
    title: z.string().min(1).max(REPORT_LIMITS.maxTitleChars),
    /** The awb version that wrote the report. */
    appVersion: z.string().max(100),
    createdAt: z.iso.datetime({ offset: true }),
    redaction: redactionRecordSchema,
    sections: z
      .array(reportSectionSchema)
      .min(1)
      .max(REPORT_LIMITS.maxRuns + REPORT_LIMITS.maxOtherSections),
  })
  .describe('An AWS Connector Workbench report (awb report export).');
export type Report = z.output<typeof reportSchema>;

/** What importing a report did: the report as read, and which of its runs history gained or already had. */
export const importedReportSchema = z.object({
  report: reportSchema,
  runs: z.object({ added: z.array(z.string()), present: z.array(z.string()) }),
});
export type ImportedReport = z.output<typeof importedReportSchema>;
