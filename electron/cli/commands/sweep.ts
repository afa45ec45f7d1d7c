import { REGION_PRESETS, sweepOptionsSchema } from '../../../shared/aws-test/input';
import { numberFlag, parseFlags, validateFlags } from '../args';
import type { Command } from '../command';
import { RUN_FLAGS, RUN_FLAGS_USAGE, RUN_HINTS, runFromCli } from './run-shared';

const FLAGS = {
  ...RUN_FLAGS,
  regions: { type: 'string' },
  concurrency: { type: 'string' },
  'region-timeout-ms': { type: 'string' },
} as const;

/** A preset name as it is; anything else is a comma-separated list that the schema checks region by region. */
function regionsOf(value: string | undefined): unknown {
  if (value === undefined) return 'all';
  if ((REGION_PRESETS as readonly string[]).includes(value)) return value;
  return value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Run the connection test across many regions at once',
  flags: FLAGS,
  hints: RUN_HINTS,
  usage: [
    'Usage: awb sweep --connector <file.yaml> [--regions all|commercial|gov|cn|reported|<r1,r2,…>] [--concurrency <n>] [options]',
    '',
    'The connection test in every region of the list, several at a time. Credentials are tested only in',
    'their own partition; the regions of other partitions are reported once. Opt-in regions that are not',
    'enabled, regions where STS is deactivated and regions an SCP denies each get their own finding.',
    '',
    '  --regions <set>               all (default), commercial, gov, cn, reported (the regions ec2:DescribeRegions',
    '                                lists for the account), or a comma-separated list',
    '  --concurrency <n>             Regions tested at the same time, 1 to 64 (default 8)',
    '  --region-timeout-ms <n>       Budget of one region across its steps (default 3 × --timeout-ms)',
    RUN_FLAGS_USAGE,
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS);
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
  },
};
