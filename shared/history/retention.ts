import { z } from 'zod';

/**
 * How much history to keep. Either limit may be off (`null`); both apply when both are set.
 * Imported runs are never pruned: they are a customer's evidence, deleted only by hand.
 */
export const retentionSchema = z
  .object({
    maxAgeDays: z.number().int().min(1).max(36_500).nullable(),
    keepPerConnector: z.number().int().min(1).max(1_000_000).nullable(),
  })
  .strict();
export type Retention = z.infer<typeof retentionSchema>;

export const DEFAULT_RETENTION: Retention = { maxAgeDays: null, keepPerConnector: null };

export const pruneRequestSchema = z
  .object({
    olderThanDays: z.number().int().min(1).max(36_500).optional(),
    keep: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict()
  .refine((r) => r.olderThanDays !== undefined || r.keep !== undefined, 'Say what to prune: an age in days, a number to keep, or both.');
export type PruneRequest = z.output<typeof pruneRequestSchema>;

export const pruneResultSchema = z.object({ deleted: z.number().int(), kept: z.number().int() });
export type PruneResult = z.infer<typeof pruneResultSchema>;
