import { z } from 'zod';
import { USE_CASE_IDS } from '../iam/use-cases';

/**
 * Policy files are kilobytes; 1 MB of text per document is far beyond any real policy. What one check may
 * read and evaluate is capped too, so a generated policy gets a "too large" lint instead of freezing the app:
 * statements in all documents together, and evaluation steps (one statement evaluated for one resource
 * pattern; the cap is about 2 s of iam-simulate's work on an unloaded core).
 */
export const POLICY_LIMITS = {
  maxDocumentChars: 1024 * 1024,
  maxDocuments: 30,
  maxActions: 300,
  maxStatements: 20_000,
  maxEvaluationSteps: 300_000,
} as const;

export const policyDocumentInputSchema = z.object({
  name: z.string().min(1).max(200),
  text: z.string().max(POLICY_LIMITS.maxDocumentChars),
});
export type PolicyDocumentInput = z.infer<typeof policyDocumentInputSchema>;

export const POLICY_KINDS = ['identity', 'boundary', 'scp', 'session', 'trust'] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];

export const policyCheckRequestSchema = z
  .object({
    identity: z.array(policyDocumentInputSchema).max(POLICY_LIMITS.maxDocuments).default([]),
    boundary: policyDocumentInputSchema.optional(),
    scps: z.array(policyDocumentInputSchema).max(POLICY_LIMITS.maxDocuments).default([]),
    session: policyDocumentInputSchema.optional(),
    trust: policyDocumentInputSchema.optional(),
    useCases: z.array(z.enum(USE_CASE_IDS)).default([]),
    actions: z.array(z.string().max(200)).max(POLICY_LIMITS.maxActions).default([]),
    /** The resource ARN to evaluate against; `*` (any) when not given. */
    resource: z.string().max(2048).optional(),
    region: z.string().max(40).default('us-east-1'),
    /** Request context keys, e.g. `aws:MultiFactorAuthPresent=true`, `aws:SourceIp=10.0.0.1`. */
    context: z.record(z.string().max(200), z.union([z.string().max(2048), z.array(z.string().max(2048)).max(50)])).default({}),
    principal: z.string().max(2048).optional(),
    /** For IRSA trust checks: the delegate's namespace and service account. */
    serviceAccount: z.object({ namespace: z.string().min(1).max(253), name: z.string().min(1).max(253) }).optional(),
  })
  .strict();
export type PolicyCheckRequest = z.input<typeof policyCheckRequestSchema>;
export type ParsedPolicyCheckRequest = z.output<typeof policyCheckRequestSchema>;

export const decisionSchema = z.enum(['allowed', 'explicit_deny', 'implicit_deny']);
export type Decision = z.infer<typeof decisionSchema>;

export const verdictSchema = z.object({
  action: z.string(),
  resource: z.string(),
  decision: decisionSchema,
  /** Plain words: why, naming the policy, the statement and any condition that decided it. */
  reason: z.string(),
  /** The deciding policy (its kind and name), or null when no single policy decided. */
  policy: z.string().nullable(),
  /** The deciding statement: its Sid, or `#n` (1-based) when it has none. */
  statement: z.string().nullable(),
  /** Which chosen use cases need this action. */
  useCases: z.array(z.string()),
});
export type Verdict = z.infer<typeof verdictSchema>;

export const lintSchema = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  /** Where: `identity[harness].Statement[0].Effect`, `action ec2:DescribeRegionz`, `trust.Statement[0]…`. */
  path: z.string(),
});
export type Lint = z.infer<typeof lintSchema>;

export const policyCheckResultSchema = z.object({
  results: z.array(verdictSchema),
  lint: z.array(lintSchema),
  summary: z.object({ allowed: z.number().int(), denied: z.number().int(), skipped: z.number().int() }),
});
export type PolicyCheckResult = z.infer<typeof policyCheckResultSchema>;
