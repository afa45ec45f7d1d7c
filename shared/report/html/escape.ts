import { MARK_WORDS, markRedactions } from '../redact/marks';
import type { Tone } from '../present';

/**
 * Every string from a run or a paste reaches the HTML through `text` or `esc`: all five characters
 * that could end a text node or an attribute value are escaped, so a hostile report is inert text.
 */
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Escaped text with each redaction marked, so a reader sees what was taken out and why. */
export function text(value: string): string {
  return markRedactions(value)
    .map((piece) =>
      piece.mark ? `<mark class="redacted" title="${esc(MARK_WORDS[piece.mark])}">${esc(piece.text)}</mark>` : esc(piece.text),
    )
    .join('');
}

/** Inline icons (no external resource, no font dependency), each next to the word it illustrates. */
const ICON_PATHS: Readonly<Record<Tone, string>> = {
  pass: 'M3.5 8.5l3 3 6-7',
  fail: 'M4.5 4.5l7 7M11.5 4.5l-7 7',
  warn: 'M8 2.5l6 11H2zM8 6.5v3.2M8 11.6v.2',
  skip: 'M4 8h8',
  info: 'M8 7v4.5M8 4.6v.2M8 1.8a6.2 6.2 0 100 12.4A6.2 6.2 0 008 1.8z',
};

export function icon(tone: Tone): string {
  return `<svg class="icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false"><path d="${ICON_PATHS[tone]}"/></svg>`;
}

/** A status: icon, word and colour together, so it reads in grayscale and for colour-blind readers. */
export function badge(tone: Tone, word: string): string {
  return `<span class="badge ${tone}">${icon(tone)}${esc(word)}</span>`;
}
