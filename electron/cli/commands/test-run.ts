import { parseFlags } from '../args';
import type { CliIo } from '../command';
import { RUN_FLAGS } from './run-flags';
import { runFromCli } from './run-shared';

export function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, RUN_FLAGS);
  return runFromCli(values, undefined, io);
}
