import { openDatabase } from '../../services/history/database';
import { HistoryService } from '../../services/history/history-service';
import { migrations } from '../../services/history/migrations';
import { parseFlags } from '../args';
import { EXIT, runSubCommand, UsageError, type CliIo, type Command } from '../command';
import { printJson } from '../io';
import { historyDatabasePath } from '../user-data';

function list(argv: readonly string[], io: CliIo): number {
  const { values } = parseFlags(argv, {
    json: { type: 'boolean' },
    limit: { type: 'string' },
    search: { type: 'string' },
    db: { type: 'string' },
  });
  const limit = Number(values.limit ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${values.limit}".`);
  const db = openDatabase(historyDatabasePath(values.db), { migrations });
  try {
    const page = new HistoryService(db).list({ limit, search: values.search });
    if (values.json) {
      printJson(io, page);
    } else {
      const rows = page.runs.map(
        (r) => `${r.startedAt}  ${r.kind.padEnd(6)}${r.status.padEnd(10)}${(r.connectorIdentifier ?? '').padEnd(28)}${r.id}`,
      );
      io.stdout([...rows, `${page.runs.length} of ${page.total} runs`, ''].join('\n'));
    }
    return EXIT.ok;
  } finally {
    db.close();
  }
}

export const historyCommand: Command = {
  name: 'history',
  summary: 'List recorded tests and sweeps',
  usage: [
    'Usage: awb history list [--json] [--limit <n>] [--search <text>] [--db <path>]',
    '',
    'Lists runs, newest first: when, test or sweep, status (passed, failed, cancelled, timeout), connector, run id.',
    '',
    '  --json            Print {"runs": [...], "total": n}',
    '  --limit <n>       At most n runs (default 50)',
    '  --search <text>   Only runs whose connector Id or run id contains the text',
    "  --db <path>       Read this SQLite file instead of the app's history",
  ].join('\n'),
  run: (argv, io) => runSubCommand(argv, io, { list }, 'a sub-command is required (list).'),
};
