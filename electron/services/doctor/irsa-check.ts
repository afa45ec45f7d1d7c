import { isScalar } from 'yaml';
import type { Evidence } from '../../../shared/doctor/schema';
import { partitionOfArn } from '../../../shared/regions';
import { ROLE_ARN_ANNOTATION, delegateServiceAccount } from '../delegate/validate';
import { conditionAdmits, subjectAdmits } from '../policy/trust';
import type { ConfigFacts } from './crosscheck';
import { evidenceOf, type Draft } from './draft';

/** IRSA: the trust policy's :sub against the namespace and service account the delegate pod runs as. */
export function irsaDrafts(facts: ConfigFacts): Draft[] {
  const drafts: Draft[] = [];
  for (const { input: delegateInput, located } of facts.delegates) {
    const workload = located.workload;
    if (!workload) continue;
    const namespace = workload.namespace ?? 'default';
    const account = workload.serviceAccount;
    const saEvidence: Evidence[] = workload.serviceAccountNode?.range
      ? [
          {
            input: delegateInput.index,
            text: delegateInput.text.slice(workload.serviceAccountNode.range[0], workload.serviceAccountNode.range[1]),
            start: workload.serviceAccountNode.range[0],
            end: workload.serviceAccountNode.range[1],
          },
        ]
      : [];
    for (const { input: trustInput, analysis } of facts.trusts) {
      for (const statement of analysis.webIdentity) {
        if (statement.subjects.length === 0 || subjectAdmits(statement.subjects, namespace, account)) continue;
        const trusted = statement.subjects.map((s) => s.value).join(', ');
        drafts.push({
          class: 'web_identity_trust_denied',
          severity: 'error',
          title: 'The trust policy does not trust the delegate’s service account',
          explanation: `The trust policy's :sub allows ${trusted}, but the delegate ${workload.kind} runs as system:serviceaccount:${namespace}:${account}${workload.serviceAccountNode ? '' : ' (no serviceAccountName, so the namespace default account)'}. STS will refuse AssumeRoleWithWebIdentity.`,
          evidence: [...statement.subjects.flatMap((s) => evidenceOf(trustInput, s.value)).slice(0, 2), ...saEvidence],
          fix: [
            `Set the :sub condition to "system:serviceaccount:${namespace}:${account}", or run the delegate as the trusted service account (serviceAccountName in the pod spec).`,
          ],
          confidence: 0.9,
        });
      }
    }
    const sa = delegateServiceAccount(located);
    const annotation = sa ? sa.root.getIn(['metadata', 'annotations', ROLE_ARN_ANNOTATION], true) : null;
    const roleArn = isScalar(annotation) && typeof annotation.value === 'string' ? annotation.value : null;
    const audienceNode = sa ? sa.root.getIn(['metadata', 'annotations', 'eks.amazonaws.com/audience'], true) : null;
    const audience = isScalar(audienceNode) && typeof audienceNode.value === 'string' ? audienceNode.value : 'sts.amazonaws.com';
    for (const { input: trustInput, analysis } of facts.trusts) {
      for (const statement of analysis.webIdentity) {
        if (statement.audiences.length === 0 || conditionAdmits(statement.audiences, audience)) continue;
        drafts.push({
          class: 'web_identity_trust_denied',
          severity: 'error',
          title: 'The trust policy expects another token audience',
          explanation: `The trust policy's :aud allows ${statement.audiences.map((a) => a.value).join(', ')}, but the delegate's token carries ${audience}${audienceNode ? ' (eks.amazonaws.com/audience)' : ' (the EKS default)'}.`,
          evidence: statement.audiences.flatMap((a) => evidenceOf(trustInput, a.value)).slice(0, 1),
          fix: [`Set the :aud condition to "${audience}", or change eks.amazonaws.com/audience on the service account to match.`],
          confidence: 0.8,
        });
      }
    }
    const wantsIrsa =
      facts.connectors.some((c) => c.document.connector.spec.credential.type === 'Irsa') ||
      facts.trusts.some((t) => t.analysis.webIdentity.length > 0);
    if (wantsIrsa && roleArn === null) {
      drafts.push({
        class: 'irsa_misconfigured',
        severity: 'error',
        title: 'The delegate’s service account has no IAM role annotation',
        explanation: `The delegate runs as ${namespace}/${account}, but the manifest has no ServiceAccount ${account} with ${ROLE_ARN_ANNOTATION}; the EKS webhook will not inject AWS_ROLE_ARN or the token file, so IRSA cannot work.`,
        evidence: saEvidence.length > 0 ? saEvidence : evidenceOf(delegateInput, `kind: ${workload.kind}`),
        fix: [
          `Add a ServiceAccount ${account} in ${namespace} annotated ${ROLE_ARN_ANNOTATION}: arn:<partition>:iam::<account>:role/<role>, set serviceAccountName: ${account} in the pod spec and restart the delegate (awb delegate irsa does this edit).`,
        ],
        confidence: 0.7,
      });
    }
    if (roleArn) {
      for (const { input: trustInput, analysis } of facts.trusts) {
        for (const statement of analysis.webIdentity) {
          const rolePartition = partitionOfArn(roleArn);
          if (rolePartition && statement.providerPartition && rolePartition !== statement.providerPartition) {
            drafts.push({
              class: 'partition_mismatch',
              severity: 'error',
              explanation: `The service account's role (${roleArn}) is in ${rolePartition} but the trusted OIDC provider is in ${statement.providerPartition}.`,
              evidence: [...evidenceOf(delegateInput, roleArn), ...evidenceOf(trustInput, statement.providerArn)],
              confidence: 0.8,
            });
          }
        }
      }
    }
  }
  return drafts;
}
