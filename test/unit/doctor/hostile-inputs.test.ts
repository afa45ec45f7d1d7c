import { readFileSync } from 'node:fs';
import { Parser } from 'yaml';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { diagnose } from '../../../electron/services/doctor/diagnose';
import { MAX_MANIFEST_CHARS } from '../../../shared/delegate/form';
import { DOCTOR_LIMITS } from '../../../shared/doctor/schema';
import { POLICY_LIMITS } from '../../../shared/policy/schema';

const fixture = readFileSync(new URL('../../fixtures/delegate/harness-delegate.yaml', import.meta.url), 'utf8');
const TEN_MB = DOCTOR_LIMITS.maxInputChars;
const ERROR_LOG = 'ERROR InvalidClientTokenId: The security token included in the request is invalid.';

/** Characters handed to the YAML parser since the spy was set, by every path (connector, delegate). */
function yamlParsed(): () => number {
  const parse = vi.spyOn(Parser.prototype, 'parse');
  return () => parse.mock.calls.reduce((sum, [source]) => sum + source.length, 0);
}

function trustPolicy(sub: string): string {
  const issuer = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::111122223333:oidc-provider/${issuer}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: { StringEquals: { [`${issuer}:aud`]: 'sts.amazonaws.com', [`${issuer}:sub`]: sub } },
      },
    ],
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the Doctor on inputs far above what it needs', () => {
  it('names twenty 10 MB delegate manifests too large to parse, never parses them, and still diagnoses the log', async () => {
    // Every copy's workload, service account and bindings are objects the Doctor reads: 10 MB of them.
    const manifest = `---\n${fixture}`.repeat(Math.floor(TEN_MB / (fixture.length + 4)));
    const parsed = yamlParsed();
    const result = await diagnose([
      ...Array.from({ length: DOCTOR_LIMITS.maxInputs - 1 }, (_, i) => ({ name: `delegate-${i}.yaml`, text: manifest })),
      { name: 'delegate.log', text: ERROR_LOG },
    ]);
    expect(parsed()).toBeLessThanOrEqual(MAX_MANIFEST_CHARS);
    expect(result.findings[0]?.class).toBe('invalid_access_key_id');
    const tooLarge = result.findings.filter((f) => f.class === 'input_unreadable' && / is too large to parse$/.test(f.title));
    expect(tooLarge).toHaveLength(DOCTOR_LIMITS.maxInputs - 1);
  });

  it('parses only the delegate’s own documents of a 10 MB cluster dump, and finds them where they are', async () => {
    const configMap = (n: number) =>
      `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-${n}\n  namespace: harness-delegate-ng\ndata:\n  value: "${'x'.repeat(1000)}"\n`;
    const namespace = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: harness-delegate-ng\n';
    const delegate = fixture.replace(
      '      restartPolicy: Always\n',
      '      restartPolicy: Always\n      serviceAccountName: harness-irsa-sa\n',
    );
    const dump = `${namespace}${Array.from({ length: 9000 }, (_, n) => configMap(n)).join('')}---\n${delegate}`;
    expect(dump.length).toBeGreaterThan(MAX_MANIFEST_CHARS * 9);
    const parsed = yamlParsed();
    const result = await diagnose([
      { name: 'cluster.yaml', text: dump },
      { name: 'trust.json', text: trustPolicy('system:serviceaccount:harness-delegate-ng:someone-else') },
    ]);
    expect(parsed()).toBeLessThan(fixture.length);
    const denied = result.findings.find((f) => f.class === 'web_identity_trust_denied');
    expect(denied?.explanation).toMatch(/runs as system:serviceaccount:harness-delegate-ng:harness-irsa-sa/);
    const account = denied?.evidence.find((e) => e.input === 0);
    expect(account?.text).toBe('harness-irsa-sa');
    expect(account && dump.slice(account.start, account.end)).toBe('harness-irsa-sa');
  });

  it('reads JSON above the policy cap as text instead of parsing it', async () => {
    const events = JSON.stringify(Array.from({ length: 150_000 }, (_, i) => ({ eventName: 'AssumeRole', errorCode: 'AccessDenied', i })));
    expect(events.length).toBeGreaterThan(POLICY_LIMITS.maxDocumentChars * 8);
    const parse = vi.spyOn(JSON, 'parse');
    const result = await diagnose([{ name: 'cloudtrail.json', text: events }]);
    expect(Math.max(0, ...parse.mock.calls.map(([text]) => text.length))).toBeLessThanOrEqual(POLICY_LIMITS.maxDocumentChars);
    expect(result.inputs[0]?.kind).toMatch(/^(?:log|error_message)$/);
  });

  // Quoted whole, the value went through redaction at full size: minutes for 900 KB of `a-`.
  it('quotes a 900 KB hostile trust-policy value bounded and still explains the mismatch', async () => {
    const result = await diagnose([
      { name: 'delegate.yaml', text: fixture },
      { name: 'trust.json', text: trustPolicy(`system:serviceaccount:${'a-'.repeat(450_000)}`) },
    ]);
    const denied = result.findings.find((f) => f.class === 'web_identity_trust_denied');
    expect(denied?.explanation).toMatch(
      /allows \[\d+ characters\] but the delegate Deployment runs as system:serviceaccount:harness-delegate-ng:default/,
    );
    expect(denied?.explanation.length).toBeLessThan(4100);
  });
});
