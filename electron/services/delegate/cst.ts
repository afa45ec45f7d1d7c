import { CST, Document, Parser, isScalar, type Scalar, type YAMLMap } from 'yaml';
import { AppError } from '../../../shared/errors';

/**
 * Edits made on the concrete syntax tree, so that everything not edited is written back exactly as
 * it was read: comments, blank lines, indentation, quoting, key order and the other documents. New
 * content is produced by the `yaml` stringifier and parsed into tokens before it is spliced in.
 */

type BlockMapItem = CST.BlockMap['items'][number];

function space(indent: number): CST.SourceToken {
  return { type: 'space', offset: 0, indent: 0, source: ' '.repeat(indent) };
}

function newline(): CST.SourceToken {
  return { type: 'newline', offset: 0, indent: 0, source: '\n' };
}

function stringifyYaml(value: unknown): string {
  return new Document(value).toString({ lineWidth: 0 });
}

function indentLines(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}

function blockMapToken(map: YAMLMap, what: string): CST.BlockMap {
  const token = map.srcToken;
  if (token?.type !== 'block-map') {
    throw new AppError(
      'invalid_input',
      `${what} is written in flow style ({ … }), which cannot be edited without reformatting it.`,
      `Rewrite ${what} in block style (one key per line) and try again.`,
    );
  }
  return token;
}

/** Replaces a scalar's value, keeping its quoting style when the new value allows it. */
export function setScalar(node: Scalar, value: string): boolean {
  if (node.value === value) return false;
  const token = node.srcToken;
  if (!token) throw new Error('A scalar without its source token cannot be edited in place.');
  CST.setScalarValue(token, value);
  node.value = value;
  return true;
}

/** Sets `key: value` in a block map: the existing scalar is updated, or a new line is added. */
export function setMapValue(map: YAMLMap, key: string, value: string, what: string, position: 'first' | 'last'): boolean {
  const existing = map.get(key, true);
  if (isScalar(existing)) return setScalar(existing, value);
  if (existing !== undefined && existing !== null) {
    throw new AppError('invalid_input', `${what} has "${key}" but it is not a plain value.`, `Make "${key}" a single value and try again.`);
  }
  insertPair(map, key, value, what, position);
  return true;
}

/** Adds a new key (a value or a nested map) as the first or last entry of a block map. */
export function insertPair(map: YAMLMap, key: string, value: unknown, what: string, position: 'first' | 'last'): void {
  const token = blockMapToken(map, what);
  const indent = token.indent;
  const parsed = [...new Parser().parse(indentLines(stringifyYaml({ [key]: value }), indent))];
  const doc = parsed.find((t): t is CST.Document => t.type === 'document');
  const item = doc?.value?.type === 'block-map' ? doc.value.items[0] : undefined;
  if (!item) throw new Error('The yaml stringifier produced no mapping entry to insert.');

  if (position === 'first' && token.items.length > 0) {
    // The indentation before a map's first key lives in the parent's tokens, so the new first entry
    // inherits it and the entry it displaces gets its own.
    const first = token.items[0] as BlockMapItem;
    first.start = [space(indent), ...first.start];
    token.items.unshift({ ...item, start: [] });
    return;
  }
  let at = token.items.length;
  // Trailing comment or blank-line entries stay after the new key.
  while (at > 0 && isTrivia(token.items[at - 1] as BlockMapItem)) at -= 1;
  const start = CST.stringify(token).endsWith('\n') || at < token.items.length ? [space(indent)] : [newline(), space(indent)];
  token.items.splice(at, 0, { ...item, start: token.items.length === 0 ? [] : start });
}

function isTrivia(item: BlockMapItem): boolean {
  return item.key == null && item.sep == null && item.value == null;
}

/**
 * Inserts a new document after the one at `afterIndex` in the top-level tokens. The separator
 * copies the style of the document that follows (`---` and its blank lines) so the result reads as
 * if it had always been there.
 */
export function insertDocumentAfter(tokens: CST.Token[], after: CST.Document, value: unknown): void {
  const at = tokens.indexOf(after);
  if (at < 0) throw new Error('The anchor document is not among the manifest tokens.');
  const next = tokens.slice(at + 1).find((t): t is CST.Document => t.type === 'document');
  const separator = next ? leadingSeparator(next) : '---\n';
  const blankAfter = (after.end ?? [])
    .filter((t) => t.type === 'newline')
    .map((t) => t.source)
    .join('');
  const before = CST.stringify(after).endsWith('\n') ? '' : '\n';
  const text = `${before}${separator}${stringifyYaml(value)}${blankAfter}`;
  const inserted = [...new Parser().parse(text)];
  tokens.splice(at + 1, 0, ...inserted);
}

/** `---` and the newlines right after it, without any comment that belongs to the next document. */
function leadingSeparator(doc: CST.Document): string {
  const parts: string[] = [];
  for (const token of doc.start) {
    if (token.type === 'doc-start' || token.type === 'newline' || token.type === 'space') parts.push(token.source);
    else break;
  }
  const text = parts.join('');
  return text.startsWith('---') ? text : '---\n';
}

export function stringifyTokens(tokens: readonly CST.Token[]): string {
  return tokens.map((token) => CST.stringify(token)).join('');
}
