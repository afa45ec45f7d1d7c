import { z } from 'zod';
import { appErrorSchema, errorClassSchema } from '../error-schema';

/** The four steps of a connection test, in order (product C3). */
export const CHECK_NAMES = ['resolve_credentials', 'sts_get_caller_identity', 'sts_assume_role', 'ec2_describe_regions'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

export const checkErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  class: errorClassSchema,
  fix: z.string(),
});
export type CheckError = z.infer<typeof checkErrorSchema>;

export const checkResultSchema = z.object({
  name: z.enum(CHECK_NAMES),
  status: z.enum(['pass', 'fail', 'skipped']),
  durationMs: z.number(),
  requestId: z.string().nullable(),
  error: checkErrorSchema.nullable(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const identitySchema = z.object({ account: z.string(), arn: z.string(), userId: z.string() });
export type Identity = z.infer<typeof identitySchema>;

export const regionResultSchema = z.object({
  region: z.string(),
  partition: z.string(),
  status: z.enum(['pass', 'fail', 'skipped']),
  identity: identitySchema.nullable(),
  checks: z.array(checkResultSchema),
});
export type RegionResult = z.infer<typeof regionResultSchema>;

export const findingSchema = z.object({
  class: errorClassSchema,
  severity: z.enum(['error', 'warning', 'info']),
  title: z.string(),
  fix: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

/**
 * Whether a finished run reached the history. A result is returned (and shown) either way: when the
 * database is locked, read-only or on a full disk, `not_recorded` carries the class, reason and fix.
 */
export const recordingSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('recorded') }),
  z.object({ status: z.literal('not_recorded'), error: appErrorSchema }),
  /** `--no-history`. */
  z.object({ status: z.literal('disabled') }),
]);
export type Recording = z.infer<typeof recordingSchema>;

/**
 * The `--json` document of `awb test` / `awb sweep`, and what IPC returns; version it when it changes
 * incompatibly (`recording` was added without a new version: readers of version 1 may ignore it).
 */
export const runResultSchema = z.object({
  schemaVersion: z.literal(1),
  runId: z.string(),
  kind: z.enum(['test', 'sweep']),
  connector: z.object({
    identifier: z.string(),
    credentialType: z.string(),
    testRegion: z.string(),
    crossAccount: z.boolean(),
  }),
  status: z.enum(['pass', 'fail']),
  /** Set when the user cancelled; unfinished checks are then `skipped` with class `cancelled`. */
  cancelled: z.boolean(),
  startedAt: z.string(),
  durationMs: z.number(),
  regions: z.array(regionResultSchema),
  findings: z.array(findingSchema),
  /** Set by the test service once it has tried to record the run; the checks themselves know nothing of history. */
  recording: recordingSchema.optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

/** A live update during a run: the region's result so far and how many regions are finished. */
export const runProgressSchema = z.object({
  runId: z.string(),
  region: regionResultSchema,
  completed: z.number().int(),
  total: z.number().int(),
});
export type RunProgress = z.infer<typeof runProgressSchema>;
