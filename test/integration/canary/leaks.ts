import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A random secret of letters and digits: any run of its characters found elsewhere can only be a leak. */
export function canary(length: number): string {
  let out = '';
  while (out.length < length) out += randomBytes(length).toString('base64').replace(/[+/=]/g, '');
  return out.slice(0, length);
}

/** A quote this long of a canary counts as a leak: parsers' messages quote ten characters of the input. */
const FRAGMENT = 10;

function fragmentsOf(value: string): string[] {
  return Array.from({ length: value.length - FRAGMENT + 1 }, (_, i) => value.slice(i, i + FRAGMENT));
}

/**
 * The runs of base64 characters that every base64 encoding of a text holding `value` contains,
 * whatever the value's offset: each of the three byte alignments gives one such core.
 */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value);
  return [0, 1, 2].map((skip) => {
    const aligned = bytes.subarray(skip, skip + Math.floor((bytes.length - skip) / 3) * 3);
    return aligned.toString('base64');
  });
}

/** The forms a leaked value may take in a file or a JSON reply: itself, any part of it, base64 at any offset. */
function needlesOf(value: string): string[] {
  return [value, ...fragmentsOf(value), ...base64Cores(value)];
}

/** Every file under `dir`, recursively, with its bytes. */
export function filesUnder(dir: string): Array<{ path: string; bytes: Buffer }> {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: readFileSync(path) };
    });
}

/** `name in where` for every canary found, in UTF-8 or UTF-16 (SQLite may store text either way). */
export function findCanaries(
  canaries: Readonly<Record<string, string>>,
  haystacks: ReadonlyArray<{ where: string; bytes: Buffer }>,
): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(canaries)) {
    const forms = needlesOf(value).flatMap((needle) => [needle, Buffer.from(needle, 'utf16le')].map((form) => ({ needle, form })));
    for (const { where, bytes } of haystacks) {
      const hit = forms.find(({ form }) => bytes.includes(form));
      if (hit) found.push(`${name} (as ${hit.needle === value ? 'itself' : `${hit.needle.slice(0, 24)}…`}) in ${where}`);
    }
  }
  return found;
}
