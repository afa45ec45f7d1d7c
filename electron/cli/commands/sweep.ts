import { lazyRun, type Command } from '../command';
import { RUN_FLAGS, RUN_FLAGS_USAGE, RUN_HINTS } from './run-flags';

export const SWEEP_FLAGS = {
  ...RUN_FLAGS,
  regions: { type: 'string' },
  concurrency: { type: 'string' },
  'region-timeout-ms': { type: 'string' },
} as const;

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Run the connection test across many regions at once',
  flags: SWEEP_FLAGS,
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
  run: lazyRun(() => import('./sweep-run')),
};
