import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diagnose } from '../../../electron/services/doctor/diagnose';
import { readInput } from '../../../electron/services/doctor/detect';
import { extractSignals } from '../../../electron/services/doctor/signals';
import { focusText } from '../../../electron/services/doctor/focus';
import { readConfigure } from '../../../electron/services/doctor/inputs/aws-configure';
import { readCallerIdentity } from '../../../electron/services/doctor/inputs/caller-identity';
import { readCliDebug } from '../../../electron/services/doctor/inputs/cli-debug';
import { readHarnessLog } from '../../../electron/services/doctor/inputs/harness-log';
import { readPod } from '../../../electron/services/doctor/inputs/kubectl-pod';
import { analyzeTrustPolicy } from '../../../electron/services/policy/trust';
import { doctorResultSchema } from '../../../shared/doctor/schema';
import { loadCases } from './accuracy';

const realTexts = loadCases().map((c) => c.text);

/** Random text, or a real case cut, spliced and salted with control characters and unicode. */
const mutatedCase = fc
  .tuple(fc.constantFrom(...realTexts), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 40 }))
  .map(([text, a, b, salt]) => {
    const i = a % (text.length + 1);
    const j = b % (text.length + 1);
    return text.slice(0, Math.min(i, j)) + salt + text.slice(Math.max(i, j)) + salt;
  });
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 2000 }), fc.string({ maxLength: 2000 }), mutatedCase);

describe('doctor never throws and always answers', () => {
  it('diagnose returns a schema-valid result for arbitrary and mutated inputs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ name: fc.string({ maxLength: 20 }), text: anyText }), { maxLength: 4 }), async (inputs) => {
        const result = await diagnose(inputs);
        expect(doctorResultSchema.safeParse(result).success).toBe(true);
        for (const finding of result.findings) {
          for (const e of finding.evidence) {
            const text = inputs[e.input]?.text ?? '';
            if (!e.text.includes('[redacted')) expect(text.slice(e.start, e.end)).toBe(e.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every reader copes with arbitrary text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(() => readInput(0, { name: 'x', text })).not.toThrow();
        expect(() => extractSignals(text)).not.toThrow();
        expect(() => focusText(text)).not.toThrow();
        // Each kind's reader on text that looks like none of them, as if detection had picked it.
        for (const reader of [readPod, readConfigure, readCliDebug, readHarnessLog, readCallerIdentity])
          expect(() => reader(text)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('the trust-policy reader copes with arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void analyzeTrustPolicy(value)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => void analyzeTrustPolicy({ Statement: value })),
      { numRuns: 300 },
    );
  });

  it('never returns a pasted secret key in a finding', async () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const text = `aws_secret_access_key = ${secret}\nSignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.`;
    const result = await diagnose([{ name: 'paste', text }]);
    expect(result.findings[0]?.class).toBe('secret_key_mismatch');
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('names empty and binary input instead of failing', async () => {
    const result = await diagnose([
      { name: 'empty', text: '   \n' },
      { name: 'blob', text: '\u0000\u0001\u0002PNG\u0000\u0003'.repeat(100) },
    ]);
    expect(result.inputs.map((i) => i.kind)).toEqual(['empty', 'binary']);
    expect(result.findings.map((f) => f.class)).toEqual(['input_unreadable']);
  });

  it('reads a 10 MB paste and still finds the error at its end', async () => {
    const filler = '2024-05-14 10:22:31,114 [delegate-task-3] INFO io.harness.delegate ordinary line us-east-1\n';
    const text = `${filler.repeat(Math.floor((9.5 * 1024 * 1024) / filler.length))}ERROR InvalidClientTokenId: The security token included in the request is invalid.\n`;
    const result = await diagnose([{ name: 'big.log', text }]);
    const [first] = result.findings;
    expect(first?.class).toBe('invalid_access_key_id');
    const evidence = first?.evidence[0];
    expect(evidence && text.slice(evidence.start, evidence.end)).toBe(evidence?.text);
    expect(evidence?.start).toBeGreaterThan(9 * 1024 * 1024);
  });

  it('reads only the first 10 MB of a larger paste and says so', async () => {
    const result = await diagnose([{ name: 'huge', text: 'x'.repeat(10 * 1024 * 1024 + 10) }]);
    expect(result.inputs[0]).toMatchObject({ truncated: true, chars: 10 * 1024 * 1024 + 10 });
    expect(result.inputs[0]?.summary).toMatch(/first 10 MB/);
  });

  it('stays linear on one 10 MB line full of trigger words', async () => {
    const result = await diagnose([{ name: 'dense', text: 'error denied '.repeat(800_000) }]);
    expect(result.inputs[0]?.kind).toBe('error_message');
  });
});

describe('doctor with policy JSON among the inputs', () => {
  it('policy-shaped random inputs still give a valid result', async () => {
    const policyish = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify({ Version: '2012-10-17', Statement: value }));
    await fc.assert(
      fc.asyncProperty(policyish, async (text) => {
        const result = await diagnose([
          { name: 'policy.json', text },
          { name: 'err', text: 'UnauthorizedOperation: You are not authorized to perform this operation.' },
        ]);
        expect(doctorResultSchema.safeParse(result).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
