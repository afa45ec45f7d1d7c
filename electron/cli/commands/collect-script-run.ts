import { chmod, writeFile } from 'node:fs/promises';
import { collectChannels } from '../../../shared/ipc/channels/collect';
import { collectScript } from '../../services/collect/generate';
import { parseFlags, validateFlags } from '../args';
import { EXIT, type CliIo } from '../command';
import { APP_VERSION } from '../version';
import { FLAGS } from './collect-script';

const FLAG_NAMES = { namespace: '--namespace', delegate: '--delegate', regions: '--regions', exec: '--exec' };

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, FLAGS);
  const options = validateFlags(
    collectChannels['collect.script'].args,
    {
      namespace: values.namespace,
      delegate: values.delegate,
      regions: values.regions?.split(',').map((region) => region.trim()),
      exec: values.exec ?? false,
    },
    FLAG_NAMES,
  );
  const script = collectScript(options, APP_VERSION);
  if (!values.out) {
    io.stdout(script.script);
    return EXIT.ok;
  }
  await writeFile(values.out, script.script, 'utf8');
  await chmod(values.out, 0o755);
  io.stderr(`Wrote ${values.out}. Send it with this note:\n\n${script.note}\n`);
  return EXIT.ok;
}
