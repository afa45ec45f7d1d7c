import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../shared/doctor/schema';
import { diagnose } from '../../../electron/services/doctor/diagnose';
import { runCollect, SUBJECT, TOOLS, type Scenario } from './harness';

/**
 * Each broken setup is built in the loopback cluster and AWS account, the script collects it for
 * real, and the Doctor reads only the bundle it wrote: the first finding must name the cause (its
 * class) and the fix, with evidence inside the bundle.
 */
const ready = !!TOOLS.kubectl && !!TOOLS.aws && !!TOOLS.openssl;

async function firstFinding(scenario: Scenario): Promise<{ finding: Finding; text: string; all: Finding[] }> {
  const run = await runCollect(scenario);
  expect(run.code, run.stderr).toBe(0);
  const result = await diagnose([{ name: 'awb-bundle.json', text: run.bundleText }]);
  expect(result.inputs[0]?.kind).toBe('collect_bundle');
  const [finding] = result.findings;
  if (!finding) throw new Error('no finding');
  for (const evidence of finding.evidence) expect(run.bundleText.slice(evidence.start, evidence.end)).toBe(evidence.text);
  return { finding, text: run.bundleText, all: result.findings };
}

describe.skipIf(!ready)('the Doctor diagnoses what the collect script gathered', { timeout: 60_000 }, () => {
  it('a healthy IRSA delegate: no error', async () => {
    const run = await runCollect({ options: { exec: true } });
    const result = await diagnose([{ name: 'awb-bundle.json', text: run.bundleText }]);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('the service account is annotated but the pod has no AWS_ROLE_ARN (the pod started before the annotation)', async () => {
    // With --exec the pod's own STS call fails too ("Unable to locate credentials"): the cause must rank before that symptom.
    const { finding } = await firstFinding({
      options: { exec: true },
      cluster: { injected: false, podStartedAt: '2024-05-14T10:20:00Z', serviceAccountUpdatedAt: '2024-05-14T11:05:00Z' },
    });
    expect(finding.class).toBe('irsa_misconfigured');
    expect(finding.title).toBe('The service account has the IAM role, but the delegate pod has no AWS_ROLE_ARN');
    expect(finding.explanation).toContain('after the pod started');
    expect(finding.fix[0]).toBe(
      'Restart the delegate so new pods are created through the webhook: kubectl rollout restart deployment/harness-delegate -n harness-delegate-ng.',
    );
    expect(finding.fix.join('\n')).toContain('kubectl get mutatingwebhookconfiguration pod-identity-webhook');
    expect(finding.evidence.map((e) => e.text)).toContain('arn:aws:iam::111111111111:role/HarnessDelegateIrsa');
  });

  it('static keys in the pod environment shadow IRSA', async () => {
    const { finding } = await firstFinding({
      cluster: { staticKeys: { accessKeyId: 'AKIAQWERTYUIOPASDFGH', secretAccessKey: 'x'.repeat(40) } },
    });
    expect(finding.class).toBe('irsa_misconfigured');
    expect(finding.title).toBe('Static AWS keys in the delegate’s environment shadow IRSA');
    expect(finding.fix[0]).toContain(
      'kubectl set env deployment/harness-delegate -n harness-delegate-ng AWS_ACCESS_KEY_ID- AWS_SECRET_ACCESS_KEY-',
    );
    expect(finding.evidence.map((e) => e.text)).toEqual(['"name": "AWS_ACCESS_KEY_ID"', '"name": "AWS_SECRET_ACCESS_KEY"']);
  });

  it('the role trusts another service account (:sub)', async () => {
    const { finding } = await firstFinding({
      trustedSubject: 'system:serviceaccount:harness-delegate-ng:default',
      logs: [
        '2024-05-14 10:22:31,500 [delegate-task-3] ERROR io.harness.delegate.task.aws.AwsValidationHandler - com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: Not authorized to perform sts:AssumeRoleWithWebIdentity (Service: AWSSecurityTokenService; Status Code: 403; Error Code: AccessDenied; Request ID: 5e3f0c1a-2b4d-4c6e-8f90-1a2b3c4d5e6f)',
      ],
    });
    expect(finding.class).toBe('web_identity_trust_denied');
    expect(finding.fix[0]).toContain(`condition to "${SUBJECT}"`);
    expect(finding.evidence.map((e) => e.text)).toContain('system:serviceaccount:harness-delegate-ng:default');
  });

  it('the cluster issuer has no IAM OIDC provider', async () => {
    const { finding } = await firstFinding({ provider: false });
    expect(finding.class).toBe('oidc_provider_missing');
    expect(finding.fix[0]).toContain('eksctl utils associate-iam-oidc-provider --cluster delegates --approve');
    expect(finding.evidence[0]?.text).toBe('https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE');
  });

  it('the token in the pod has expired (read with kubectl exec)', async () => {
    const { finding } = await firstFinding({ options: { exec: true }, token: { exp: Math.floor(Date.now() / 1000) - 7200 } });
    expect(finding.class).toBe('expired_credentials');
    // The pod's own call to STS failed with ExpiredTokenException too: one finding, the bundle's explanation in it.
    expect(finding.explanation).toContain('The token in the pod expired at');
    expect(finding.fix[0]).toContain('kubectl rollout restart deployment/harness-delegate -n harness-delegate-ng');
  });

  it('the regional STS endpoint is unreachable from the pod', async () => {
    const { finding } = await firstFinding({ options: { exec: true }, reachable: ['ec2.us-east-1.amazonaws.com'], cluster: {} });
    expect(finding.class).toBe('network_unreachable');
    expect(finding.title).toBe('The regional STS endpoint is unreachable from the delegate pod');
  });
});
