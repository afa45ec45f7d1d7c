import { historyQuerySchema } from '../../../shared/history/schema';
import { numberFlag, parseFlags, validateFlags } from '../args';
import { EXIT, runSubCommand, type CliIo, type Command } from '../command';
import { withServices } from '../context';
import { printJson } from '../io';

const LIST_FLAGS = { json: { type: 'boolean' }, limit: { type: 'string' }, search: { type: 'string' }, db: { type: 'string' } } as const;

async function list(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, LIST_FLAGS);
  const query = validateFlags(
    historyQuerySchema,
    { limit: numberFlag(values.limit), search: values.search },
    { limit: '--limit', search: '--search' },
  );
  const page = await withServices({ databasePath: values.db, readOnly: true }, (services) => services.history.list(query));
  if (values.json) {
    printJson(io, page);
  } else {
    const rows = page.runs.map(
      (r) => `${r.startedAt}  ${r.kind.padEnd(6)}${r.status.padEnd(12)}${(r.connectorIdentifier ?? '').padEnd(28)}${r.id}`,
    );
    io.stdout([...rows, `${page.runs.length} of ${page.total} runs`, ''].join('\n'));
  }
  return EXIT.ok;
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'List recorded tests and sweeps',
  usage: [
    'Usage: awb history list [--json] [--limit <n>] [--search <text>] [--db <path>]',
    '',
    'Lists runs, newest first: when, test or sweep, status (passed, failed, cancelled, timeout, running, or',
    'interrupted when its process was killed), connector, run id. The history is only read: a read-only',
    'data folder or a full disk still lists it, and a missing file is an empty history.',
    '',
    '  --json            Print {"runs": [...], "total": n}',
    '  --limit <n>       At most n runs, 1 to 1000 (default 100, as in the app)',
    '  --search <text>   Only runs whose connector Id or run id contains the text',
    "  --db <path>       Read this SQLite file instead of the app's history",
  ].join('\n'),
  subcommands: { list: LIST_FLAGS },
  hints: { db: 'file' },
  run: (argv, io) => runSubCommand(argv, io, { list }, 'a sub-command is required (list).'),
};
