import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeFailure, rawFailure } from '../../../electron/services/aws/classify';
import { boundText, redactCounting, redactSecrets } from '../../../shared/redact';

/**
 * The regular expressions the scans replaced, as the reference for what must be redacted. They
 * backtrack quadratically, so they only ever see short texts here. One difference is intended:
 * `Authorization:` followed by nothing but whitespace is left alone (the regex replaced a space).
 */
const REFERENCE: ReadonlyArray<[RegExp, string]> = [
  [/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b/g, '[redacted token]'],
  [/[A-Za-z0-9/+=]{100,}/g, '[redacted session token]'],
  [/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted secret]'],
  [/(Authorization:\s*)(?=\S)[^\r\n]+/gi, '$1[redacted]'],
  [/(Signature=)[0-9a-f]{64}/gi, '$1[redacted]'],
  [
    /(\b(?:[a-z0-9]+[_-])*(?:secret[_-]?access[_-]?key|secret[_-]?key|token|password|passwd|api[_-]?key|secret)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
    '$1[redacted]',
  ],
];
const reference = (text: string) => REFERENCE.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/** Pieces the patterns care about, so random joins hit their edges: boundaries, separators, run lengths 39/40/99/100. */
const PIECES = [
  ...['eyJ', 'eyJhbGciOi', 'token', 'TOKEN', 'secret', 'Secret', 'access', 'key', 'Key', 'api', 'password', 'passwd', 'AWS_', 'x'],
  ...[
    'Authorization:',
    'authorization: ',
    'Signature=',
    'abcdef0123456789abcdef0123456789',
    'A'.repeat(39),
    'B'.repeat(40),
    'C'.repeat(60),
  ],
  ...['-', '_', '.', '=', ':', ' ', '\n', '\r', '\t', '"', "'", ',', '}', '/', '+', 'a', 'Z', '0', 'f', 'ſ', '\u00a0', '\u2028'],
];
const joined = (maxLength: number) => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((pieces) => pieces.join(''));
/** Long runs of one short unit: the shape that made the regexes quadratic. */
const repeated = fc
  .tuple(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }), fc.nat({ max: 4000 }))
  .map(([unit, times]) => unit.join('').repeat(times));
const deepJson = fc.jsonValue({ maxDepth: 30 }).map((value) => JSON.stringify(value));

/** Characters read per character of input, whatever the input; a backtracking scan grows with the length instead. */
const MAX_STEPS_PER_CHAR = 16;

describe('redactSecrets as linear scans', () => {
  it('redacts exactly what the regular expressions did', () => {
    fc.assert(
      fc.property(joined(40), (text) => {
        expect(redactSecrets(text)).toBe(reference(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads each character a bounded number of times and never throws, on random, hostile and deep texts', () => {
    const anyText = fc.oneof(joined(400), repeated, deepJson, fc.string({ unit: 'binary', maxLength: 3000 }));
    fc.assert(
      fc.property(anyText, (text) => {
        expect(redactCounting(text).steps).toBeLessThanOrEqual(MAX_STEPS_PER_CHAR * (text.length + 1));
      }),
      { numRuns: 1000 },
    );
  });

  // Each of these kept the regexes busy for minutes, far beyond Vitest's timeout.
  it.each([
    ['dash-separated words', 'a-'.repeat(512 * 1024), ' token=abc', ' token=[redacted]'],
    ['eyJ fragments', 'eyJ-'.repeat(256 * 1024), ' eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW0ifQ.c2lnbmF0dXJl', ' [redacted token]'],
    ['key-name prefixes', 'token-'.repeat(170_000), ' token: hunter2', ' token: [redacted]'],
  ])('redacts what follows 1 MB of %s', (_name, hostile, tail, redacted) => {
    expect(redactSecrets(hostile + tail)).toBe(hostile + redacted);
  });
});

describe('boundText', () => {
  it('keeps short text as it is', () => {
    expect(boundText('AccessDenied: not authorized', 100)).toBe('AccessDenied: not authorized');
  });

  it('replaces an overlong word by its length and keeps the sentence around it', () => {
    expect(boundText(`"${'a-'.repeat(500)}" is not a region.`, 2000)).toBe('[1002 characters] is not a region.');
  });

  it('stops at a word boundary, so no piece of a secret is left for redaction to miss', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const bounded = boundText(`${'word '.repeat(10)}${secret} and more`, 70);
    expect(bounded).toBe(`${'word '.repeat(10)}… (49 more characters)`);
    expect(bounded).not.toMatch(/wJalr/);
  });
});

describe('AWS errors from a hostile endpoint', () => {
  it('classifies and shows a 1 MB error message from its bounded start', () => {
    const message = `The security token included in the request is expired ${'a-'.repeat(512 * 1024)}`;
    const error = Object.assign(new Error(message), { name: 'SomethingNew', $metadata: { httpStatusCode: 400 } });
    const described = describeFailure(rawFailure(error), { step: 'sts_get_caller_identity', region: 'us-east-1', now: new Date() });
    expect(described.class).toBe('expired_credentials');
    expect(described.message).toBe('The security token included in the request is expired [1048576 characters]');
  });

  it('bounds a megabyte error code too', () => {
    const raw = rawFailure(Object.assign(new Error('x'), { name: 'E'.repeat(1_000_000) }));
    expect(raw.code).toBe('[1000000 characters]');
  });
});
