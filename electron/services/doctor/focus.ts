/**
 * A view of a large text reduced to the lines that can carry a failure, so the ~70 classifier rules
 * scan a few hundred kilobytes instead of a 10 MB log. Offsets in the view map back to the original,
 * so evidence still highlights the right place.
 */
export interface Focus {
  readonly text: string;
  toOriginal(offset: number): number;
}

/** Texts up to this size are read whole. */
export const FOCUS_THRESHOLD = 512 * 1024;
const KEEP_EACH_END = 256 * 1024;
const MAX_LINE = 2000;
/** Words every failure line carries in some form; one case-insensitive pass finds them. */
const TRIGGER =
  /error|exception|denied|fail|invalid|expired|unable|could not|cannot|timeout|timed out|refused|throttl|exceeded|not authorized|unauthori[sz]ed|forbidden|hint:|explanation:|certificate|not found|no such|169\.254|getaddrinfo|\b40[134]\b/gi;

export function focusText(text: string): Focus {
  if (text.length <= FOCUS_THRESHOLD) return { text, toOriginal: (offset) => offset };
  const segments: { start: number; end: number }[] = [];
  TRIGGER.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TRIGGER.exec(text)) !== null) {
    // Line bounds are searched only within the window: an unbounded search on a 10 MB line is quadratic.
    const windowStart = Math.max(0, match.index - MAX_LINE / 2);
    const before = text.slice(windowStart, match.index).lastIndexOf('\n');
    const start = before < 0 ? windowStart : windowStart + before + 1;
    const after = text.slice(match.index, start + MAX_LINE).indexOf('\n');
    const end = after < 0 ? Math.min(text.length, start + MAX_LINE) : match.index + after;
    const last = segments[segments.length - 1];
    if (last && start <= last.end + 1 && end - last.start <= 4 * MAX_LINE) last.end = Math.max(last.end, end);
    else segments.push({ start, end });
    TRIGGER.lastIndex = Math.max(end, match.index + 1);
  }
  const kept = pickEnds(segments);
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const segment of kept) {
    starts.push(length);
    parts.push(text.slice(segment.start, segment.end));
    length += segment.end - segment.start + 1;
  }
  const view = parts.join('\n');
  return {
    text: view,
    toOriginal(offset) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= offset) lo = mid;
        else hi = mid - 1;
      }
      const segment = kept[lo];
      return segment ? segment.start + offset - (starts[lo] ?? 0) : offset;
    },
  };
}

/** The first and last quarter-megabyte of candidate lines: where a log's failure and its outcome sit. */
function pickEnds(segments: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  let total = 0;
  for (const s of segments) total += s.end - s.start;
  if (total <= 2 * KEEP_EACH_END) return [...segments];
  const head: { start: number; end: number }[] = [];
  let size = 0;
  for (const s of segments) {
    if (size >= KEEP_EACH_END) break;
    head.push(s);
    size += s.end - s.start;
  }
  const tail: { start: number; end: number }[] = [];
  size = 0;
  for (let i = segments.length - 1; i >= head.length && size < KEEP_EACH_END; i -= 1) {
    const s = segments[i]!;
    tail.unshift(s);
    size += s.end - s.start;
  }
  return [...head, ...tail];
}
