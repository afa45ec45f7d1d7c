import { z } from 'zod';
import { APP_ERROR_CLASSES, AWS_ERROR_CLASSES, type AppErrorValue } from './errors';

// Kept apart from errors.ts so that code which only throws and catches error values (the CLI's
// start-up path among it) does not load zod.
export const errorClassSchema = z.enum([...AWS_ERROR_CLASSES, ...APP_ERROR_CLASSES]);

export const appErrorSchema = z.object({
  class: errorClassSchema,
  message: z.string(),
  fix: z.string(),
}) satisfies z.ZodType<AppErrorValue>;
