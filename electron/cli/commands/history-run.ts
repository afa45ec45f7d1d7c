import { stringify } from 'yaml';
import type { RunComparison } from '../../../shared/history/compare';
import type { RunDetail } from '../../../shared/history/detail';
import { pruneRequestSchema } from '../../../shared/history/retention';
import { historyQuerySchema, instantSchema, type HistoryPage } from '../../../shared/history/schema';
import { breaksOf, type ConnectorTrend } from '../../../shared/history/trend';
import { compareInHistory, requireRun } from '../../app/history-runs';
import { numberFlag, parseFlags, requireFlag, validateFlags } from '../args';
import { EXIT, runSubCommand, UsageError, type CliIo } from '../command';
import { withServices } from '../context';
import { printJson } from '../io';
import { COMPARE_FLAGS, DELETE_FLAGS, LIST_FLAGS, PRUNE_FLAGS, SHOW_FLAGS, TREND_FLAGS } from './history';
import { formatRun } from './run-output';

const LIST_FLAG_NAMES = {
  limit: '--limit',
  offset: '--offset',
  search: '--search',
  connector: '--connector',
  kind: '--kind',
  status: '--status',
  errorClass: '--class',
  region: '--region',
  since: '--since',
  until: '--until',
  sort: '--sort',
  order: '--order',
};

function formatPage(page: HistoryPage): string {
  const rows = page.runs.map(
    (r) => `${r.startedAt}  ${r.kind.padEnd(6)}${r.status.padEnd(12)}${(r.connectorIdentifier ?? '').padEnd(28)}${r.id}`,
  );
  return [...rows, `${page.runs.length} of ${page.total} runs`, ''].join('\n');
}

async function list(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, LIST_FLAGS);
  if (values.imported && values.local) throw new UsageError('--imported and --local exclude each other.');
  const query = validateFlags(
    historyQuerySchema,
    {
      limit: numberFlag(values.limit),
      offset: numberFlag(values.offset),
      search: values.search,
      connector: values.connector,
      kind: values.kind,
      status: values.status?.split(',').map((s) => s.trim()),
      errorClass: values.class,
      region: values.region,
      since: values.since,
      until: values.until,
      imported: values.imported ? true : values.local ? false : undefined,
      sort: values.sort,
      order: values.order,
    },
    LIST_FLAG_NAMES,
  );
  const page = await withServices({ databasePath: values.db, readOnly: true }, (services) => services.history.list(query));
  if (values.json) printJson(io, page);
  else io.stdout(formatPage(page));
  return EXIT.ok;
}

/** Exactly one run id, as a positional argument. */
function runIdOf(positionals: readonly string[], what: string): string {
  const [id, ...extra] = positionals;
  if (!id || extra.length > 0) throw new UsageError(`give exactly one run id${what}.`);
  return id;
}

