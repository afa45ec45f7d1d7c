import { lazyRun, type Command } from '../command';

const DB = { db: { type: 'string' } } as const;
const JSON_FLAG = { json: { type: 'boolean' } } as const;

export const LIST_FLAGS = {
  ...JSON_FLAG,
  ...DB,
  limit: { type: 'string' },
  offset: { type: 'string' },
  search: { type: 'string' },
  connector: { type: 'string' },
  status: { type: 'string' },
  kind: { type: 'string' },
  class: { type: 'string' },
  region: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  imported: { type: 'boolean' },
  local: { type: 'boolean' },
  sort: { type: 'string' },
  order: { type: 'string' },
} as const;
export const SHOW_FLAGS = { ...JSON_FLAG, ...DB } as const;
export const COMPARE_FLAGS = { ...JSON_FLAG, ...DB, previous: { type: 'boolean' } } as const;
export const TREND_FLAGS = {
  ...JSON_FLAG,
  ...DB,
  connector: { type: 'string' },
  region: { type: 'string' },
  since: { type: 'string' },
} as const;
export const DELETE_FLAGS = { ...DB } as const;
export const PRUNE_FLAGS = { ...JSON_FLAG, ...DB, 'older-than': { type: 'string' }, keep: { type: 'string' } } as const;

const USAGE = `Usage:
  awb history list [filters] [--sort startedAt|connector|kind|status] [--order asc|desc] [--limit n] [--offset n] [--json]
      Runs, newest first: when, test or sweep, status (passed, failed, cancelled, timeout, running, or
      interrupted when its process was killed), connector, run id. Filters combine:
        --connector <id>  --kind test|sweep  --status passed,failed,...  --class <error class>
        --region <region>  --since <date>  --until <date>  --imported | --local  --search <text>
      Dates are 2026-12-03 (that day in UTC) or 2026-12-03T10:00:00Z; --since is inclusive, --until not.
      --json prints {"runs": [...], "total": n}.
  awb history show <run-id> [--json]
      One run as it was shown: regions, checks, classes and fixes, findings, what was tested and how.
      --json prints the same document awb test --json / awb sweep --json printed for it.
  awb history compare <a> <b> [--json]    |    awb history compare <b> --previous [--json]
      What changed from run a (earlier) to run b: fixed, broke, changed (class, added or removed
      region), and checks slower or faster beyond the noise (1.5 times and 250 ms).
  awb history trend --connector <id> [--region <r>] [--since <date>] [--json]
      Each region's status and duration over the connector's runs, oldest first; where it broke.
  awb history delete <run-id>...
      Deletes these runs and all their detail.
  awb history prune [--older-than <days>] [--keep <n>] [--json]
      Deletes local runs older than the days given, and/or all but the newest n of each connector.
      Imported runs are kept until deleted by hand.

Every sub-command takes --db <path> to use another SQLite file than the app's history. Only list, show,
compare and trend read; a read-only data folder still answers them.

Exit codes: 0 done, 2 bad usage, an unknown run id, or a history that cannot be read or written.`;

export const historyCommand: Command = {
  name: 'history',
  summary: 'Recorded tests and sweeps: list, show, compare, trend, delete, prune',
  usage: USAGE,
  subcommands: {
    list: LIST_FLAGS,
    show: SHOW_FLAGS,
    compare: COMPARE_FLAGS,
    trend: TREND_FLAGS,
    delete: DELETE_FLAGS,
    prune: PRUNE_FLAGS,
  },
  hints: {
    db: 'file',
    kind: ['test', 'sweep'],
    sort: ['startedAt', 'connector', 'kind', 'status'],
    order: ['asc', 'desc'],
  },
  run: lazyRun(() => import('./history-run')),
};
