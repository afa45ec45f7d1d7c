import { z } from 'zod';
import { AWS_ERROR_CLASSES } from '../errors';

/** Doctor input sizes: a whole delegate log fits; anything larger is read up to the cap, with a note. */
export const DOCTOR_LIMITS = {
  /** Characters of one input that are read; the rest is ignored and the input is marked truncated. */
  maxInputChars: 10 * 1024 * 1024,
  maxInputs: 20,
  maxNameChars: 200,
} as const;

export const INPUT_KINDS = [
  'empty',
  'binary',
  'error_message',
  'log',
  'connector_yaml',
  'delegate_yaml',
  'iam_policy',
  'trust_policy',
  'awb_report',
  'collect_bundle',
  'cloudtrail',
  'kubectl_pod',
  'aws_configure',
  'caller_identity',
  'aws_cli_debug',
  'harness_log',
  'unknown',
] as const;
export const inputKindSchema = z.enum(INPUT_KINDS);
export type InputKind = z.infer<typeof inputKindSchema>;

/** How each kind is named to the user, in the CLI and in the Doctor view. */
export const INPUT_KIND_LABELS: Readonly<Record<InputKind, string>> = {
  empty: 'Empty: nothing to read.',
  binary: 'Binary data, not text: paste the error text, log, YAML or JSON instead.',
  error_message: 'Error message',
  log: 'Log excerpt or stack trace',
  connector_yaml: 'Harness connector YAML',
  delegate_yaml: 'Kubernetes delegate YAML',
  iam_policy: 'IAM policy JSON',
  trust_policy: 'IAM trust policy JSON',
  awb_report: 'awb JSON report',
  collect_bundle: 'awb collect bundle',
  cloudtrail: 'CloudTrail event records',
  kubectl_pod: 'Kubernetes pod (kubectl describe pod, or get pod -o yaml/json)',
  aws_configure: 'aws configure list output',
  caller_identity: 'aws sts get-caller-identity output',
  aws_cli_debug: 'AWS CLI --debug log',
  harness_log: 'Harness pipeline step log or error banner',
  unknown: 'Unrecognised text: no letters or words to read.',
};

/**
 * Classes a finding can carry: every AWS credential-failure class, plus the doctor's own classes for
 * configuration problems found by cross-checking inputs and for plain information about an input
 * (an access key's account; what a CloudTrail event, a pod or a CLI log says when no failure was classified).
 */
export const DOCTOR_OWN_CLASSES = [
  'connector_misconfigured',
  'irsa_misconfigured',
  'access_key_info',
  'input_facts',
  'input_unreadable',
] as const;
export const findingClassSchema = z.enum([...AWS_ERROR_CLASSES, ...DOCTOR_OWN_CLASSES]);
export type FindingClass = z.infer<typeof findingClassSchema>;

export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

/** The exact text that triggered a finding, located in one input so the UI can highlight it. */
export const evidenceSchema = z.object({
  input: z.number().int().min(0),
  text: z.string(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const findingSchema = z.object({
  class: findingClassSchema,
  severity: severitySchema,
  title: z.string(),
  /** Why this class: the plain-words reason, including the context clues that decided it. */
  explanation: z.string(),
  evidence: z.array(evidenceSchema),
  fix: z.array(z.string()),
  /** 0..1; how sure the doctor is that this is the cause. */
  confidence: z.number().min(0).max(1),
  /** When other classes remain possible: the facts that would tell them apart. */
  decidingFacts: z.array(z.string()),
  /** Other classes that fit the same evidence, most likely first. */
  alternatives: z.array(z.object({ class: findingClassSchema, confidence: z.number().min(0).max(1) })),
});
export type Finding = z.infer<typeof findingSchema>;

export const doctorInputSchema = z.object({
  name: z.string().max(DOCTOR_LIMITS.maxNameChars),
  text: z.string(),
});
export type DoctorInput = z.infer<typeof doctorInputSchema>;

export const inputReportSchema = z.object({
  name: z.string(),
  kind: inputKindSchema,
  /** One line on what was read ("Harness connector YAML, credential type Irsa"). */
  summary: z.string(),
  chars: z.number().int().min(0),
  truncated: z.boolean(),
});
export type InputReport = z.infer<typeof inputReportSchema>;

export const doctorResultSchema = z.object({
  schemaVersion: z.literal(1),
  inputs: z.array(inputReportSchema),
  findings: z.array(findingSchema),
});
export type DoctorResult = z.infer<typeof doctorResultSchema>;
