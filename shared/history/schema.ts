import { z } from 'zod';
import { errorClassSchema } from '../error-schema';

export const runSummarySchema = z.object({
  id: z.string(),
  kind: z.enum(['test', 'sweep']),
  connectorIdentifier: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** `interrupted`: its process was killed before the run ended (it had been written as `running` when it started). */
  status: z.enum(['passed', 'failed', 'cancelled', 'timeout', 'running', 'interrupted']),
  imported: z.boolean(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const RUN_STATUSES = runSummarySchema.shape.status.options;
/** The instant a checked day or date-time stands for, as stored (ISO 8601, UTC). */
export const instantOf = (value: string) => (value.length === 10 ? `${value}T00:00:00.000Z` : new Date(value).toISOString());

export const RUN_SORTS = ['startedAt', 'connector', 'kind', 'status'] as const;

/** A day (`2026-12-03`, the start of that day in UTC) or an instant (`2026-12-03T10:00:00Z`). */
export const instantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'Give a date like 2026-12-03 or 2026-12-03T10:00:00Z.',
});

/**
 * One page of history: the window and `awb history list` ask with the same query. Every filter
 * combines with the others; `since` is inclusive and `until` exclusive (a day means its first instant).
 */
export const historyQuerySchema = z
  .object({
    limit: z.number().int().min(1).max(1000).default(100),
    offset: z.number().int().min(0).max(100_000_000).default(0),
    search: z.string().max(200).optional(),
    connector: z.string().min(1).max(200).optional(),
    kind: z.enum(['test', 'sweep']).optional(),
    status: z.array(z.enum(RUN_STATUSES)).min(1).max(RUN_STATUSES.length).optional(),
    errorClass: errorClassSchema.optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'A region looks like us-east-1.')
      .optional(),
    since: instantSchema.optional(),
    until: instantSchema.optional(),
    imported: z.boolean().optional(),
    sort: z.enum(RUN_SORTS).default('startedAt'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type HistoryQuery = z.output<typeof historyQuerySchema>;
export const DEFAULT_HISTORY_QUERY: HistoryQuery = historyQuerySchema.parse({});

export const historyPageSchema = z.object({ runs: z.array(runSummarySchema), total: z.number().int() });
export type HistoryPage = z.infer<typeof historyPageSchema>;
