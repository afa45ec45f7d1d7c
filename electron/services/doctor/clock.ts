import type { Evidence } from '../../../shared/doctor/schema';
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

/** A text that names both clocks, and how to say what their difference means. */
interface ClockPair {
  readonly pattern: RegExp;
  readonly explain: (said: string, server: string, skewMs: number) => string;
}

/** AWS's own SigV4 messages name the signing time and the server time; only the direction differs. */
function signerClock(direction: 'behind' | 'ahead of'): ClockPair['explain'] {
  return (signed, server, skew) =>
    `The request was signed at ${signed} while AWS's clock read ${server}: the signer's clock is about ${minutes(skew)} ${direction} AWS (or the request waited that long before being sent).`;
}

const CLOCK_PAIRS: readonly ClockPair[] = [
  { pattern: EXPIRED, explain: signerClock('behind') },
  { pattern: NOT_YET, explain: signerClock('ahead of') },
  {
    pattern: S3_TIMES,
    explain: (requested, server, skew) =>
      `The request said it was ${requested}; AWS's clock said ${server}: ${minutes(skew)} ${skew > 0 ? 'behind' : 'ahead'}.`,
  },
];

function skewDraft(explanation: string, evidence: Evidence[], confidence: number): Draft {
  return { class: 'clock_skew', severity: 'error', explanation, evidence, confidence };
}

/**
 * Measures clock skew where a text carries both clocks: AWS's own "Signature expired" message names
 * the signing time and the server time; a request/response pair carries X-Amz-Date and Date.
 */
export function clockSkewDrafts(input: ReadInput): Draft[] {
  const drafts: Draft[] = [];
  for (const { pattern, explain } of CLOCK_PAIRS) {
    for (const hit of findAll(input.text, pattern, 3)) {
      const [said = '', server = ''] = hit.groups;
      const saidAt = parseAnyTime(said);
      const serverAt = parseAnyTime(server);
      if (saidAt === null || serverAt === null) continue;
      drafts.push(skewDraft(explain(said, server, serverAt - saidAt), [evidenceAt(input, hit.start, hit.end)], 0.9));
    }
  }
  const signed = findAll(input.text, AMZ_DATE, 1)[0];
  const served = findAll(input.text, HTTP_DATE, 1)[0];
  if (signed && served) {
    const signedAt = parseAmzDate(signed.groups[0] ?? '');
    const servedAt = Date.parse(served.groups[0] ?? '');
    if (signedAt !== null && Number.isFinite(servedAt) && Math.abs(servedAt - signedAt) > SKEW_LIMIT_MS) {
      drafts.push(
        skewDraft(
          `The request carries X-Amz-Date ${signed.groups[0]} but AWS answered with Date ${served.groups[0]}: ${minutes(servedAt - signedAt)} apart, beyond the 5-minute window.`,
          [evidenceAt(input, signed.start, signed.end), evidenceAt(input, served.start, served.end)],
          0.85,
        ),
      );
    }
  }
  return drafts;
}
