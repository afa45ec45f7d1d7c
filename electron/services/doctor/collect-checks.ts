import type { CollectBundle, CollectStep } from '../../../shared/collect/schema';
import { partitionOfArn } from '../../../shared/regions';
import { partitionOfIssuer, subjectAdmits } from '../policy/trust';
import { collectFacts, stepEvidence, stepHeading, type CollectFacts } from './collect-bundle';
import type { ConfigFacts } from './crosscheck';
import type { ReadInput } from './detect';
import { evidenceOf, type Draft } from './draft';

/**
 * What only a collect bundle can show: the running pod as the EKS webhook left it, the token it
 * really carries, what its network reaches, and the AWS side (cluster issuer, OIDC providers, the
 * role's trust policy) as the customer's account has it. Each check reads the bundle's facts and
 * the other inputs' (a pasted connector, trust policy). These are facts read from the cluster and
 * the account, not wordings matched, so they are stated with more confidence than the symptoms in
 * the same bundle's logs (a pod without AWS_ROLE_ARN also logs "Unable to locate credentials"):
 * the cause ranks before the error it produces.
 */
const STATIC_KEYS = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'];
const DEFAULT_AUDIENCE = 'sts.amazonaws.com';
/** Harness: OIDC connectors need delegate 24.03.82603 or later (reference §1). */
const OIDC_MIN_DELEGATE = [24, 3, 82603] as const;

