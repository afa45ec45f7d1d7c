import { REGION_PRESETS, type SweepOptions } from '../../../shared/aws-test/input';
import { parseFlags } from '../args';
import { UsageError, type Command } from '../command';
import { millisecondsOf, RUN_FLAGS, RUN_FLAGS_USAGE, runFromCli } from './run-shared';

function regionsOf(value: string | undefined): SweepOptions['regions'] {
  if (value === undefined) return 'all';
  if ((REGION_PRESETS as readonly string[]).includes(value)) return value as (typeof REGION_PRESETS)[number];
  const list = value
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = list.find((r) => !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(r));
  if (list.length === 0 || bad !== undefined)
    throw new UsageError(
      `--regions takes all, commercial, gov, cn, reported or a list like us-east-1,eu-west-1${bad ? `; "${bad}" is not a region code` : ''}.`,
    );
  return list;
}

function concurrencyOf(value: string | undefined): number {
  if (value === undefined) return 8;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--concurrency must be a whole number from 1 to 64, not "${value}".`);
  return n;
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Run the connection test across many regions at once',
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
    const { values } = parseFlags(argv, {
      ...RUN_FLAGS,
      regions: { type: 'string' },
      concurrency: { type: 'string' },
      'region-timeout-ms': { type: 'string' },
    });
    const regionTimeoutMs = millisecondsOf('--region-timeout-ms', values['region-timeout-ms'], 900_000);
    return runFromCli(values, { regions: regionsOf(values.regions), concurrency: concurrencyOf(values.concurrency), regionTimeoutMs }, io);
  },
};
