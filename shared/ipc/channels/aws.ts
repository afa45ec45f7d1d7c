import { z } from 'zod';
import { REGION_PRESETS, sweepOptionsSchema, testOptionsSchema } from '../../aws-test/input';
import { runProgressSchema, runResultSchema } from '../../aws-test/result';
import { preflightResultSchema } from '../../network/result';
import { MAX_TOKEN_CHARS } from '../../oidc/claims';
import { channel } from '../define';

const connectorIdentifier = z.string().min(1).max(200);

/**
 * The renderer picks the run id, so it can cancel a run before its first progress event arrives. An
 * OIDC connector's run carries the Harness token the user pasted: used for this run, never stored,
 * recorded or returned.
 */
const runArgs = z.object({
  connectorIdentifier,
  options: testOptionsSchema.optional(),
  runId: z.uuid().optional(),
  webIdentityToken: z.string().min(1).max(MAX_TOKEN_CHARS).optional(),
});

export const awsChannels = {
  /** The connection test of a saved connector in its Test Region; progress after every check. */
  'test.run': channel({ args: runArgs.strict(), result: runResultSchema, progress: runProgressSchema }),
  /** The same test over many regions; progress after every check of every region. */
  'sweep.run': channel({
    args: runArgs.extend({ sweep: sweepOptionsSchema }).strict(),
    result: runResultSchema,
    progress: runProgressSchema,
  }),
  /**
   * Runs a recorded run again: the same connector as it was tested, regions and options, the secret
   * from the keychain. The new run can then be compared with the one it came from.
   */
  'test.rerun': channel({
    args: z.object({ fromRunId: z.string().min(1).max(200), runId: z.uuid().optional() }).strict(),
    result: runResultSchema,
    progress: runProgressSchema,
  }),
  /** Cancels a running test or sweep; it still ends, and is recorded, as cancelled. */
  'test.cancel': channel({
    args: z.object({ runId: z.uuid() }).strict(),
    result: z.object({ runId: z.string(), cancelled: z.boolean() }),
  }),
  /** DNS, TCP, proxy and TLS to every endpoint the test would call, and the firewall allowlist. */
  'preflight.run': channel({
    args: z
      .object({
        connectorIdentifier: connectorIdentifier.optional(),
        regions: z.union([z.enum(REGION_PRESETS), z.array(z.string().min(1).max(40)).min(1).max(100)]).optional(),
        endpointUrl: testOptionsSchema.shape.endpointUrl,
        fips: z.boolean().optional(),
        timeoutMs: z.number().int().min(100).max(60_000).default(5000),
      })
      .strict(),
    result: preflightResultSchema,
  }),
};
