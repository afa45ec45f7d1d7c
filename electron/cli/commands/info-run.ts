import { existsSync } from 'node:fs';
import type { AppInfo } from '../../../shared/app/schema';
import { AppError } from '../../../shared/errors';
import { appInfo } from '../../app/app-info';
import { parseFlags } from '../args';
import { EXIT, type CliIo } from '../command';
import { withServices } from '../context';
import { printJson } from '../io';
import { FLAGS } from './info';

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

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
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
}
