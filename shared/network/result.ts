import { z } from 'zod';
import { errorClassSchema } from '../error-schema';

/** The hops of a connection, in order; `proxy` is the CONNECT through HTTPS_PROXY when one applies. */
export const PREFLIGHT_STEPS = ['dns', 'tcp', 'proxy', 'tls'] as const;

export const preflightStepSchema = z.object({
  name: z.enum(PREFLIGHT_STEPS),
  status: z.enum(['pass', 'fail', 'skipped']),
  durationMs: z.number(),
  /** What was reached: addresses for DNS, `address:port` for TCP, the TLS protocol, the proxy. */
  detail: z.string(),
  error: z.object({ code: z.string(), message: z.string(), class: errorClassSchema, fix: z.string() }).nullable(),
});
export type PreflightStep = z.infer<typeof preflightStepSchema>;

export const preflightTargetSchema = z.object({
  url: z.string(),
  host: z.string(),
  port: z.number().int(),
  proxy: z.string().nullable(),
  status: z.enum(['pass', 'fail']),
  steps: z.array(preflightStepSchema),
});
export type PreflightTarget = z.infer<typeof preflightTargetSchema>;

export const preflightResultSchema = z.object({
  startedAt: z.string(),
  durationMs: z.number(),
  status: z.enum(['pass', 'fail']),
  targets: z.array(preflightTargetSchema),
  /** Host names (with port) a firewall must allow, one per line, ready to hand to a network team. */
  allowlist: z.array(z.string()),
});
export type PreflightResult = z.infer<typeof preflightResultSchema>;
