import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Parser } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../../../electron/services/doctor/diagnose';
import { readInput } from '../../../../electron/services/doctor/detect';
import { MAX_MANIFEST_CHARS } from '../../../../shared/delegate/form';
import { doctorResultSchema } from '../../../../shared/doctor/schema';
import { POLICY_LIMITS } from '../../../../shared/policy/schema';

const FIXTURES = [
  'cloudtrail-s3-access-denied.json',
  'cloudtrail-records.json',
  'cloudtrail-web-identity-denied.json',
  'describe-pod-irsa.txt',
  'describe-pod-no-irsa.txt',
  'pod-irsa.yaml',
  'configure-list-not-set.txt',
  'configure-list-shared-file.txt',
  'configure-list-profiles.txt',
  'caller-identity-user.json',
  'caller-identity-assumed-role.json',
  'cli-debug-no-credentials.txt',
  'cli-debug-shared-file.txt',
  'harness-step-kaniko.txt',
  'harness-banner-delegate-role.txt',
] as const;
const texts = FIXTURES.map((name) => readFileSync(new URL(`../../../fixtures/doctor/inputs/${name}`, import.meta.url), 'utf8'));

/** A real example cut, spliced, salted with junk, or one of its lines repeated many times. */
const variant = fc
  .tuple(fc.constantFrom(...texts), fc.nat(), fc.nat(), fc.string({ unit: 'binary', maxLength: 60 }), fc.integer({ min: 1, max: 400 }))
  .map(([text, a, b, salt, times]) => {
    const i = a % (text.length + 1);
    const j = b % (text.length + 1);
    const lines = text.split('\n');
    const line = lines[i % lines.length] ?? '';
    return `${text.slice(0, Math.min(i, j))}${salt}${`${line}\n`.repeat(times)}${text.slice(Math.max(i, j))}`;
  });

/** Facts never grow with the input: every list a reader returns has a fixed cap. */
function expectBoundedFacts(text: string): void {
  const facts = readInput(0, { name: 'x', text }).facts;
  if (!facts) return;
  switch (facts.kind) {
    case 'cloudtrail':
      expect(facts.events.length).toBeLessThanOrEqual(20);
      break;
    case 'kubectl_pod':
      expect(facts.env.length).toBeLessThanOrEqual(200);
      expect(facts.events.length).toBeLessThanOrEqual(30);
      break;
    case 'aws_configure':
      expect(facts.rows.length).toBeLessThanOrEqual(4);
      expect(facts.profiles.length).toBeLessThanOrEqual(100);
      break;
    case 'aws_cli_debug':
      expect(facts.providersTried.length).toBeLessThanOrEqual(20);
      expect(facts.endpointHosts.length).toBeLessThanOrEqual(8);
      break;
    case 'harness_log':
      expect(facts.hints.length).toBeLessThanOrEqual(5);
      break;
    case 'caller_identity':
      break;
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the input readers on random and hostile variants of real examples', () => {
  it('never throw, keep their facts bounded, and every finding’s evidence is the text at its offsets', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(variant, { minLength: 1, maxLength: 3 }), async (inputs) => {
        for (const text of inputs) expectBoundedFacts(text);
        const result = await diagnose(inputs.map((text, i) => ({ name: `in-${i}`, text })));
        expect(doctorResultSchema.safeParse(result).success).toBe(true);
        for (const finding of result.findings)
          for (const e of finding.evidence) if (!e.text.includes('[redacted')) expect(inputs[e.input]?.slice(e.start, e.end)).toBe(e.text);
      }),
      { numRuns: 150 },
    );
  });

  it('cope with arbitrary JSON in the shapes they read (events, Records, pods, caller identities)', () => {
    const shaped = fc.oneof(
      fc
        .jsonValue({ maxDepth: 4 })
        .map((v) => ({ eventName: 'AssumeRole', eventSource: 'sts.amazonaws.com', userIdentity: v, errorCode: v })),
      fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 30 }).map((records) => ({ Records: records })),
      fc
        .jsonValue({ maxDepth: 4 })
        .map((v) => ({ apiVersion: 'v1', kind: 'Pod', metadata: v, spec: { containers: [{ env: v }], volumes: v } })),
      fc
        .jsonValue({ maxDepth: 3 })
        .map((v) => ({ UserId: 'x', Account: '1', Arn: typeof v === 'string' ? v : 'arn:aws:iam::1:root', extra: v })),
    );
    fc.assert(
      fc.property(shaped, (value) => {
        const text = JSON.stringify(value);
        expect(() => readInput(0, { name: 'x', text })).not.toThrow();
        expectBoundedFacts(text);
      }),
      { numRuns: 300 },
    );
  });

  it('read a 10 MB describe with a million variables and events up to their caps', () => {
    const head = 'Name: p\nNamespace: ns\nService Account: sa\nContainers:\n  c:\n    Environment:\n';
    const text = `${head}${'      AWS_ROLE_ARN_X: arn:aws:iam::1:role/r\n'.repeat(200_000)}Events:\n${'  Warning  FailedMount  1m  kubelet  x\n'.repeat(50_000)}`;
    const facts = readInput(0, { name: 'x', text }).facts;
    expect(facts?.kind).toBe('kubectl_pod');
    expect(facts?.kind === 'kubectl_pod' ? facts.env.length : -1).toBe(200);
  });

  it('never hand the YAML parser a pod manifest above the Delegate view’s cap, nor JSON.parse more than the policy cap', () => {
    const parse = vi.spyOn(Parser.prototype, 'parse');
    const jsonParse = vi.spyOn(JSON, 'parse');
    const pod = texts[FIXTURES.indexOf('pod-irsa.yaml')] ?? '';
    const huge = `${pod}${'# filler line that makes the manifest large\n'.repeat(60_000)}`;
    expect(huge.length).toBeGreaterThan(MAX_MANIFEST_CHARS);
    const trail = `{"Records":[${'{"eventName":"x","eventSource":"s3.amazonaws.com","userIdentity":{}},'.repeat(30_000)}{}]}`;
    expect(readInput(0, { name: 'pod', text: huge }).kind).toBe('kubectl_pod');
    expect(readInput(1, { name: 'trail', text: trail }).kind).toBe('cloudtrail');
    expect(Math.max(0, ...parse.mock.calls.map(([source]) => source.length))).toBeLessThanOrEqual(MAX_MANIFEST_CHARS);
    expect(Math.max(0, ...jsonParse.mock.calls.map(([source]) => source.length))).toBeLessThanOrEqual(POLICY_LIMITS.maxDocumentChars);
  });

  it('backtracking bait in each kind’s markers is read in one pass', async () => {
    const baits = [
      `{"eventSource": "s3", "eventName": "x", "userIdentity": ${'"errorCode"'.repeat(200_000)}`,
      `Name: p\nNamespace: n\nNode: x\n${'A'.repeat(3_000_000)}:`,
      `      Name                    Value             Type    Location\naccess_key ${' '.repeat(2_000_000)}x`,
      `x botocore.credentials - DEBUG - ${'Looking for credentials via: '.repeat(100_000)}`,
      `Hint: ${'Explanation: '.repeat(200_000)}\nExplanation: delegate`,
      `"UserId": "a" "Account": "1" "Arn": "arn:${'aws:'.repeat(500_000)}`,
    ];
    for (const text of baits) {
      const result = await diagnose([{ name: 'bait', text }]);
      expect(doctorResultSchema.safeParse(result).success).toBe(true);
    }
  });
});
