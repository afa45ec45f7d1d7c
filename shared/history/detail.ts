import { z } from 'zod';
import { runResultSchema } from '../aws-test/result';

/** Everything a run's page shows: the result as it was shown, and how and where it ran. */
export const runDetailSchema = z.object({
  result: runResultSchema,
  /** What was tested: the connector as the test read it, with secret references only. */
  connector: z.record(z.string(), z.unknown()),
  /** Regions asked for, concurrency, timeouts, endpoint URL (without credentials), profile, FIPS. */
  options: z.record(z.string(), z.unknown()),
  appVersion: z.string(),
  finishedAt: z.string().nullable(),
  imported: z.boolean(),
  /** For an imported run: the report it came from and when it was imported. */
  importSource: z.string().nullable(),
  importedAt: z.string().nullable(),
});
export type RunDetail = z.infer<typeof runDetailSchema>;
