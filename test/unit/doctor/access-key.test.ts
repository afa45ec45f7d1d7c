import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeAccessKeyId, decodeAccountId } from '../../../electron/services/doctor/access-key';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Builds a key ID the way AWS lays it out: flag bit, account in bits 46..7, arbitrary low bits and tail. */
function keyIdFor(prefix: string, account: bigint, low: number, tail: string): string {
  let bits = (1n << 47n) | (account << 7n) | BigInt(low & 0x7f);
  bits <<= 2n;
  let body = '';
  for (let i = 0; i < 10; i += 1) {
    body = BASE32[Number(bits & 31n)] + body;
    bits >>= 5n;
  }
  return `${prefix}${body}${tail}`;
}

describe('access key ID analysis', () => {
  it('decodes the account of a published example key ID', () => {
    // Example from Tal Be'ery's write-up of the encoding (ASIAY34FZKBOKMUTVV7A → 609629065308).
    expect(decodeAccountId('ASIAY34FZKBOKMUTVV7A')).toBe('609629065308');
    expect(analyzeAccessKeyId('ASIAY34FZKBOKMUTVV7A')).toMatchObject({ kind: 'temporary', accountId: '609629065308', problems: [] });
  });

  it('says the account is not encoded in pre-2019 key IDs (5th character I or J)', () => {
    expect(decodeAccountId('AKIAIOSFODNN7EXAMPLE')).toBeNull();
    expect(analyzeAccessKeyId('AKIAIOSFODNN7EXAMPLE')).toMatchObject({ kind: 'long_term', accountId: null });
  });

  it('round-trips any 12-digit account through the key ID layout', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 999_999_999_999n }),
        fc.integer({ min: 0, max: 127 }),
        fc.stringMatching(/^[A-Z2-7]{6}$/),
        (account, low, tail) => {
          const key = keyIdFor('AKIA', account, low, tail);
          expect(key).toHaveLength(20);
          expect(decodeAccountId(key)).toBe(account.toString().padStart(12, '0'));
        },
      ),
    );
  });

  it('flags malformed key IDs instead of decoding them', () => {
    const short = analyzeAccessKeyId('AKIAY34FZKBOKMUT');
    expect(short.accountId).toBeNull();
    expect(short.problems[0]).toMatch(/20 characters/);
    expect(analyzeAccessKeyId('AKIAY34FZKBOKMUTVV70').problems.join(' ')).toMatch(/A-Z or 2-7/);
  });
});
