import type { ReadInput } from './detect';
import { evidenceAt, type Draft } from './draft';
import { findAll } from './scan';

/** SigV4 basic format, `20140325T143453Z`. */
function parseAmzDate(value: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi, s);
}

function minutes(ms: number): string {
  const total = Math.round(Math.abs(ms) / 60000);
  return total >= 120 ? `${Math.round(total / 60)} hours` : `${total} minutes`;
}

const EXPIRED = /Signature expired: (\d{8}T\d{6}Z) is now earlier than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) - \d{1,3} min\.\)/g;
const NOT_YET = /Signature not yet current: (\d{8}T\d{6}Z) is still later than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) \+ \d{1,3} min\.\)/g;
const AMZ_DATE = /X-Amz-Date[:=]\s?(\d{8}T\d{6}Z)/gi;
const HTTP_DATE = /^Date:\s?([A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT)/gm;
const SKEW_LIMIT_MS = 5 * 60 * 1000;
/** S3's RequestTimeTooSkewed body names both clocks. */
const S3_TIMES = /<RequestTime>([^<]{8,40})<\/RequestTime>\s{0,20}<ServerTime>([^<]{8,40})<\/ServerTime>/g;

function parseAnyTime(value: string): number | null {
  const amz = parseAmzDate(value);
  if (amz !== null) return amz;
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * Measures clock skew where a text carries both clocks: AWS's own "Signature expired" message names
 * the signing time and the server time; a request/response pair carries X-Amz-Date and Date.
 */
export function clockSkewDrafts(input: ReadInput): Draft[] {
  const drafts: Draft[] = [];
  for (const [pattern, direction] of [[EXPIRED, 'behind'], [NOT_YET, 'ahead of']] as const) {
    for (const hit of findAll(input.text, pattern, 3)) {
      const signed = parseAmzDate(hit.groups[0] ?? '');
      const server = parseAmzDate(hit.groups[1] ?? '');
      if (signed === null || server === null) continue;
      drafts.push({
        class: 'clock_skew',
        severity: 'error',
        explanation: `The request was signed at ${hit.groups[0]} while AWS's clock read ${hit.groups[1]}: the signer's clock is about ${minutes(server - signed)} ${direction} AWS (or the request waited that long before being sent).`,
        evidence: [evidenceAt(input, hit.start, hit.end)],
        confidence: 0.9,
      });
    }
  }
  for (const hit of findAll(input.text, S3_TIMES, 3)) {
    const requested = parseAnyTime(hit.groups[0] ?? '');
    const server = parseAnyTime(hit.groups[1] ?? '');
    if (requested === null || server === null) continue;
    drafts.push({
      class: 'clock_skew',
      severity: 'error',
      explanation: `The request said it was ${hit.groups[0]}; AWS's clock said ${hit.groups[1]}: ${minutes(server - requested)} ${server > requested ? 'behind' : 'ahead'}.`,
      evidence: [evidenceAt(input, hit.start, hit.end)],
      confidence: 0.9,
    });
  }
  const signed = findAll(input.text, AMZ_DATE, 1)[0];
  const served = findAll(input.text, HTTP_DATE, 1)[0];
  if (signed && served) {
    const signedAt = parseAmzDate(signed.groups[0] ?? '');
    const servedAt = Date.parse(served.groups[0] ?? '');
    if (signedAt !== null && Number.isFinite(servedAt) && Math.abs(servedAt - signedAt) > SKEW_LIMIT_MS) {
      drafts.push({
        class: 'clock_skew',
        severity: 'error',
        explanation: `The request carries X-Amz-Date ${signed.groups[0]} but AWS answered with Date ${served.groups[0]}: ${minutes(servedAt - signedAt)} apart, beyond the 5-minute window.`,
        evidence: [evidenceAt(input, signed.start, signed.end), evidenceAt(input, served.start, served.end)],
        confidence: 0.85,
      });
    }
  }
  return drafts;
}
