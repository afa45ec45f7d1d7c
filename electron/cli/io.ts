import { closeSync, openSync, readSync } from 'node:fs';
import { UsageError, type CliIo } from './command';

/** An input the user named that cannot be read is bad usage (exit 2) with the reason, never a stack trace. */
function unreadable(path: string, error: unknown): UsageError {
  const code = (error as NodeJS.ErrnoException).code;
  return new UsageError(code === 'ENOENT' ? `${path} does not exist.` : `${path} cannot be read (${code ?? 'unknown error'}).`);
}

/** Reads an open file to its end, or to `maxBytes` when an input could be far larger than anything useful. */
function readBounded(fd: number, maxBytes: number): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const buffer = Buffer.alloc(1024 * 1024);
  let read: number;
  while (total < maxBytes && (read = readSync(fd, buffer, 0, Math.min(buffer.length, maxBytes - total), null)) > 0) {
    chunks.push(Buffer.from(buffer.subarray(0, read)));
    total += read;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The text of a file the user named, up to `maxBytes`; a folder is one that "cannot be read (EISDIR)". */
export function readInput(path: string, maxBytes = Number.POSITIVE_INFINITY): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw unreadable(path, error);
  }
  try {
    return readBounded(fd, maxBytes);
  } catch (error) {
    throw unreadable(path, error);
  } finally {
    closeSync(fd);
  }
}

/** Standard input to its end, up to `maxBytes`; read as a stream, so a terminal or a non-blocking pipe works too. */
export async function readStdin(maxBytes = Number.POSITIVE_INFINITY): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    const bytes = chunk as Buffer;
    chunks.push(bytes.subarray(0, maxBytes - total));
    total += bytes.length;
    if (total >= maxBytes) break;
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The --json output of every command: indented, one trailing newline. */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
