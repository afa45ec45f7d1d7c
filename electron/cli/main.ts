import { EXIT, type CliIo, type Command } from './command';
import { reportFailure } from './error-boundary';
import { redactSecrets } from '../../shared/redact';
import { commands } from './commands';
import { APP_NAME, APP_VERSION } from './version';

function helpText(list: readonly Command[]): string {
  const width = Math.max(8, ...list.map((c) => c.name.length));
  const lines = list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `awb ${APP_VERSION}: ${APP_NAME} on the command line.`,
    '',
    'Usage: awb <command> [options]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  Show the help of a command: awb help <command>`,
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Print the version',
    '',
    'Exit codes: 0 all passed, 1 a check failed, 2 bad usage or unreadable input.',
    '',
  ].join('\n');
}

export async function main(
  argv: readonly string[],
  io: CliIo,
  list: readonly Command[] = commands,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help') {
    io.stdout(helpText(list));
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${APP_VERSION}\n`);
    return EXIT.ok;
  }
  const name = first === 'help' ? rest[0] : first;
  const command = list.find((c) => c.name === name);
  if (!command) {
    io.stderr(`awb: unknown command "${redactSecrets((name ?? '').slice(0, 40))}". Run awb --help for the list.\n`);
    return EXIT.usage;
  }
  if (first === 'help' || rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    return reportFailure(error, io, { command, debug: env.AWB_DEBUG === '1' });
  }
}
