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

/** Median time of one diff of `before` against it with three changed lines, in milliseconds. */
async function msPerDiff(before: string): Promise<number> {
  const after = editThreeLines(before);
  // A small diff takes well under a millisecond, too short to time alone: every sample diffs about 1 MB.
  const repeats = Math.max(1, Math.round(MAX_MANIFEST / before.length));
  manifestDiff(before, after);
  const ms = await medianMs(() => {
    for (let n = 0; n < repeats; n += 1) manifestDiff(before, after);
  }, 15);
  return ms / repeats;
}

/**
 * How the diff's time grows with the manifest: a 1 MB manifest vs the 6 KB fixture, each with three
 * changed lines. A linear diff gives a ratio near the size ratio; the old quadratic one would need
 * its square. The search itself compares about one pair of lines per line at every size; what
 * costs more per KB in a big diff is allocating and collecting its tens of thousands of row objects
 * (about half the time at 250 KB and 1 MB under --trace-gc), while a 6 KB diff stays in cache. The
 * 250 KB point in the detail shows the curve between the two.
 */
export async function benchDelegateDiff(): Promise<BenchResult> {
  const small = fixture('harness-delegate.yaml');
  const middle = repeatedManifest(small, MAX_MANIFEST / 4);
  const big = repeatedManifest(small, MAX_MANIFEST);
  const [smallMs, middleMs, bigMs] = [await msPerDiff(small), await msPerDiff(middle), await msPerDiff(big)];
  const lines = (text: string) => text.split('\n').length - 1;
  const point = (text: string, ms: number) => `${ms.toFixed(3)} ms for ${(text.length / 1000).toFixed(0)} KB (${lines(text)} lines)`;
  return {
    name: 'delegate diff time, 1 MB manifest vs fixture',
    ratio: bigMs / smallMs,
    detail:
      `median ${point(big, bigMs)} vs ${point(small, smallMs)}, 3 changed lines each; size ratio ${(big.length / small.length).toFixed(0)} ` +
      `(linear time gives a ratio near it, quadratic near ${((big.length / small.length) ** 2).toFixed(0)}); ` +
      `${point(middle, middleMs)}: ratio ${(middleMs / smallMs).toFixed(0)} for size ratio ${(middle.length / small.length).toFixed(0)}`,
  };
}
