import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/services/doctor/diagnose';

/**
 * The Doctor on a bundle the script really wrote (fixtures/bundle-healthy.json.txt), edited the way
 * each broken setup would change it, and on bundles a hostile or careless sender could produce. The
 * five main scenarios also run end to end, from the cluster to the finding, in test/integration/collect.
 */
const healthy = readFileSync(new URL('fixtures/bundle-healthy.json.txt', import.meta.url), 'utf8');

function edited(...replacements: Array<[string, string]>): string {
  return replacements.reduce((text, [from, to]) => {
    expect(text).toContain(from);
    return text.replaceAll(from, to);
  }, healthy);
}

const diagnoseBundle = (text: string, ...others: Array<{ name: string; text: string }>) =>
  diagnose([{ name: 'awb-bundle.json', text }, ...others]);

const oidcConnector = `connector:
  name: aws oidc
  identifier: aws_oidc
  type: Aws
  spec:
    credential:
      type: OidcAuthentication
      spec:
        iamRoleArn: arn:aws:iam::111111111111:role/HarnessOidc
      region: us-east-1
    delegateSelectors:
      - eks-irsa
    executeOnDelegate: true
`;

describe('the Doctor reads a collect bundle', () => {
  it('as its own input kind, with a summary of what ran, and nothing wrong in a healthy setup', async () => {
    const result = await diagnoseBundle(healthy);
    expect(result.inputs[0]).toMatchObject({
      kind: 'collect_bundle',
      summary: expect.stringMatching(/^awb collect bundle from harness-delegate-ng\/harness-delegate, .* \(13 of 13 steps ran\)$/),
    });
    expect(result.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a delegate too old for the OIDC connector sent with it', async () => {
    const result = await diagnoseBundle(edited(['harness/delegate:24.07.83605', 'harness/delegate:23.10.81202']), {
      name: 'connector.yaml',
      text: oidcConnector,
    });
    expect(result.findings[0]).toMatchObject({ class: 'connector_misconfigured', title: 'The delegate is too old for an OIDC connector' });
    expect(result.findings[0]?.fix[0]).toContain('harness/delegate:24.3.82603 or later');
  });

  it('a pasted trust policy is checked against the bundle’s pod when the bundle could not read the role', async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::111111111111:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
          },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub': 'system:serviceaccount:default:harness-delegate',
            },
          },
        },
      ],
    });
    const withoutRole = edited(['"AssumeRolePolicyDocument"', '"NotTheDocument"']);
    const result = await diagnoseBundle(withoutRole, { name: 'trust.json', text: trust });
    expect(result.findings[0]).toMatchObject({ class: 'web_identity_trust_denied' });
    expect(result.findings[0]?.evidence.map((e) => e.input)).toEqual(expect.arrayContaining([0, 1]));
  });

  it('a token file the delegate’s user cannot read', async () => {
    const result = await diagnoseBundle(edited(['"tokenReadable": true', '"tokenReadable": false']));
    expect(result.findings[0]).toMatchObject({
      class: 'web_identity_token_file_error',
      title: 'The delegate cannot read its web identity token file',
    });
    expect(result.findings[0]?.fix[0]).toContain('fsGroup');
  });

  it('the role trusts another cluster’s provider', async () => {
    const result = await diagnoseBundle(
      edited([
        ':oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"',
        ':oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/0THERC1USTER000000000000000000000"',
      ]),
    );
    // Its condition keys still name the cluster's issuer, which the trust check reports too: one finding holds both.
    const finding = result.findings.find((f) => f.class === 'web_identity_trust_denied');
    expect(finding?.explanation).toContain(
      "but the delegate's cluster issues tokens as https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE",
    );
  });

  it('a step that failed on the customer’s side is named, with what to ask for', async () => {
    const failed = edited([
      '"title": "IAM role HarnessDelegateIrsa", "command"',
      '"title": "IAM role HarnessDelegateIrsa", "command"',
    ]).replace(
      /("id": "aws\.role"[^\n]*"status": )"ok"(, "exitCode": )0([^\n]*"stderr": )""/,
      '$1"failed"$2254$3"An error occurred (AccessDenied) when calling the GetRole operation: User: arn:aws:iam::111111111111:user/support is not authorized to perform: iam:GetRole"',
    );
    const result = await diagnoseBundle(failed);
    const gap = result.findings.find((f) => f.class === 'input_unreadable');
    expect(gap).toMatchObject({ severity: 'info', title: '1 collect step failed on the customer’s side' });
    expect(gap?.explanation).toContain('IAM role HarnessDelegateIrsa (aws iam get-role');
    expect(gap?.evidence[0]?.text).toBe('{"id": "aws.role"');
    // The shell's AccessDenied is the customer's own CLI, not the delegate: it is not the diagnosis.
    expect(result.findings.filter((f) => f.class === 'permission_denied')).toEqual([]);
  });

  it('evidence still points into a bundle that was re-indented', async () => {
    const reindented = JSON.stringify(JSON.parse(edited(['"name": "AWS_ROLE_ARN"', '"name": "AWS_ROLE_ARN_OLD"'])), null, 4);
    const result = await diagnoseBundle(reindented);
    const finding = result.findings[0];
    expect(finding?.class).toBe('irsa_misconfigured');
    for (const e of finding?.evidence ?? []) expect(reindented.slice(e.start, e.end)).toBe(e.text);
  });
});

