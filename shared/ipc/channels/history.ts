import { z } from 'zod';
import { channel } from '../define';

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

export const historyChannels = {
  'history.list': channel({
    args: z
      .object({
        limit: z.number().int().min(1).max(1000).default(100),
        search: z.string().max(200).optional(),
      })
      .strict()
      .optional(),
    result: z.object({ runs: z.array(runSummarySchema), total: z.number().int() }),
  }),
};
