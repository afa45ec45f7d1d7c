import type { AppInfo } from '../../../shared/app/schema';
import { appInfo } from '../../app/app-info';
import { parseFlags } from '../args';
import { EXIT, type Command } from '../command';
import { withServices } from '../context';
import { printJson } from '../io';

const FLAGS = { json: { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

function formatInfo(info: AppInfo): string {
  return [
    `${info.name} ${info.version}`,
    `Node.js ${info.versions.node}, SQLite ${info.versions.sqlite}, ${info.platform} ${info.arch}`,
    `Data folder:  ${info.paths.userData}`,
    `Database:     ${info.paths.database} (schema ${info.schemaVersion})`,
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
    'whether the OS keychain is reachable (with the fix when it is not).',
    '',
    '  --json             Print JSON instead of text',
    '  --data-dir <dir>   Use this data folder instead of the app’s (also AWB_DATA_DIR)',
  ].join('\n'),
  flags: FLAGS,
  hints: { 'data-dir': 'dir' },
  async run(argv, io) {
    const { values } = parseFlags(argv, FLAGS);
    const info = await withServices({ dataDir: values['data-dir'] }, appInfo);
    if (values.json) printJson(io, info);
    else io.stdout(formatInfo(info));
    return EXIT.ok;
  },
};
