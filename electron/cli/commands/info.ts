import { existsSync } from 'node:fs';
import type { AppInfo } from '../../../shared/app/schema';
import { AppError } from '../../../shared/errors';
import { appInfo } from '../../app/app-info';
import { parseFlags } from '../args';
import { EXIT, type Command } from '../command';
import { withServices } from '../context';
import { printJson } from '../io';

const FLAGS = { json: { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

function formatInfo(info: AppInfo): string {
  const schema = existsSync(info.paths.database) ? `schema ${info.schemaVersion}` : 'not created yet: the first run creates it';
  return [
    `${info.name} ${info.version}`,
    `Node.js ${info.versions.node}, SQLite ${info.versions.sqlite}, ${info.platform} ${info.arch}`,
    `Data folder:  ${info.paths.userData}`,
    `Database:     ${info.paths.database} (${schema})`,
    `Keychain:     ${info.keychain.available ? 'available' : 'UNAVAILABLE'}: ${info.keychain.message}`,
    ...(info.keychain.fix ? [`  Fix: ${info.keychain.fix}`] : []),
    ...info.notices.map((notice) => `Notice: ${notice.message}`),
    '',
  ].join('\n');
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'Versions, data folder, database and keychain status',
  usage: [
    'Usage: awb info [--json] [--data-dir <folder>]',
    '',
    'Prints what the About view shows: versions, where data is stored, the database schema version and',
    'whether the OS keychain is reachable (with the fix when it is not). The history is only read, so this',
    'works on a read-only data folder or a full disk; it then exits 2 after printing, with why runs cannot',
    'be recorded there and the fix.',
    '',
    '  --json             Print JSON instead of text',
    '  --data-dir <dir>   Use this data folder instead of the app’s (also AWB_DATA_DIR)',
  ].join('\n'),
  flags: FLAGS,
  hints: { 'data-dir': 'dir' },
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS);
    const [info, problem] = await withServices(
      { dataDir: values['data-dir'], readOnly: true },
      async (services) => [await appInfo(services), services.historyWriteProblem()] as const,
    );
    if (values.json) printJson(io, info);
    else io.stdout(formatInfo(info));
    // After the report, so the diagnostic still shows everything else; the error boundary says why and how to fix it.
    if (problem) throw new AppError(problem.class, `${problem.message} Runs cannot be recorded there.`, problem.fix);
    return EXIT.ok;
  },
};
