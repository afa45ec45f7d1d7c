import { z } from 'zod';
import type { ValueLimits } from '../bounds';
import { appErrorSchema } from '../error-schema';

/** One IPC channel: the schema of its argument, of its result and, for long work, of its progress events. */
export interface ChannelSpec<
  A extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  P extends z.ZodType | undefined = z.ZodType | undefined,
> {
  readonly args: A;
  readonly result: R;
  readonly progress?: P;
  /** Size and depth the argument may have before its schema runs; the defaults suit a form's worth of data. */
  readonly limits?: Partial<ValueLimits>;
}

export function channel<A extends z.ZodType, R extends z.ZodType, P extends z.ZodType | undefined = undefined>(
  spec: ChannelSpec<A, R, P>,
): ChannelSpec<A, R, P> {
  return spec;
}

/** What every channel call resolves to: the value, or an error value. Calls never reject. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof appErrorSchema> };

export function ipcResultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: appErrorSchema })]);
}

/** Channels that take no argument use this, so the renderer calls them with nothing. */
export const noArgs = z.undefined();
