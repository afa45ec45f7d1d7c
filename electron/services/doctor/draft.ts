import type { Evidence, FindingClass, Severity } from '../../../shared/doctor/schema';
import type { ReadInput } from './detect';

/** A finding before the class's title and generic fix steps are added. */
export interface Draft {
  readonly class: FindingClass;
  readonly severity: Severity;
  readonly title?: string;
  readonly explanation: string;
  readonly evidence: Evidence[];
  /** Steps specific to what was found; the class's generic steps follow them. */
  readonly fix?: readonly string[];
  readonly confidence: number;
  readonly decidingFacts?: readonly string[];
  readonly alternatives?: readonly { class: FindingClass; confidence: number }[];
}

const MAX_EVIDENCE_CHARS = 400;

export function evidenceAt(input: ReadInput, start: number, end: number): Evidence {
  const stop = Math.min(end, start + MAX_EVIDENCE_CHARS, input.text.length);
  return { input: input.index, text: input.text.slice(start, stop), start, end: stop };
}

/** The first place a literal value appears in an input (JSON and YAML values are found by their text). */
export function evidenceOf(input: ReadInput, needle: string): Evidence[] {
  if (needle.length === 0) return [];
  const at = input.text.indexOf(needle);
  return at < 0 ? [] : [evidenceAt(input, at, at + needle.length)];
}

/** The whole line at a 1-based line number, for issues that carry a line and column. */
export function evidenceOfLine(input: ReadInput, line: number): Evidence[] {
  let start = 0;
  for (let current = 1; current < line; current += 1) {
    const next = input.text.indexOf('\n', start);
    if (next < 0) return [];
    start = next + 1;
  }
  const newline = input.text.indexOf('\n', start);
  const end = newline < 0 ? input.text.length : newline;
  return end > start ? [evidenceAt(input, start, end)] : [];
}