function formatDetail(detail: RunDetail, database: string): string {
  const source = detail.imported
    ? `imported from ${detail.importSource ?? 'a report'} on ${detail.importedAt ?? 'an unknown date'}`
    : 'local';
  const meta = [
    `Started ${detail.result.startedAt}, ${detail.result.durationMs} ms, app ${detail.appVersion}, ${source}`,
    '',
    'Options:',
    ...Object.entries(detail.options).map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`),
    '',
    'Connector as tested (secret references only):',
    ...stringify(detail.connector)
      .trimEnd()
      .split('\n')
      .map((line) => `  ${line}`),
    '',
  ];
  return `${formatRun(detail.result, database)}${meta.join('\n')}`;
}

async function show(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, SHOW_FLAGS);
  const runId = runIdOf(positionals, ': awb history show <run-id>');
  await withServices({ databasePath: values.db, readOnly: true }, (services) => {
    const detail = requireRun(services, runId);
    if (values.json) printJson(io, detail.result);
    else io.stdout(formatDetail(detail, services.paths.database));
  });
  return EXIT.ok;
}

const SIDE = (side: { status: string; class: string | null; durationMs: number } | null) =>
  side ? `${side.status}${side.class ? ` ${side.class}` : ''} ${side.durationMs} ms` : '—';

function formatComparison(comparison: RunComparison): string {
  const lines = [comparison.headline, '', `a: ${comparison.a.runId} ${comparison.a.startedAt} ${comparison.a.status}`];
  lines.push(`b: ${comparison.b.runId} ${comparison.b.startedAt} ${comparison.b.status}`, '');
  for (const region of comparison.regions) {
    lines.push(`  ${region.region.padEnd(16)}${(region.a ?? '—').padEnd(9)}→ ${region.b ?? '—'}`);
    for (const check of region.checks.filter((c) => c.change !== 'unchanged' || c.timing)) {
      const timing = check.timing ? ` (${check.timing})` : '';
      lines.push(`      ${check.change.padEnd(10)}${check.name.padEnd(25)}${SIDE(check.a)} → ${SIDE(check.b)}${timing}`);
    }
  }
  const { fixed, broke, changed, unchanged } = comparison.summary;
  lines.push('', `${fixed} fixed, ${broke} broke, ${changed} changed, ${unchanged} unchanged`, '');
  return lines.join('\n');
}

async function compare(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, COMPARE_FLAGS);
  const [a, b, ...extra] = values.previous ? [undefined, ...positionals] : positionals;
  if (!b || extra.length > 0) throw new UsageError('give two run ids (earlier, then later), or one with --previous.');
  const comparison = await withServices({ databasePath: values.db, readOnly: true }, (services) => compareInHistory(services, b, a));
  if (values.json) printJson(io, comparison);
  else io.stdout(formatComparison(comparison));
  return EXIT.ok;
}

const MARKS = { pass: '✓', fail: '✗', skipped: '·' } as const;

function formatTrend(trend: ConnectorTrend): string {
  if (trend.regions.length === 0) return `No runs of ${trend.connector} in history.\n`;
  const lines = trend.regions.flatMap(({ region, points }) => {
    const latest = points.at(-1);
    const breaks = breaksOf(points).map((p) => `broke ${p.startedAt.slice(0, 10)}: ${p.class ?? 'failed'}`);
    const head = `  ${region.padEnd(16)}${points.map((p) => MARKS[p.status]).join('')}  last ${latest?.durationMs ?? 0} ms`;
    return [head, ...breaks.map((text) => `      ${text}`)];
  });
  return [`${trend.connector}: oldest run first (✓ pass, ✗ fail, · skipped)`, ...lines, ''].join('\n');
}

async function trend(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, TREND_FLAGS);
  if (positionals.length > 0) throw new UsageError('name the connector with --connector <id>.');
  const connector = requireFlag(values, 'connector');
  const since = values.since === undefined ? undefined : validateFlags(instantSchema, values.since, { '': '--since' });
  const result = await withServices({ databasePath: values.db, readOnly: true }, (services) =>
    services.history.trend({ connector, region: values.region, since, runs: 2000 }),
  );
  if (values.json) printJson(io, result);
  else io.stdout(formatTrend(result));
  return EXIT.ok;
}

async function remove(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, DELETE_FLAGS);
  if (positionals.length === 0) throw new UsageError('give the ids of the runs to delete.');
  const deleted = await withServices({ databasePath: values.db }, (services) => services.history.delete(positionals));
  io.stdout(`Deleted ${deleted} run${deleted === 1 ? '' : 's'}.\n`);
  if (deleted === positionals.length) return EXIT.ok;
  io.stderr(`awb history delete: ${positionals.length - deleted} of the ${positionals.length} ids are not in history.\n`);
  return EXIT.usage;
}

async function prune(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, PRUNE_FLAGS);
  const request = validateFlags(
    pruneRequestSchema,
    { olderThanDays: numberFlag(values['older-than']), keep: numberFlag(values.keep) },
    { olderThanDays: '--older-than', keep: '--keep', '': '--older-than or --keep' },
  );
  const result = await withServices({ databasePath: values.db }, (services) => services.history.prune(request));
  if (values.json) printJson(io, result);
  else io.stdout(`Deleted ${result.deleted} run${result.deleted === 1 ? '' : 's'}; ${result.kept} kept.\n`);
  return EXIT.ok;
}

export const run = (argv: readonly string[], io: CliIo) =>
  runSubCommand(
    argv,
    io,
    { list, show, compare, trend, delete: remove, prune },
    'a sub-command is required (list, show, compare, trend, delete or prune).',
  );
