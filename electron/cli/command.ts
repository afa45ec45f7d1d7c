import type { ParseArgsConfig } from 'node:util';

/** Exit codes every command shares: 0 all passed, 1 a check failed, 2 bad usage or unreadable input. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export type Flags = NonNullable<ParseArgsConfig['options']>;

/** What a shell offers for a flag's value or a positional argument. */
export type ValueHint = 'file' | 'dir' | readonly string[];

/**
 * One top-level word of `awb`. Its flags (or each sub-command's) are declared here, once: the
 * command parses with them and `awb completion` is generated from them.
 */
export interface Command {
  readonly name: string;
  readonly summary: string;
  /** Shown by `awb help <name>` and on a usage error. */
  readonly usage: string;
  readonly flags?: Flags;
  readonly subcommands?: Readonly<Record<string, Flags>>;
  /** Values to offer, by flag name; `positional` for the arguments that are not flags. */
  readonly hints?: Readonly<Record<string, ValueHint>>;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}

/**
 * A command's implementation, loaded when the command runs: `awb --version` and every other command
 * start without its imports (schemas, parsers, the services).
 */
export function lazyRun(load: () => Promise<{ readonly run: Command['run'] }>): Command['run'] {
  return async (argv, io) => (await load()).run(argv, io);
}

export type SubCommand = (argv: readonly string[], io: CliIo) => number | Promise<number>;

/** Runs the sub-command the first word names (`awb connector validate …`); none or an unknown one is bad usage. */
export async function runSubCommand(
  argv: readonly string[],
  io: CliIo,
  subs: Readonly<Record<string, SubCommand>>,
  missing: string,
): Promise<number> {
  const [sub, ...rest] = argv;
  const run = sub && Object.hasOwn(subs, sub) ? subs[sub] : undefined;
  if (run) return run(rest, io);
  throw new UsageError(sub ? `unknown sub-command "${sub.slice(0, 40)}".` : missing);
}
