import { Composer, LineCounter, Parser, isCollection, isNode, isScalar, type CST, type Document, type Node } from 'yaml';

/**
 * A manifest parsed twice over the same tokens: the concrete syntax tree (every byte, comments and
 * blank lines included) is what edits change, the composed documents are what lookups read. The
 * composer keeps each node's source token, so a node found by path leads straight to its bytes.
 */
export interface ParsedManifest {
  readonly text: string;
  readonly tokens: CST.Token[];
  /** One entry per CST document token, in order. */
  readonly documents: ReadonlyArray<{ readonly token: CST.Document; readonly doc: Document.Parsed }>;
  readonly errors: ReadonlyArray<{ readonly message: string; readonly line: number; readonly offset: number }>;
  lineOf(offset: number): number;
}

/** A part of a text, by offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A line starting with `---` opens a document; YAML forbids such a line inside one, so no parse is needed to find them. */
const DOCUMENT_START = /^---(?:[ \t]|\r?$)/gm;

/** The documents of a YAML stream as spans of its text, each from its `---` line to the next. */
export function documentSpans(text: string): Span[] {
  const starts = [0];
  for (const marker of text.matchAll(DOCUMENT_START)) if (marker.index > 0) starts.push(marker.index);
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? text.length }));
}

/** Line starts from the whole text, so lines stay right when only some documents are parsed. */
function lineCounterOf(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineCounter.addNewLine(at + 1);
  return lineCounter;
}

/** A span's tokens, their offsets counted from the start of the whole text. */
function tokensOf(text: string, span: Span): CST.Token[] {
  const parser = new Parser();
  parser.offset = span.start;
  return [...parser.parse(text.slice(span.start, span.end))];
}

/**
 * Parses the whole manifest, or only the documents in `spans` (in order): node ranges, error
 * offsets and lines are positions in `text` either way.
 */
export function parseManifest(text: string, spans: readonly Span[] = [{ start: 0, end: text.length }]): ParsedManifest {
  const lineCounter = lineCounterOf(text);
  const tokens = spans.flatMap((span) => tokensOf(text, span));
  const docTokens = tokens.filter((token): token is CST.Document => token.type === 'document');
  const docs = [...new Composer({ keepSourceTokens: true }).compose(tokens)];
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const errors = docs.flatMap((doc) =>
    doc.errors.map((error) => ({
      message: error.message.split('\n')[0] ?? error.message,
      line: lineOf(error.pos[0]),
      offset: error.pos[0],
    })),
  );
  const documents = docTokens.map((token, index) => {
    const doc = docs[index];
    if (!doc) throw new Error('The YAML composer returned fewer documents than the parser found.');
    return { token, doc };
  });
  return { text, tokens, documents, errors, lineOf };
}

/** A string scalar at a path, or null when absent or not a string. */
export function stringAt(node: unknown, path: readonly (string | number)[]): string | null {
  const found = nodeAt(node, path);
  return isScalar(found) && typeof found.value === 'string' ? found.value : null;
}

export function nodeAt(node: unknown, path: readonly (string | number)[]): Node | null {
  let current: unknown = node;
  for (const key of path) {
    if (!isCollection(current)) return null;
    current = current.get(key, true);
  }
  return isNode(current) ? current : null;
}
