import { lazyRun, type Command } from '../command';

export const FLAGS = { json: { type: 'boolean' }, 'data-dir': { type: 'string' } } as const;

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
  run: lazyRun(() => import('./info-run')),
};
