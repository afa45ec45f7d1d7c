import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch, type GlobMeter } from '../../../shared/policy/glob';

/** The plain reading of an IAM glob as a regular expression; fine for the short inputs of a property. */
function reference(pattern: string, value: string, ignoreCase: boolean): boolean {
  const source = [...pattern].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${source}$`, ignoreCase ? 'is' : 's').test(value);
}

function steps(pattern: string, value: string): number {
  const meter: GlobMeter = { steps: 0 };
  globMatch(pattern, value, { ignoreCase: false, meter });
  return meter.steps;
}

// Few letters, so that random patterns and values often nearly match, the case where matchers go wrong.
const text = (maxLength: number, withWildcards: boolean) =>
  fc.string({ unit: fc.constantFrom('a', 'b', 'A', ':', ...(withWildcards ? ['*', '?'] : [])), maxLength });

describe('IAM glob matching', () => {
  it('agrees with the regular-expression reading, with and without case', () => {
    fc.assert(
      fc.property(text(8, true), text(10, true), fc.boolean(), (pattern, value, ignoreCase) => {
        expect(globMatch(pattern, value, { ignoreCase })).toBe(reference(pattern, value, ignoreCase));
      }),
      { numRuns: 3000 },
    );
  });

  it('never takes more than (pattern length + 1) × (value length + 1) steps', () => {
    fc.assert(
      fc.property(text(60, true), text(200, false), (pattern, value) => {
        expect(steps(pattern, value)).toBeLessThanOrEqual((pattern.length + 1) * (value.length + 1));
      }),
      { numRuns: 500 },
    );
  });

  it('stays within that bound on the runs of *? that make a backtracking regex take exponential time', () => {
    const subject = 'system:serviceaccount:harness-delegate-ng:default';
    for (const pattern of ['*?'.repeat(40) + 'x', 'system:serviceaccount:' + '*?'.repeat(30) + ':nope', '*a'.repeat(50) + 'b']) {
      const value = pattern.startsWith('*a') ? 'a'.repeat(2000) : subject;
      expect(globMatch(pattern, value, { ignoreCase: false })).toBe(false);
      expect(steps(pattern, value)).toBeLessThanOrEqual((pattern.length + 1) * (value.length + 1));
    }
  });

  it('reads action names in any case and condition values only in their own', () => {
    expect(globMatch('Describe*', 'describeregions', { ignoreCase: true })).toBe(true);
    expect(globMatch('system:serviceaccount:harness-*:*', 'system:serviceaccount:Harness-ng:x', { ignoreCase: false })).toBe(false);
    expect(globMatch('a?c', 'abc', { ignoreCase: false })).toBe(true);
    expect(globMatch('a?c', 'ac', { ignoreCase: false })).toBe(false);
    expect(globMatch('*', '', { ignoreCase: false })).toBe(true);
  });
});
