import { z } from 'zod';

export const runSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['test', 'sweep']),
  connectorIdentifier: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(['passed', 'failed', 'cancelled', 'timeout', 'running']),
  imported: z.boolean(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

/** One page of history, newest first: the window and `awb history list` ask with the same query. */
export const historyQuerySchema = z
  .object({
    limit: z.number().int().min(1).max(1000).default(100),
    search: z.string().max(200).optional(),
  })
  .strict();
export type HistoryQuery = z.output<typeof historyQuerySchema>;

export const historyPageSchema = z.object({ runs: z.array(runSummarySchema), total: z.number().int() });
export type HistoryPage = z.infer<typeof historyPageSchema>;
