import { isScalar } from 'yaml';
import type { Evidence, FindingClass } from '../../../shared/doctor/schema';
import { partitionOfArn } from '../../../shared/regions';
import { ROLE_ARN_ANNOTATION, delegateServiceAccount } from '../delegate/validate';
import { conditionAdmits, subjectAdmits } from '../policy/trust';
import type { ConfigFacts } from './crosscheck';
import type { ReadInput } from './detect';
import type { CloudTrailEvent } from './inputs/cloudtrail';
import { spotOf, type Spot } from './inputs/common';
import { podCredentials } from './inputs/kubectl-pod';
import { podIdentityMinimum } from './inputs/pod-identity-sdk';
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

/** Classes whose cause is how the pod gets credentials: what its environment shows decides them. */
const CHAIN_CLASSES = new Set<FindingClass>([
  'no_credentials_found',
  'imds_unreachable',
  'imds_no_instance_role',
  'web_identity_token_file_error',
]);

function spotEvidence(input: ReadInput, spot: Spot | null | undefined): Evidence[] {
  return spot ? [{ input: input.index, text: spot.text, start: spot.start, end: spot.end }] : [];
}

/** Denied AssumeRoleWithWebIdentity calls in CloudTrail inputs, with the role they asked for. */
function webIdentityDenials(inputs: readonly ReadInput[]): { input: ReadInput; event: CloudTrailEvent }[] {
  return inputs.flatMap((input) =>
    input.facts?.kind === 'cloudtrail'
      ? input.facts.events
          .filter((event) => event.eventName === 'AssumeRoleWithWebIdentity' && event.errorCode)
          .map((event) => ({ input, event }))
      : [],
  );
}

/** The role annotation of the delegate's service account in a delegate YAML, if one was sent. */
function annotatedRole(facts: ConfigFacts): { account: string; roleArn: string; input: ReadInput } | null {
  for (const { input, located } of facts.delegates) {
    const sa = delegateServiceAccount(located);
    const annotation = sa ? sa.root.getIn(['metadata', 'annotations', ROLE_ARN_ANNOTATION], true) : null;
    if (isScalar(annotation) && typeof annotation.value === 'string' && located.workload)
      return { account: located.workload.serviceAccount, roleArn: annotation.value, input };
  }
  return null;
}

/**
 * A pod's own view (kubectl describe or get): the service account it really runs as and the variables
 * the EKS webhooks injected, checked against the trust policy, the delegate YAML, CloudTrail's denials
 * and what the other inputs were classified as.
 */
export function podDrafts(facts: ConfigFacts, inputs: readonly ReadInput[], classified: readonly Draft[]): Draft[] {
  const drafts: Draft[] = [];
  const denials = webIdentityDenials(inputs);
  const deniedByText = classified.some((draft) => draft.class === 'web_identity_trust_denied');
  for (const input of inputs) {
    const pod = input.facts?.kind === 'kubectl_pod' ? input.facts : null;
    if (!pod) continue;
    const namespace = pod.namespace ?? 'default';
    const account = pod.serviceAccount?.text ?? 'default';
    const subject = `system:serviceaccount:${namespace}:${account}`;
    const saEvidence = spotEvidence(input, pod.serviceAccount);
    const credentials = podCredentials(pod);
    const roleVariable = pod.env.find((variable) => variable.name === 'AWS_ROLE_ARN');
    const tokenVariable = pod.env.find((variable) => variable.name === 'AWS_WEB_IDENTITY_TOKEN_FILE');

    for (const { input: trustInput, analysis } of facts.trusts) {
      for (const statement of analysis.webIdentity) {
        if (statement.subjects.length === 0 || subjectAdmits(statement.subjects, namespace, account)) continue;
        drafts.push({
          class: 'web_identity_trust_denied',
          severity: 'error',
          title: 'The trust policy does not trust the pod’s service account',
          explanation: `The trust policy's :sub allows ${statement.subjects.map((s) => s.value).join(', ')}, but the pod ${pod.name ?? ''} runs as ${subject} (from ${input.name}).`,
          evidence: [...statement.subjects.flatMap((s) => evidenceOf(trustInput, s.value)).slice(0, 2), ...saEvidence],
          fix: [`Set the :sub condition to "${subject}", or run the pod as the trusted service account.`],
          confidence: 0.9,
        });
      }
    }

    if (credentials.irsa && (denials.length > 0 || deniedByText)) {
      const first = denials[0];
      const askedFor = first?.event.roleArn?.text;
      const podRole = roleVariable?.value ?? null;
      const sameRole =
        askedFor && podRole
          ? askedFor === podRole
            ? ` CloudTrail's denied call asked for that same role.`
            : ` But the denied call asked for ${askedFor}: check that this is the pod's event.`
          : '';
      const claimed =
        first?.event.subject && first.event.subject !== subject ? ` CloudTrail names the subject ${first.event.subject}.` : '';
      drafts.push({
        class: 'web_identity_trust_denied',
        severity: 'error',
        explanation: `The pod has IRSA injected (AWS_ROLE_ARN${podRole ? ` ${podRole}` : ''}, AWS_WEB_IDENTITY_TOKEN_FILE) and runs as ${subject}, so its token reached STS: the role's trust policy refused that subject or its audience.${sameRole}${claimed}`,
        evidence: [
          ...(first ? [...spotEvidence(first.input, first.event.errorCode), ...spotEvidence(first.input, first.event.roleArn)] : []),
          ...saEvidence,
          ...spotEvidence(input, roleVariable?.at),
        ],
        fix: [
          `In the role's trust policy, allow sts:AssumeRoleWithWebIdentity from the cluster's OIDC provider with StringEquals "<issuer>:sub": "${subject}" and "<issuer>:aud": "sts.amazonaws.com".`,
        ],
        confidence: 0.7,
      });
    }

    const failedMount = pod.events.find(
      (event) => event.reason === 'FailedMount' && /aws-iam-token|eks-pod-identity-token/.test(event.at.text),
    );
    if (failedMount) {
      drafts.push({
        class: 'web_identity_token_file_error',
        severity: 'error',
        explanation: `Kubernetes could not mount the projected token volume (${failedMount.reason}), so ${tokenVariable?.value ?? 'the token file'} does not exist in the pod.`,
        evidence: spotEvidence(input, failedMount.at),
        confidence: 0.75,
      });
    }

    if (credentials.podIdentity) drafts.push(...podIdentityDrafts(facts, inputs, classified, input, saEvidence));
    if (credentials.irsa || credentials.podIdentity || credentials.staticKeys) continue;
    const annotated = annotatedRole(facts);
    const wantsIrsa =
      facts.connectors.some((c) => c.document.connector.spec.credential.type === 'Irsa') ||
      facts.trusts.some((t) => t.analysis.webIdentity.length > 0) ||
      classified.some((draft) => draft.class.startsWith('web_identity'));
    const missing = `the pod has no AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE (and no Pod Identity AWS_CONTAINER_CREDENTIALS_FULL_URI)`;
    if (annotated || wantsIrsa) {
      const otherAccount =
        annotated && annotated.account !== account ? ` The pod runs as ${account}, not as the annotated ${annotated.account}.` : '';
      drafts.push({
        class: 'irsa_misconfigured',
        severity: 'error',
        title: 'IRSA is not injected into the pod',
        explanation: `${annotated ? `The service account ${annotated.account} carries ${ROLE_ARN_ANNOTATION}: ${annotated.roleArn}, but ` : 'IRSA is expected, but '}${missing}: the EKS webhook did not inject them. Pods created before the annotation keep their old environment.${otherAccount}`,
        evidence: [...saEvidence, ...(annotated ? evidenceOf(annotated.input, annotated.roleArn) : [])],
        fix: [
          `Run the pod as the annotated service account (serviceAccountName${annotated ? `: ${annotated.account}` : ''}) and restart it (kubectl rollout restart) so the webhook injects the variables; check that the pod-identity-webhook runs in the cluster.`,
        ],
        confidence: 0.8,
      });
      continue;
    }
    const chain = classified.find((draft) => CHAIN_CLASSES.has(draft.class));
    if (chain) {
      drafts.push({
        class: chain.class,
        severity: 'warning',
        explanation: `The pod ${namespace}/${pod.name ?? '?'} (service account ${account}) shows how the chain ended: ${missing} nor static keys, so the SDK falls through to instance metadata, the EKS node's role.`,
        evidence: saEvidence,
        confidence: 0.5,
      });
    }
  }
  return drafts;
}

