import { isAppError } from '../../shared/errors';
import { redactSecrets } from '../../shared/redact';
import { EXIT, UsageError, type CliIo } from './command';

export interface BoundaryOptions {
  /** The command's name and usage, printed after a usage error. */
  readonly command?: { readonly name: string; readonly usage: string };
  /** `AWB_DEBUG=1`: the one way to see a stack trace. */
  readonly debug: boolean;
}

/**
 * The one place an `awb` failure becomes output: bad usage prints the reason and the usage; an error
 * value prints its message and fix; anything else prints one redacted line and how to see more.
 * Every path exits 2 (bad usage or input) or 1; none prints a stack trace unless asked to.
 */
export function reportFailure(error: unknown, io: CliIo, options: BoundaryOptions): number {
  const prefix = options.command ? `awb ${options.command.name}` : 'awb';
  if (error instanceof UsageError) {
    // The synopsis, not the whole help: the reason stays the first thing the user reads.
    const synopsis = options.command?.usage.split('\n\n')[0];
    const usage = options.command ? `\n\n${synopsis}\nRun awb ${options.command.name} --help for every option.` : '';
    io.stderr(`${prefix}: ${redactSecrets(error.message)}${usage}\n`);
    return EXIT.usage;
  }
  if (isAppError(error)) {
    io.stderr(`${prefix}: ${redactSecrets(error.value.message)}\n  fix: ${redactSecrets(error.value.fix)}\n`);
    return EXIT.usage;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const firstLine = redactSecrets(message.split('\n')[0] ?? '').slice(0, 300);
  io.stderr(`${prefix}: unexpected error: ${firstLine}\n  Rerun with AWB_DEBUG=1 to see where it happened, and report it.\n`);
  if (options.debug && error instanceof Error && error.stack) io.stderr(`${redactSecrets(error.stack)}\n`);
  return EXIT.usage;
}
