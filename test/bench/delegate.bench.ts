import { manifestDiff } from '../../shared/delegate/diff';
import { fixture } from '../unit/delegate/fixtures';
import { medianMs, type BenchResult } from './bench';

/** The largest manifest the delegate channels accept, in characters. */
const MAX_MANIFEST = 1_000_000;

/**
 * The fixture repeated as often as fits in `maxChars`, each copy's `name:` values suffixed with the
 * copy's number, as a big multi-delegate paste would have them: repeated text with unique names
 * keeps the diff from pairing a line with its twin in another copy.
 */
export function repeatedManifest(base: string, maxChars: number): string {
  const copies: string[] = [];
  let length = 0;
  for (let n = 1; ; n += 1) {
    const copy = `---\n${base.replace(/^(\s*(?:- )?name: )(.+)$/gm, `$1$2-${n}`)}`;
    if (length + copy.length > maxChars) break;
    copies.push(copy);
    length += copy.length;
  }
  return copies.join('');
}

/** The line numbers (1-based) a quarter, half and three quarters of the way through `text`. */
export function editedLineNumbers(text: string): number[] {
  const count = text.split('\n').length - 1;
  return [0.25, 0.5, 0.75].map((at) => Math.floor(count * at) + 1);
}

/** `text` with the lines at `editedLineNumbers` changed in place. */
export function editThreeLines(text: string): string {
  const edited = new Set(editedLineNumbers(text));
  return text
    .split('\n')
    .map((line, i) => (edited.has(i + 1) ? `${line} # edited` : line))
    .join('\n');
}

/**
 * How the diff's time grows with the manifest: a 1 MB manifest vs the 6 KB fixture, each with three
 * changed lines. A linear diff gives a ratio near the size ratio; the old quadratic one would need
 * its square (and a table of several GB, which it could not allocate).
 */
export async function benchDelegateDiff(): Promise<BenchResult> {
  const small = fixture('harness-delegate.yaml');
  const big = repeatedManifest(small, MAX_MANIFEST);
  const smallEdited = editThreeLines(small);
  const bigEdited = editThreeLines(big);
  // One small diff takes well under a millisecond, too short to time alone.
  const repeats = 200;
  manifestDiff(small, smallEdited);
  manifestDiff(big, bigEdited);
  const smallMs =
    (await medianMs(() => {
      for (let n = 0; n < repeats; n += 1) manifestDiff(small, smallEdited);
    }, 15)) / repeats;
  const bigMs = await medianMs(() => manifestDiff(big, bigEdited), 15);
  const sizeRatio = big.length / small.length;
  const lines = (text: string) => text.split('\n').length - 1;
  return {
    name: 'delegate diff time, 1 MB manifest vs fixture',
    ratio: bigMs / smallMs,
    detail:
      `median ${bigMs.toFixed(1)} ms for ${(big.length / 1e6).toFixed(2)} MB (${lines(big)} lines) vs ${smallMs.toFixed(3)} ms ` +
      `for ${(small.length / 1024).toFixed(1)} KB (${lines(small)} lines), 3 changed lines each; size ratio ${sizeRatio.toFixed(0)} ` +
      `(linear time gives a ratio near it, quadratic near ${(sizeRatio * sizeRatio).toFixed(0)})`,
  };
}