/** The clients other inputs name: CloudTrail user agents and the CLI version of a --debug log. */
function clientsOf(inputs: readonly ReadInput[]): { client: string; input: ReadInput; at: Spot | null }[] {
  return inputs.flatMap((input) => {
    const facts = input.facts;
    if (facts?.kind === 'cloudtrail')
      return facts.events.flatMap((event) => (event.client ? [{ client: event.client, input, at: spotOf(input.text, event.client) }] : []));
    if (facts?.kind === 'aws_cli_debug' && facts.version) return [{ client: facts.version.text.split(' ')[0] ?? '', input, at: null }];
    return [];
  });
}

/** Pod Identity is injected: an SDK too old to read it, or a connector type that cannot use it. */
function podIdentityDrafts(
  facts: ConfigFacts,
  inputs: readonly ReadInput[],
  classified: readonly Draft[],
  podInput: ReadInput,
  saEvidence: Evidence[],
): Draft[] {
  const drafts: Draft[] = [];
  const old = clientsOf(inputs)
    .map((entry) => ({ ...entry, minimum: podIdentityMinimum(entry.client) }))
    .find((entry) => entry.minimum !== null);
  if (old) {
    const chain = classified.find((draft) => CHAIN_CLASSES.has(draft.class) || draft.class === 'permission_denied');
    drafts.push({
      class: chain?.class ?? 'no_credentials_found',
      severity: 'warning',
      explanation: `The pod has EKS Pod Identity injected (AWS_CONTAINER_CREDENTIALS_FULL_URI), but the client ${old.client} is older than ${old.minimum}, the first version that reads it: the chain skips Pod Identity and falls through to instance metadata, the node's role.`,
      evidence: [...saEvidence, ...spotEvidence(old.input, old.at)],
      fix: [`Upgrade the SDK (or the delegate image that carries it) to ${old.minimum} or later, or use IRSA for this service account.`],
      confidence: 0.6,
    });
  }
  for (const { input, document } of facts.connectors) {
    if (document.connector.spec.credential.type !== 'Irsa') continue;
    drafts.push({
      class: 'connector_misconfigured',
      severity: 'error',
      explanation: `The delegate pod gets its role through EKS Pod Identity (${podInput.name} has AWS_CONTAINER_CREDENTIALS_FULL_URI and no AWS_ROLE_ARN), but the connector uses Irsa, which needs AWS_ROLE_ARN and a web identity token file.`,
      evidence: [...evidenceOf(input, 'Irsa'), ...saEvidence],
      fix: [
        'Set the connector to Assume IAM Role on Delegate (InheritFromDelegate): Pod Identity credentials come through the SDK’s default chain.',
      ],
      confidence: 0.7,
    });
  }
  return drafts;
}
