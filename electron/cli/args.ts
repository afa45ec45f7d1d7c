import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { issueMessage } from '../../shared/validation-message';
import { UsageError, type Flags } from './command';

/** Strict flag parsing: an unknown flag or a missing value is a usage error, never a guess. */
export function parseFlags<O extends Flags>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function requireFlag(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.length === 0) throw new UsageError(`--${name} is required.`);
  return value;
}

/**
 * A numeric flag as the schema will see it: digits become a number; anything else stays text, so
 * the schema reports "expected number" for that flag instead of a NaN.
 */
export function numberFlag(value: string | undefined): number | string | undefined {
  return value !== undefined && /^\d{1,15}$/.test(value) ? Number(value) : value;
}

/**
 * Parses what the flags became with the same schema the window's call is parsed with. A problem is
 * reported by the flag that caused it (`flags` maps a path like `options.timeoutMs` to `--timeout-ms`)
 * and by what was expected; the value is never quoted, as it may be a secret typed in the wrong place.
 */
export function validateFlags<S extends z.ZodType>(schema: S, value: unknown, flags: Readonly<Record<string, string>>): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(String).join('.');
    const flag = flags[path] ?? flags[issue.path.map(String)[0] ?? ''] ?? (path || 'input');
    return `${flag}: ${issueMessage(issue)}`;
  });
  throw new UsageError(lines.join('\n'));
}
