/**
 * Harness entity names and identifiers (reference §4). The identifier is generated from the name the
 * way the Harness UI does it and validated the way the backend does, so a connector this app accepts
 * is one Harness accepts.
 */

export const IDENTIFIER_MAX_LENGTH = 128;
export const NAME_MAX_LENGTH = 128;
/** Older Harness versions (and some entities) cap names at 64; longer names get a warning, not an error. */
export const NAME_PORTABLE_LENGTH = 64;

/**
 * The union of every reserved-word list Harness uses: the backend's NOT_ALLOWED_WORDS, the docs'
 * additions (`status`, `liteEngineTask`) and the UI's `illegalIdentifiers` (a subset). Case-sensitive.
 */
export const RESERVED_IDENTIFIERS: ReadonlySet<string> = new Set([
  'or',
  'and',
  'eq',
  'ne',
  'lt',
  'gt',
  'le',
  'ge',
  'div',
  'mod',
  'not',
  'null',
  'true',
  'false',
  'new',
  'var',
  'return',
  'step',
  'parallel',
  'stepGroup',
  'org',
  'account',
  'class',
  'shellScriptProvisioner',
  'status',
  'liteEngineTask',
]);

const IDENTIFIER_PATTERN = new RegExp(`^[a-zA-Z_][0-9a-zA-Z_$]{0,${IDENTIFIER_MAX_LENGTH - 1}}$`);

/** The backend's own message for a malformed identifier. */
export const IDENTIFIER_FORMAT_MESSAGE = `Identifier can be ${IDENTIFIER_MAX_LENGTH} characters long and can only contain alphanumeric, underscore and $ characters, and not start with a number or $`;

/**
 * Name → Id as the Harness UI's `getIdentifierFromName` does it, step for step: trim; drop the leading
 * run of digits, `-` and `$`; drop every character outside `[0-9a-zA-Z_$ ]`; each run of spaces
 * becomes one `_`. No lower-casing, no transliteration, no trimming after the strip, so the result
 * can still be invalid (that is what Harness does too, and validation then says why).
 */
export function identifierFromName(name: string): string {
  return name
    .trim()
    .replace(/^[0-9$-]+/, '')
    .replace(/[^0-9a-zA-Z_$ ]/g, '')
    .replace(/ +/g, '_');
}

/** Why an identifier is not acceptable to Harness, or `null` when it is. */
export function identifierError(identifier: string): string | null {
  if (identifier.length === 0) return 'Id is required.';
  if (!IDENTIFIER_PATTERN.test(identifier)) return IDENTIFIER_FORMAT_MESSAGE;
  if (RESERVED_IDENTIFIERS.has(identifier)) return `${identifier} is a keyword, so cannot be used`;
  return null;
}

/** Harness logs a warning for identifiers in its own system namespace. */
export function identifierWarning(identifier: string): string | null {
  return identifier.startsWith('_harness_system')
    ? 'Identifiers starting with _harness_system are reserved for Harness system entities.'
    : null;
}

const NAME_BACKEND_CHARS = /^[a-zA-Z0-9 _./-]*$/;
const NAME_UI_PATTERN = /^[A-Za-z0-9_.-][A-Za-z0-9 _.-]*$/;

/** Why a name is not acceptable to the Harness backend (`@NGEntityName`), or `null`. */
export function nameError(name: string): string | null {
  if (name.trim().length === 0) return 'Name is required.';
  if (name.length > NAME_MAX_LENGTH) return `Name can be at most ${NAME_MAX_LENGTH} characters long.`;
  if (!NAME_BACKEND_CHARS.test(name)) {
    return 'Name can only contain letters, digits, spaces and the characters - _ . /';
  }
  return null;
}

/** Names the backend accepts but the Harness UI or older versions would refuse. */
export function nameWarning(name: string): string | null {
  if (name.length > NAME_PORTABLE_LENGTH)
    return `Names longer than ${NAME_PORTABLE_LENGTH} characters are refused by older Harness versions.`;
  if (!NAME_UI_PATTERN.test(name)) return 'The Harness UI refuses names that start with a space or contain /; the API accepts them.';
  return null;
}
