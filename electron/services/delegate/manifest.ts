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

export function parseManifest(text: string): ParsedManifest {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
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
