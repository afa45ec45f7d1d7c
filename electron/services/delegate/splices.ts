import { CST } from 'yaml';
import type { TextEdit } from '../../../shared/delegate/edits';

/** Where a top-level token's text started in the manifest, and what it was, before any edit. */
export type TokenSnapshot = ReadonlyMap<CST.Token, { readonly offset: number; readonly source: string }>;

export function snapshotTokens(text: string, tokens: readonly CST.Token[]): TokenSnapshot {
  const snapshot = new Map<CST.Token, { offset: number; source: string }>();
  let offset = 0;
  for (const token of tokens) {
    const source = CST.stringify(token);
    snapshot.set(token, { offset, source });
    offset += source.length;
  }
  if (offset !== text.length) throw new Error('The syntax tree does not cover the manifest text exactly.');
  return snapshot;
}

function lines(text: string): string[] {
  return text.split(/(?<=\n)/);
}

/** The changed whole lines of one token: the lines both versions start and end with are left out. */
function lineSplice(offset: number, before: string, after: string): TextEdit {
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail += 1;
  const skipped = a.slice(0, head).join('').length;
  return {
    offset: offset + skipped,
    deleteCount: a.slice(head, a.length - tail).join('').length,
    insert: b.slice(head, b.length - tail).join(''),
  };
}

/**
 * The edits that turn the snapshot's text into the tokens as they are now: one splice per changed
 * top-level token, holding only its changed lines, and one insertion per run of new tokens. A
 * document nobody edited yields nothing, so its text (a Secret's, say) is in no splice.
 */
export function spliceEdits(snapshot: TokenSnapshot, tokens: readonly CST.Token[]): TextEdit[] {
  const edits: TextEdit[] = [];
  let end = 0;
  let inserted = '';
  for (const token of tokens) {
    const original = snapshot.get(token);
    if (!original) {
      inserted += CST.stringify(token);
      continue;
    }
    if (inserted) edits.push({ offset: original.offset, deleteCount: 0, insert: inserted });
    inserted = '';
    const now = CST.stringify(token);
    if (now !== original.source) edits.push(lineSplice(original.offset, original.source, now));
    end = original.offset + original.source.length;
  }
  if (inserted) edits.push({ offset: end, deleteCount: 0, insert: inserted });
  return edits;
}