describe('the Doctor on hostile or broken bundles', () => {
  it.each([
    ['cut off', healthy.slice(0, 5000), 'it is not complete JSON'],
    ['of a newer schema', healthy.replace('"schemaVersion": 1', '"schemaVersion": 2'), 'it is schema version 2'],
    ['with an unknown step', healthy.replace('{"id": "aws.role"', '{"id": "aws.secrets"'), 'steps.12.id is not what'],
    ['over the size cap', `{"kind": "awb-collect-bundle", "pad": "${'x'.repeat(4.5 * 1024 * 1024)}"}`, 'it is larger than 4 MB'],
  ])('names a bundle %s as unreadable, without throwing', async (_, text, why) => {
    const result = await diagnoseBundle(text);
    expect(result.inputs[0]).toMatchObject({ kind: 'collect_bundle', summary: expect.stringContaining(why) });
    expect(result.findings[0]).toMatchObject({ class: 'input_unreadable', severity: 'warning' });
  });

  it('outputs of the wrong shape are facts not known, not errors', async () => {
    const bundle = JSON.parse(healthy) as { steps: Array<{ output: unknown }> };
    const shapes: unknown[] = [
      'text',
      42,
      null,
      [],
      { items: 'x' },
      { items: [null, 1, { spec: 'x' }] },
      { Role: { AssumeRolePolicyDocument: 'x' } },
    ];
    for (const shape of shapes) {
      for (const step of bundle.steps) step.output = shape;
      const result = await diagnoseBundle(JSON.stringify(bundle));
      expect(result.inputs[0]?.kind).toBe('collect_bundle');
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('a deeply nested output and thousands of fake step openings stay fast', async () => {
    const bundle = JSON.parse(healthy) as { steps: Array<{ id: string; output: unknown }> };
    const logs = bundle.steps.find((step) => step.id === 'k8s.logs')!;
    logs.output = Array.from({ length: 3000 }, () => ({ id: 'k8s.logs' }));
    bundle.steps.find((step) => step.id === 'k8s.events')!.output = 'DEEP';
    // Built as text: JSON.stringify itself cannot write 100 000 levels, JSON.parse reads them.
    const text = JSON.stringify(bundle).replace('"DEEP"', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    const started = performance.now();
    const result = await diagnoseBundle(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.inputs[0]?.kind).toBe('collect_bundle');
  });
});
