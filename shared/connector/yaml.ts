import { yamlNestingProblem } from '../yaml-depth';
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, stringify, visit, type Document, type Node } from 'yaml';
import type { ConnectorIssue, PathSegment } from './issues';
import type { ConnectorDocument } from './schema';
import { checkConnectorDocument } from './validate';

/** A located issue: where in the text it is, 1-based, as editors count. */
export interface YamlIssue extends ConnectorIssue {
  readonly line: number;
  readonly column: number;
}

export interface YamlImport {
  readonly document: ConnectorDocument | null;
  readonly errors: readonly YamlIssue[];
  readonly warnings: readonly YamlIssue[];
}

/** Connector files are a few kilobytes; anything far larger is a mistake or an attack, refused before parsing. */
export const MAX_YAML_BYTES = 1024 * 1024;
const MAX_ALIASES = 100;

type Located = { line: number; column: number };

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/**
 * The position of a path in the YAML tree: the key of the deepest mapping entry that exists (so a
 * missing `secretKeyRef` points at its `spec:`), or the item for a list index.
 */
function locate(root: Node | null, path: readonly PathSegment[], lines: LineCounter): Located {
  let node: unknown = root;
  let offset = root?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && String(keyOf(item.key)) === String(segment));
      if (!pair) break;
      const key = pair.key as Node | null;
      offset = key?.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

function at(issue: ConnectorIssue, where: Located): YamlIssue {
  return { ...issue, ...where };
}

/** A file refused as a whole: one error at its start (or at `path`), no document. */
function refused(message: string, path: YamlIssue['path'] = []): YamlImport {
  return { document: null, warnings: [], errors: [{ path, line: 1, column: 1, severity: 'error', message }] };
}

/** Reads Harness connector YAML (or its JSON form) into the model; every problem comes with line and column. */
export function importConnectorYaml(text: string): YamlImport {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_YAML_BYTES) {
    const size = (bytes / 1024 / 1024).toFixed(1);
    return refused(`This file is ${size} MB; a connector YAML is a few kilobytes. Check that it is the right file.`);
  }
  const tooDeep = yamlNestingProblem(text);
  if (tooDeep) return refused(`This is not a connector Harness would accept: ${tooDeep}.`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      document: null,
      warnings: [],
      errors: doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { path: [], line, column: col, severity: 'error' as const, message: `YAML syntax: ${error.message.split('\n')[0]}` };
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // The one way toJS fails on a parsed document: aliases expanding past the limit (a "billion laughs" file).
    return refused(`YAML refused: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('connector' in value)) {
    return refused('This is not a Harness connector file: it has no top-level connector: key.', ['connector']);
  }
  const check = checkConnectorDocument(value);
  const located = check.issues.map((issue) => at(issue, locate(doc.contents, issue.path, lines)));
  return {
    document: check.document,
    errors: located.filter((issue) => issue.severity === 'error'),
    warnings: located.filter((issue) => issue.severity === 'warning'),
  };
}

const STYLE = { indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0, nullStr: 'null' } as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function sameData(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameData(item, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameData(a[key], b[key]));
  }
  return Object.is(a, b);
}

/** Changes only what differs, so comments and untouched values of the source stay as they were. */
function patch(doc: Document, path: PathSegment[], before: unknown, after: unknown): void {
  if (sameData(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of Object.keys(before)) if (!Object.hasOwn(after, key)) doc.deleteIn([...path, key]);
    for (const [key, value] of Object.entries(after)) patch(doc, [...path, key], before[key], value);
    return;
  }
  doc.setIn(path, after);
}

/**
 * Writes a connector as Harness writes it: block style, two-space indent, lists indented under their
 * key, no line folding (ARNs and descriptions stay on one line), nulls written as `null`.
 *
 * Given the text it was imported from, the export is that text when nothing changed (byte for byte,
 * flow style and comments included); after an edit only the changed values are rewritten, comments
 * are kept, and flow collections are laid out in Harness's block style.
 */
export function exportConnectorYaml(document: ConnectorDocument, source?: string): string {
  if (source === undefined) return stringify(document, STYLE);
  const original = parseDocument(source, { uniqueKeys: true });
  if (original.errors.length > 0) return stringify(document, STYLE);
  const before: unknown = original.toJS({ maxAliasCount: MAX_ALIASES });
  if (sameData(before, document)) return source;
  patch(original, [], before, document);
  visit(original, {
    // Empty collections have no block form; they stay `{}` and `[]`.
    Map: (_key, node) => void (node.items.length > 0 && (node.flow = false)),
    Seq: (_key, node) => void (node.items.length > 0 && (node.flow = false)),
  });
  return original.toString(STYLE);
}
