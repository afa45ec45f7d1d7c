import { z } from 'zod';
import { runComparisonSchema } from '../../history/compare';
import { runDetailSchema } from '../../history/detail';
import { pruneRequestSchema, pruneResultSchema, retentionSchema } from '../../history/retention';
import { historyPageSchema, historyQuerySchema, instantSchema } from '../../history/schema';
import { connectorTrendSchema } from '../../history/trend';
import { channel, noArgs } from '../define';

const runId = z.string().min(1).max(200);

export const historyChannels = {
  'history.list': channel({ args: historyQuerySchema.optional(), result: historyPageSchema }),
  /** A run's page; `not_found` for an id that is not in history. */
  'history.show': channel({ args: z.object({ runId }).strict(), result: runDetailSchema }),
  /** `a` the earlier run, `b` the later one; without `a`, the run of the same connector before `b`. */
  'history.compare': channel({ args: z.object({ a: runId.optional(), b: runId }).strict(), result: runComparisonSchema }),
  'history.trend': channel({
    args: z
      .object({
        connector: z.string().min(1).max(200),
        region: z.string().max(40).optional(),
        since: instantSchema.optional(),
        runs: z.number().int().min(2).max(2000).default(200),
      })
      .strict(),
    result: connectorTrendSchema,
  }),
  'history.delete': channel({
    args: z.object({ runIds: z.array(runId).min(1).max(10_000) }).strict(),
    result: z.object({ deleted: z.number().int() }),
  }),
  'history.prune': channel({ args: pruneRequestSchema, result: pruneResultSchema }),
  'history.getRetention': channel({ args: noArgs, result: retentionSchema }),
  /** Saves the setting and applies it at once, in the background of the call. */
  'history.setRetention': channel({
    args: retentionSchema,
    result: z.object({ retention: retentionSchema, prune: pruneResultSchema.nullable() }),
  }),
};
