import { REGION_PRESETS, sweepOptionsSchema } from '../../../shared/aws-test/input';
import { numberFlag, parseFlags, validateFlags } from '../args';
import type { CliIo } from '../command';
import { runFromCli } from './run-shared';
import { SWEEP_FLAGS } from './sweep';

/** A preset name as it is; anything else is a comma-separated list that the schema checks region by region. */
function regionsOf(value: string | undefined): unknown {
  if (value === undefined) return 'all';
  if ((REGION_PRESETS as readonly string[]).includes(value)) return value;
  return value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, SWEEP_FLAGS);
  const sweep = validateFlags(
    sweepOptionsSchema,
    {
      regions: regionsOf(values.regions),
      concurrency: numberFlag(values.concurrency),
      regionTimeoutMs: numberFlag(values['region-timeout-ms']),
    },
    { regions: '--regions', concurrency: '--concurrency', regionTimeoutMs: '--region-timeout-ms' },
  );
  return runFromCli(values, sweep, io);
}