const hostOf = (issuer: string) => issuer.replace(/^https:\/\//, '').replace(/\/$/, '');
const iso = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
const envNamed = (facts: CollectFacts, name: string) => facts.pod?.env.find((e) => e.name === name);

function restartCommand(facts: CollectFacts): string {
  const workload = facts.workload ? `${facts.workload.kind}/${facts.workload.name}` : `deployment/<delegate>`;
  return `kubectl rollout restart ${workload} -n ${facts.namespace}`;
}

/** The service account carries the role, but the pod never got AWS_ROLE_ARN and the token file. */
function injectionDrafts(facts: CollectFacts): Draft[] {
  const { pod, serviceAccount: sa, input } = facts;
  if (!pod || !sa?.roleArn) return [];
  const roleEnv = envNamed(facts, 'AWS_ROLE_ARN');
  const evidence = [
    ...stepEvidence(input, 'k8s.serviceaccount', sa.roleArn),
    ...stepEvidence(input, 'k8s.pods', `"serviceAccountName": "${pod.serviceAccount}"`),
  ];
  if (roleEnv && envNamed(facts, 'AWS_WEB_IDENTITY_TOKEN_FILE')) {
    if (!roleEnv.value || roleEnv.value === sa.roleArn || roleEnv.value === '[not collected]') return [];
    return [
      {
        class: 'irsa_misconfigured',
        severity: 'warning',
        title: 'The pod runs with another role than its service account names',
        explanation: `Pod ${pod.name} has AWS_ROLE_ARN ${roleEnv.value}, but service account ${sa.name} now names ${sa.roleArn}: the annotation changed after the pod started, and the webhook only sets a pod's variables when the pod is created.`,
        evidence: [...stepEvidence(input, 'k8s.pods', roleEnv.value), ...evidence.slice(0, 1)],
        fix: [`Restart the delegate so its pods pick up the new role: ${restartCommand(facts)}.`],
        confidence: 0.8,
      },
    ];
  }
  const later = sa.updatedAt && pod.startedAt && Date.parse(sa.updatedAt) > Date.parse(pod.startedAt);
  const why = later
    ? `The service account was last changed at ${sa.updatedAt}, after the pod started at ${pod.startedAt}: the EKS pod identity webhook only changes pods as they are created, so this pod started before the annotation.`
    : 'Either the pod started before the annotation was added (the webhook only changes pods as they are created), or the EKS pod identity webhook is not running or not reached.';
  return [
    {
      class: 'irsa_misconfigured',
      severity: 'error',
      title: 'The service account has the IAM role, but the delegate pod has no AWS_ROLE_ARN',
      explanation: `Service account ${facts.namespace}/${sa.name} carries eks.amazonaws.com/role-arn: ${sa.roleArn}, but pod ${pod.name} has no AWS_ROLE_ARN or AWS_WEB_IDENTITY_TOKEN_FILE${pod.tokenAudience ? '' : ' and no projected token volume for sts.amazonaws.com'}, so the delegate cannot use IRSA. ${why}`,
      evidence,
      fix: [
        `Restart the delegate so new pods are created through the webhook: ${restartCommand(facts)}.`,
        `Then check the new pod has the variables: kubectl get pods -n ${facts.namespace} -o yaml | grep -E 'AWS_ROLE_ARN|AWS_WEB_IDENTITY_TOKEN_FILE'.`,
        'If they are still missing, check the webhook: kubectl get mutatingwebhookconfiguration pod-identity-webhook (EKS runs it in the control plane; on self-managed clusters its pods must be running), and that the pod has no eks.amazonaws.com/skip-containers annotation naming the delegate container.',
      ],
      confidence: later ? 0.97 : 0.94,
    },
  ];
}

/** Environment keys come first in every AWS SDK's credential chain: they win over the IRSA token. */
function staticKeyDrafts(facts: CollectFacts, config: ConfigFacts): Draft[] {
  const keys = (facts.pod?.env ?? []).filter((e) => STATIC_KEYS.includes(e.name));
  if (!facts.pod || keys.length === 0) return [];
  const irsa =
    !!facts.serviceAccount?.roleArn ||
    !!envNamed(facts, 'AWS_ROLE_ARN') ||
    config.connectors.some((c) => c.document.connector.spec.credential.type === 'Irsa');
  const names = keys.map((k) => k.name);
  const target = facts.workload ? `${facts.workload.kind}/${facts.workload.name}` : 'deployment/<delegate>';
  return [
    {
      class: 'irsa_misconfigured',
      severity: irsa ? 'error' : 'warning',
      title: irsa ? 'Static AWS keys in the delegate’s environment shadow IRSA' : 'Static AWS keys are set in the delegate’s environment',
      explanation: `The delegate container sets ${names.join(', ')}. The AWS SDK reads environment keys before a web identity token, so the delegate signs in as the keys' IAM user${irsa ? ` and never as the IRSA role${facts.serviceAccount?.roleArn ? ` ${facts.serviceAccount.roleArn}` : ''}` : ''}, and Assume IAM Role on Delegate or IRSA connectors get those keys' permissions.`,
      evidence: keys.flatMap((k) => stepEvidence(facts.input, 'k8s.pods', `"name": "${k.name}"`)).slice(0, 3),
      fix: [
        `Remove the keys from the delegate's environment: kubectl set env ${target} -n ${facts.namespace} ${names.map((n) => `${n}-`).join(' ')} (or delete them from the manifest or Helm values), which restarts the pod.`,
        'If the delegate is meant to use these keys, use an AWS Access Key connector with Harness secrets instead of environment variables.',
      ],
      confidence: irsa ? 0.95 : 0.5,
    },
  ];
}

/** Every web-identity statement of the trust policies read (the bundle's role, or one pasted), against the pod's real identity. */
function trustDrafts(facts: CollectFacts, config: ConfigFacts): Draft[] {
  const { pod, claims } = facts;
  if (!pod) return [];
  const subject = `system:serviceaccount:${facts.namespace}:${pod.serviceAccount}`;
  const audience = claims?.aud[0] ?? facts.serviceAccount?.audience ?? pod.tokenAudience ?? DEFAULT_AUDIENCE;
  const issuer = facts.cluster?.issuer ?? claims?.iss ?? null;
  const podEvidence = stepEvidence(facts.input, 'k8s.pods', `"serviceAccountName": "${pod.serviceAccount}"`);
  return config.trusts.flatMap(({ input: trust, analysis }) =>
    analysis.webIdentity.flatMap((statement): Draft[] => {
      const drafts: Draft[] = [];
      if (statement.subjects.length > 0 && !subjectAdmits(statement.subjects, facts.namespace, pod.serviceAccount)) {
        drafts.push({
          class: 'web_identity_trust_denied',
          severity: 'error',
          title: 'The role’s trust policy does not trust the delegate’s service account',
          explanation: `The trust policy's :sub allows ${statement.subjects.map((s) => s.value).join(', ')}, but the delegate pod ${pod.name} runs as ${subject}. STS refuses AssumeRoleWithWebIdentity for any other subject.`,
          evidence: [...statement.subjects.flatMap((s) => evidenceOf(trust, s.value)).slice(0, 2), ...podEvidence],
          fix: [
            `Set the trust policy's "${statement.subjects[0]?.key ?? '<issuer>:sub'}" condition to "${subject}" (aws iam update-assume-role-policy), or run the delegate as the service account it names.`,
          ],
          confidence: 0.96,
        });
      }
      if (statement.audiences.length > 0 && !statement.audiences.some((a) => a.value === audience)) {
        drafts.push({
          class: 'web_identity_trust_denied',
          severity: 'error',
          title: 'The role’s trust policy expects another token audience',
          explanation: `The trust policy's :aud allows ${statement.audiences.map((a) => a.value).join(', ')}, but the delegate's token is issued for ${audience}${claims?.aud.length ? ' (its aud claim)' : ''}.`,
          evidence: [
            ...statement.audiences.flatMap((a) => evidenceOf(trust, a.value)).slice(0, 1),
            ...stepEvidence(facts.input, 'pod.checks', `"aud"`),
          ],
          fix: [
            `Set the :aud condition to "${audience}", or set eks.amazonaws.com/audience on the service account to the audience the policy expects and restart the delegate.`,
          ],
          confidence: 0.9,
        });
      }
      if (issuer && statement.issuer && statement.issuer !== hostOf(issuer)) {
        drafts.push({
          class: 'web_identity_trust_denied',
          severity: 'error',
          title: 'The role trusts another cluster’s OIDC provider',
          explanation: `The trust policy trusts ${statement.providerArn}, but the delegate's cluster issues tokens as ${issuer}; STS matches the token's issuer against the trusted provider, so the role cannot be assumed from this cluster.`,
          evidence: [
            ...evidenceOf(trust, statement.providerArn),
            ...stepEvidence(facts.input, facts.cluster?.issuer ? 'aws.cluster' : 'pod.checks', issuer),
          ],
          fix: [
            `Trust the cluster's provider: Principal.Federated arn:<partition>:iam::<account>:oidc-provider/${hostOf(issuer)}, and use ${hostOf(issuer)}:sub and :aud as the condition keys.`,
          ],
          confidence: 0.92,
        });
      }
      return drafts;
    }),
  );
}

/** The cluster's issuer must be registered as an IAM OIDC provider in the role's account. */
function providerDrafts(facts: CollectFacts): Draft[] {
  const issuer = facts.cluster?.issuer ?? facts.claims?.iss ?? null;
  if (!issuer || facts.providers === null) return [];
  const host = hostOf(issuer);
  if (facts.providers.some((arn) => arn.endsWith(`:oidc-provider/${host}`))) return [];
  const roleAccount = facts.serviceAccount?.roleArn?.split(':')[4] ?? null;
  const otherAccount = roleAccount !== null && facts.shellAccount !== null && roleAccount !== facts.shellAccount;
  const cluster = facts.cluster?.name ?? facts.bundle.options.cluster ?? '<cluster>';
  return [
    {
      class: 'oidc_provider_missing',
      severity: otherAccount ? 'warning' : 'error',
      title: 'The cluster’s OIDC issuer is not an IAM identity provider',
      explanation: `The cluster issues service-account tokens as ${issuer}, but IAM ${otherAccount ? `in account ${facts.shellAccount} (where the AWS CLI was signed in; the role is in ${roleAccount}) ` : ''}lists ${facts.providers.length === 0 ? 'no OIDC provider' : `only ${facts.providers.join(', ')}`}. STS answers "No OpenIDConnect provider found in your account" for every token from this cluster.`,
      evidence: [
        ...stepEvidence(facts.input, facts.cluster?.issuer ? 'aws.cluster' : 'pod.checks', issuer),
        ...stepEvidence(facts.input, 'aws.oidc-providers', '"OpenIDConnectProviderList"'),
      ],
      fix: [
        `Create the provider: eksctl utils associate-iam-oidc-provider --cluster ${cluster} --approve (or IAM → Identity providers → OpenID Connect, provider URL ${issuer}, audience ${DEFAULT_AUDIENCE}).`,
      ],
      confidence: otherAccount ? 0.5 : 0.95,
    },
  ];
}

/** The token file, read in the pod: named, but unreadable to the delegate's user. */
function tokenFileDrafts(facts: CollectFacts): Draft[] {
  if (!facts.tokenFile || facts.tokenFile.readable !== false) return [];
  return [
    {
      class: 'web_identity_token_file_error',
      severity: 'error',
      title: 'The delegate cannot read its web identity token file',
      explanation: `AWS_WEB_IDENTITY_TOKEN_FILE names ${facts.tokenFile.path}, but the delegate container's user cannot read it${facts.pod?.tokenAudience ? '' : ', and the pod has no projected token volume'}. Without the token the SDK cannot call AssumeRoleWithWebIdentity.`,
      evidence: stepEvidence(facts.input, 'pod.checks', '"tokenReadable": false'),
      fix: [
        'If the delegate runs as a non-root user, set the pod securityContext fsGroup (for example fsGroup: 65534) so the projected token is readable, and restart the delegate.',
        `If the file is missing, restart the delegate so the webhook mounts the token, with ${restartCommand(facts)}.`,
      ],
      confidence: 0.92,
    },
  ];
}

/** The token's own claims, read in the pod: expired, or for an audience STS is not told to accept. */
function tokenDrafts(facts: CollectFacts, config: ConfigFacts): Draft[] {
  const { claims } = facts;
  if (!claims) return [];
  const drafts: Draft[] = [];
  if (claims.exp !== null && claims.exp * 1000 < facts.createdAt) {
    drafts.push({
      class: 'expired_credentials',
      severity: 'error',
      title: 'The delegate pod’s web identity token has expired',
      explanation: `The token in the pod expired at ${iso(claims.exp)}; the bundle was collected at ${facts.bundle.createdAt}. The kubelet renews a projected token well before it expires, so an expired one means the file is not the projected volume (a copy, or another mount), the kubelet cannot renew it, or the node's clock is wrong. STS refuses an expired token (ExpiredTokenException).`,
      evidence: stepEvidence(facts.input, 'pod.checks', `"exp": ${claims.exp}`),
      fix: [
        `Restart the delegate so the kubelet projects a fresh token into the new pod, with ${restartCommand(facts)}.`,
        'Make sure AWS_WEB_IDENTITY_TOKEN_FILE is /var/run/secrets/eks.amazonaws.com/serviceaccount/token, the projected volume the webhook mounts, not a copied file.',
        'Check the node’s clock (chrony/NTP): the kubelet renews tokens by its own clock.',
      ],
      confidence: 0.95,
    });
  }
  const trusted = config.trusts.some((t) => t.analysis.webIdentity.some((s) => s.audiences.length > 0));
  if (!trusted && claims.aud.length > 0 && !claims.aud.includes(DEFAULT_AUDIENCE)) {
    drafts.push({
      class: 'web_identity_token_rejected',
      severity: 'warning',
      title: 'The delegate’s token is issued for another audience',
      explanation: `The token's aud claim is ${claims.aud.join(', ')}; the IAM OIDC provider of an EKS cluster accepts ${DEFAULT_AUDIENCE} unless it lists this audience as a client ID, and STS answers "Incorrect token audience" otherwise.`,
      evidence: stepEvidence(facts.input, 'pod.checks', `"aud"`),
      fix: [
        `Remove eks.amazonaws.com/audience from the service account (the default is ${DEFAULT_AUDIENCE}) and restart the delegate, or add ${claims.aud[0]} as a client ID of the OIDC provider.`,
      ],
      confidence: 0.7,
    });
  }
  return drafts;
}

/** DNS and TCP from inside the pod to the STS and EC2 hosts of the chosen regions. */
function reachabilityDrafts(facts: CollectFacts): Draft[] {
  const failing = facts.reachability.filter((row) => row.dns === 'fail' || row.tcp === 'fail');
  if (failing.length === 0) return [];
  const proxy = envNamed(facts, 'PROXY_HOST')?.value ?? envNamed(facts, 'HTTPS_PROXY')?.value ?? null;
  const sts = failing.some((row) => row.host.startsWith('sts'));
  const what = failing.map(
    (row) => `${row.host}: ${row.dns === 'fail' ? 'the DNS lookup failed' : 'the TCP connection to port 443 failed'}`,
  );
  return [
    {
      class: 'network_unreachable',
      severity: proxy ? 'warning' : 'error',
      title: sts
        ? 'The regional STS endpoint is unreachable from the delegate pod'
        : 'The EC2 endpoint is unreachable from the delegate pod',
      explanation: `From inside pod ${facts.pod?.name ?? 'of the delegate'}: ${what.join('; ')}. ${sts ? 'IRSA exchanges the token at the regional STS endpoint, so no credentials can be obtained.' : 'The connector test calls ec2:DescribeRegions there.'}${proxy ? ` The delegate is configured with the proxy ${proxy}; the check connects directly, so it may fail where the proxy would succeed: check the proxy allows these hosts.` : ''}`,
      evidence: failing.flatMap((row) => stepEvidence(facts.input, 'pod.checks', `"host": "${row.host}"`)).slice(0, 3),
      fix: [
        `Allow egress from the delegate's pods to ${failing.map((row) => row.host).join(', ')} on port 443 (network policies, security groups, the corporate firewall).`,
        ...(failing.some((row) => row.dns === 'fail')
          ? ['DNS failed: check CoreDNS (kubectl -n kube-system get pods -l k8s-app=kube-dns) and the VPC resolver.']
          : []),
        'In a private cluster without internet access, create VPC interface endpoints for com.amazonaws.<region>.sts and com.amazonaws.<region>.ec2 with private DNS.',
      ],
      confidence: proxy ? 0.45 : 0.9,
    },
  ];
}

/** `harness/delegate:24.07.83605` (or `.minimal`) as [24, 7, 83605]; null for `latest` or a digest. */
function delegateVersion(image: string): number[] | null {
  const tag = image.slice(image.lastIndexOf('/') + 1).split(':')[1] ?? '';
  const match = /^(\d{2})\.(\d{2})\.(\d{5})/.exec(tag);
  return match ? match.slice(1).map(Number) : null;
}

function olderThan(version: readonly number[], minimum: readonly number[]): boolean {
  const index = minimum.findIndex((part, i) => (version[i] ?? 0) !== part);
  return index >= 0 && (version[index] ?? 0) < (minimum[index] ?? 0);
}

/** OIDC connectors need a recent delegate; the immutable image tag says which one runs. */
function versionDrafts(facts: CollectFacts, config: ConfigFacts): Draft[] {
  const image = facts.delegateImage;
  const oidc = config.connectors.find((c) => c.document.connector.spec.credential.type === 'OidcAuthentication');
  if (!image || !oidc) return [];
  const version = delegateVersion(image);
  if (version && !olderThan(version, OIDC_MIN_DELEGATE)) return [];
  return [
    {
      class: 'connector_misconfigured',
      severity: 'error',
      title: 'The delegate is too old for an OIDC connector',
      explanation: `The connector uses OidcAuthentication, which needs delegate ${OIDC_MIN_DELEGATE.join('.')} or later; the delegate runs ${image}${version ? '' : ', a legacy or untagged image'}.`,
      evidence: [...stepEvidence(facts.input, 'k8s.pods', image).slice(0, 1), ...evidenceOf(oidc.input, 'OidcAuthentication')],
      fix: [
        `Upgrade the delegate image to harness/delegate:${OIDC_MIN_DELEGATE.join('.')} or later (an immutable yy.mm.build tag), or use another credential type.`,
      ],
      confidence: 0.8,
    },
  ];
}

/** The role and the issuer it trusts must be in one partition. */
function partitionDraftsOf(facts: CollectFacts): Draft[] {
  const roleArn = facts.serviceAccount?.roleArn;
  const issuer = facts.cluster?.issuer ?? facts.claims?.iss;
  const role = roleArn ? partitionOfArn(roleArn) : null;
  const cluster = issuer ? partitionOfIssuer(issuer) : null;
  if (!roleArn || !issuer || !role || !cluster || role === cluster) return [];
  return [
    {
      class: 'partition_mismatch',
      severity: 'error',
      explanation: `The service account's role ${roleArn} is in ${role}, but the cluster's issuer ${issuer} is in ${cluster}: a role can only trust an OIDC provider of its own partition.`,
      evidence: [...stepEvidence(facts.input, 'k8s.serviceaccount', roleArn), ...stepEvidence(facts.input, 'aws.cluster', issuer)],
      confidence: 0.85,
    },
  ];
}

const STEP_FIX: ReadonlyArray<[prefix: string, fix: string]> = [
  [
    'aws.',
    'Ask the customer to sign the AWS CLI in to the cluster’s account with a role that may call sts:GetCallerIdentity, eks:DescribeCluster, iam:ListOpenIDConnectProviders and iam:GetRole, and run the script again.',
  ],
  ['pod.', 'kubectl exec needs the pods/exec permission in the delegate’s namespace; without it, run the script without --exec.'],
  [
    'k',
    'kubectl needs read access (get, list) to the delegate’s namespace and to cluster role bindings; check the context with kubectl config current-context.',
  ],
];

/** Steps that failed on the customer's side: what the diagnosis could not see, and how to get it. */
function gapDrafts(facts: CollectFacts): Draft[] {
  const failed = facts.bundle.steps.filter((step) => step.status === 'failed');
  if (failed.length === 0) return [];
  const firstLine = (step: CollectStep) =>
    step.stderr
      .split('\n')
      .find((line) => line.trim().length > 0)
      ?.trim() ??
    (step.note || `exit code ${step.exitCode ?? 'unknown'}`);
  return [
    {
      class: 'input_unreadable',
      severity: 'info',
      title: `${failed.length} collect step${failed.length === 1 ? '' : 's'} failed on the customer’s side`,
      explanation: failed.map((step) => `${step.title} (${step.command}): ${firstLine(step)}`).join('\n'),
      evidence: failed.flatMap((step) => stepHeading(facts.input, step.id)).slice(0, 4),
      fix: [...new Set(failed.map((step) => STEP_FIX.find(([prefix]) => step.id.startsWith(prefix))?.[1] ?? ''))].filter(Boolean),
      confidence: 1,
    },
  ];
}

function unreadableDraft(input: ReadInput): Draft {
  return {
    class: 'input_unreadable',
    severity: 'warning',
    title: `${input.name} is an awb collect bundle this version cannot read`,
    explanation: input.summary,
    evidence: [],
    fix: ['Ask the customer to send the bundle file as the script wrote it, or generate a new script with this version of awb.'],
    confidence: 1,
  };
}

export function collectDrafts(inputs: readonly ReadInput[], config: ConfigFacts): Draft[] {
  return inputs.flatMap((input) => {
    if (input.kind !== 'collect_bundle') return [];
    const bundle = input.json as CollectBundle | null;
    if (!bundle) return [unreadableDraft(input)];
    const facts = collectFacts(input, bundle);
    return [
      ...injectionDrafts(facts),
      ...staticKeyDrafts(facts, config),
      ...trustDrafts(facts, config),
      ...providerDrafts(facts),
      ...tokenFileDrafts(facts),
      ...tokenDrafts(facts, config),
      ...reachabilityDrafts(facts),
      ...versionDrafts(facts, config),
      ...partitionDraftsOf(facts),
      ...gapDrafts(facts),
    ];
  });
}
