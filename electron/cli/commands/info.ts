import { appHandlers } from '../../main/handlers/app';
import { parseFlags } from '../args';
import { EXIT, type Command } from '../command';
import { openCliContext } from '../context';
import { printJson } from '../io';

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
  async run(argv, io) {
    const { values } = parseFlags(argv, { json: { type: 'boolean' }, 'data-dir': { type: 'string' } });
    const ctx = openCliContext(values['data-dir']);
    try {
      const info = await appHandlers(ctx)['app.info'](undefined, { sender: { url: '', isTopFrame: true }, emit: () => undefined });
      if (values.json) {
        printJson(io, info);
      } else {
        io.stdout(
          [
            `${info.name} ${info.version}`,
            `Node.js ${info.versions.node}, SQLite ${info.versions.sqlite}, ${info.platform} ${info.arch}`,
            `Data folder:  ${info.paths.userData}`,
            `Database:     ${info.paths.database} (schema ${info.schemaVersion})`,
            `Keychain:     ${info.keychain.available ? 'available' : 'UNAVAILABLE'}: ${info.keychain.message}`,
            ...(info.keychain.fix ? [`  Fix: ${info.keychain.fix}`] : []),
            ...info.notices.map((notice) => `Notice: ${notice.message}`),
            '',
          ].join('\n'),
        );
      }
      return EXIT.ok;
    } finally {
      ctx.close();
    }
  },
};
