/**
 * What an access key ID says about itself, offline. Since 2019 AWS encodes the owning account in the
 * key ID: characters 5 onward are base32; of the first 48 decoded bits, bit 47 marks the new format
 * and bits 46..7 hold the 12-digit account ID. Key IDs with a 5th character of I or J predate this and
 * carry no account.
 */
const PREFIXES: Readonly<Record<string, string>> = {
  AKIA: 'long-term access key of an IAM user (or root)',
  ASIA: 'temporary access key from STS (needs its session token)',
  AIDA: 'IAM user unique ID (not an access key)',
  AROA: 'IAM role unique ID (not an access key)',
  AGPA: 'IAM group unique ID (not an access key)',
  ANPA: 'managed policy unique ID (not an access key)',
  APKA: 'CloudFront public key ID (not an IAM access key)',
  ABIA: 'STS service bearer token ID',
  ACCA: 'context-specific credential ID',
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export interface AccessKeyAnalysis {
  readonly keyId: string;
  readonly prefix: string;
  readonly kind: 'long_term' | 'temporary' | 'other';
  readonly description: string;
  /** The 12-digit account ID, or null when the key ID predates the encoding or is malformed. */
  readonly accountId: string | null;
  readonly problems: readonly string[];
}

export function decodeAccountId(keyId: string): string | null {
  const body = keyId.slice(4, 14);
  if (body.length < 10) return null;
  let bits = 0n;
  for (const char of body) {
    const value = BASE32.indexOf(char);
    if (value < 0) return null;
    bits = (bits << 5n) | BigInt(value);
  }
  // 10 base32 characters = 50 bits; the account lives in the top 48.
  const top48 = bits >> 2n;
  if (top48 >> 47n === 0n) return null;
  const account = (top48 & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, '0');
}

export function analyzeAccessKeyId(keyId: string): AccessKeyAnalysis {
  const prefix = keyId.slice(0, 4);
  const description = PREFIXES[prefix] ?? 'unknown prefix';
  const kind = prefix === 'AKIA' ? 'long_term' : prefix === 'ASIA' ? 'temporary' : 'other';
  const problems: string[] = [];
  if (keyId.length !== 20) problems.push(`An access key ID has 20 characters; this one has ${keyId.length}.`);
  if (/[^A-Z2-7]/.test(keyId.slice(4)))
    problems.push('Characters after the prefix must be A-Z or 2-7; a copy-paste changed it (for example O↔0, I↔1).');
  const accountId = problems.length === 0 && kind !== 'other' ? decodeAccountId(keyId) : null;
  return { keyId, prefix, kind, description, accountId, problems };
}
