import { z } from 'zod';
import { kubernetesNameProblem, namespaceNameProblem } from '../delegate/names';
import { isKnownRegion } from '../regions';

/**
 * The collect bundle: what `awb-collect.sh` writes on the customer's side and the Doctor reads as
 * its own input kind. One JSON document, versioned; `bundle.schema.json` beside this file is its
 * JSON Schema (generated from these schemas, kept in sync by a test) for anyone reading bundles
 * without this code.
 */
export const COLLECT_BUNDLE_KIND = 'awb-collect-bundle';
export const COLLECT_SCHEMA_VERSION = 1;

export const COLLECT_LIMITS = {
  /** The script keeps each step's output under 512 KB and has at most 20 steps: a bundle is far smaller. */
  maxBundleChars: 4 * 1024 * 1024,
  maxSteps: 40,
  maxStderrChars: 4000,
  maxCommandChars: 2000,
  maxNoteChars: 1000,
  maxRegions: 10,
} as const;

/** Every step the script can run, in the order it runs them. */
export const COLLECT_STEP_IDS = [
  'kubectl.version',
  'kubectl.context',
  'k8s.workload',
  'k8s.pods',
  'k8s.events',
  'k8s.serviceaccount',
  'k8s.clusterrolebindings',
  'k8s.logs',
  'pod.checks',
  'aws.identity',
  'aws.cluster',
  'aws.oidc-providers',
  'aws.role',
] as const;
export type CollectStepId = (typeof COLLECT_STEP_IDS)[number];

export const collectStepSchema = z.object({
  id: z.enum(COLLECT_STEP_IDS),
  title: z.string().max(200),
  /** The command as the customer could type it again; names in it come from their cluster. */
  command: z.string().max(COLLECT_LIMITS.maxCommandChars),
  /** `skipped`: not run, because an earlier step found nothing to run it on, or the tool is missing. */
  status: z.enum(['ok', 'failed', 'skipped']),
  exitCode: z.number().int().nullable(),
  durationMs: z.number().int().min(0).nullable(),
  /** Why a step failed or was skipped, or what was left out of its output. */
  note: z.string().max(COLLECT_LIMITS.maxNoteChars),
  /** The tool's error output, redacted by the script and cut to a few kilobytes. */
  stderr: z.string().max(COLLECT_LIMITS.maxStderrChars),
  /** The tool's JSON output, reduced by the script to the fields the Doctor reads and redacted; null when there was none. */
  output: z.unknown(),
});
export type CollectStep = z.infer<typeof collectStepSchema>;

export const collectBundleSchema = z.object({
  kind: z.literal(COLLECT_BUNDLE_KIND),
  schemaVersion: z.literal(COLLECT_SCHEMA_VERSION),
  /** UTC, when the script started: token expiry is judged against it. */
  createdAt: z.iso.datetime(),
  generator: z.object({ awbVersion: z.string().max(40), script: z.string().max(100) }),
  options: z.object({
    namespace: z.string().max(63),
    delegate: z.string().max(253),
    cluster: z.string().max(100),
    regions: z.array(z.string().max(40)).max(COLLECT_LIMITS.maxRegions),
    exec: z.boolean(),
  }),
  environment: z.object({ bash: z.string().max(40), os: z.string().max(40) }),
  steps: z.array(collectStepSchema).max(COLLECT_LIMITS.maxSteps),
});
export type CollectBundle = z.infer<typeof collectBundleSchema>;

const region = z.string().refine(isKnownRegion, 'is not an AWS region code such as us-east-1');

/**
 * What the support engineer asks for. Names are checked as Kubernetes checks them, because the
 * generated script quotes them into its commands; an empty delegate name lets the script find the
 * delegate workload in the namespace by its image.
 */
export const collectScriptOptionsSchema = z
  .object({
    namespace: z
      .string()
      .trim()
      .default('harness-delegate-ng')
      .refine((value) => namespaceNameProblem(value) === null, 'must be a Kubernetes namespace name (lowercase letters, digits and "-")'),
    delegate: z
      .string()
      .trim()
      .max(253)
      .default('')
      .refine(
        (value) => value === '' || kubernetesNameProblem(value) === null,
        'must be a Kubernetes object name (lowercase letters, digits, "-" and ".")',
      ),
    regions: z.array(region).min(1, 'give at least one region').max(COLLECT_LIMITS.maxRegions).default(['us-east-1']),
    /** Whether the script checks from inside the delegate pod (kubectl exec) unless told otherwise. */
    exec: z.boolean().default(false),
  })
  .strict();
export type CollectScriptOptionsInput = z.input<typeof collectScriptOptionsSchema>;
export type CollectScriptOptions = z.output<typeof collectScriptOptionsSchema>;

export const collectScriptSchema = z.object({
  fileName: z.string(),
  script: z.string(),
  /** How the customer runs it, with these options. */
  commandLine: z.string(),
  /** One paragraph to send along: what the script reads, what it never reads, and what to send back. */
  note: z.string(),
});
export type CollectScript = z.infer<typeof collectScriptSchema>;
