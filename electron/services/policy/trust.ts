import { globMatch } from '../../../shared/policy/glob';
import { DEFAULT_OIDC_AUDIENCE, ENHANCED_SUBJECT_FLAG, parseHarnessIssuer, parseHarnessSubject } from '../../../shared/oidc/harness';
import { partitionOfArn, partitionOfRegion, type PartitionId } from '../../../shared/regions';

/**
 * Reads the web-identity (IRSA) statements of a role trust policy and checks them against the
 * rules STS applies (reference §6): Federated principal = the IAM OIDC provider ARN, action
 * sts:AssumeRoleWithWebIdentity, condition keys `<issuer without https://>:sub` and `:aud`.
 */
export interface TrustProblem {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** JSON path into the policy, e.g. `Statement[0].Condition.StringEquals`. */
  readonly path: string;
  /** The text in the policy the problem is about, to locate it. */
  readonly text: string;
}

export interface WebIdentityStatement {
  readonly path: string;
  readonly providerArn: string;
  readonly providerPartition: PartitionId | null;
  readonly providerAccount: string | null;
  /** Issuer host and path from the provider ARN: `oidc.eks.us-east-1.amazonaws.com/id/ABC`. */
  readonly issuer: string | null;
  readonly subjects: readonly { operator: string; value: string; key: string }[];
  readonly audiences: readonly { operator: string; value: string; key: string }[];
}

export interface TrustAnalysis {
  readonly webIdentity: readonly WebIdentityStatement[];
  readonly problems: readonly TrustProblem[];
}

const PROVIDER = /^arn:([a-z-]+):iam::(\d{12}):oidc-provider\/(.+)$/;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function strings(value: unknown): string[] {
  return list(value).filter((item): item is string => typeof item === 'string');
}

/** The partition an OIDC issuer host belongs to: `.amazonaws.com.cn` is China, `oidc.eks.us-gov-…` GovCloud. */
export function partitionOfIssuer(issuer: string): PartitionId | null {
  const host = issuer.replace(/^https:\/\//, '').split('/')[0] ?? '';
  const region = /^oidc\.eks\.([a-z0-9-]+)\./.exec(host)?.[1];
  if (host.endsWith('.amazonaws.com.cn')) return 'aws-cn';
  return region ? partitionOfRegion(region) : null;
}

type ConditionValue = WebIdentityStatement['subjects'][number];

/** Whether a condition on a token claim lets `claim` through: the *Like operators compare as IAM globs, case-sensitively. */
export function conditionAdmits(entries: readonly ConditionValue[], claim: string): boolean {
  return entries.some(({ operator, value }) => (/Like/.test(operator) ? globMatch(value, claim, { ignoreCase: false }) : value === claim));
}

/** Whether a `:sub` condition admits `system:serviceaccount:<namespace>:<account>`. */
export function subjectAdmits(subjects: readonly ConditionValue[], namespace: string, account: string): boolean {
  return conditionAdmits(subjects, `system:serviceaccount:${namespace}:${account}`);
}

function conditionEntries(condition: unknown, suffix: ':sub' | ':aud', path: string) {
  const out: { operator: string; value: string; key: string; path: string }[] = [];
  if (condition === null || typeof condition !== 'object') return out;
  for (const [operator, block] of Object.entries(condition as Record<string, unknown>)) {
    if (block === null || typeof block !== 'object') continue;
    for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
      if (!key.endsWith(suffix)) continue;
      for (const value of strings(values)) out.push({ operator, value, key, path: `${path}.Condition.${operator}["${key}"]` });
    }
  }
  return out;
}

export function analyzeTrustPolicy(policy: unknown): TrustAnalysis {
  const problems: TrustProblem[] = [];
  const webIdentity: WebIdentityStatement[] = [];
  const statements = policy !== null && typeof policy === 'object' ? list((policy as { Statement?: unknown }).Statement) : [];
  statements.forEach((raw, index) => {
    if (raw === null || typeof raw !== 'object') return;
    const statement = raw as { Effect?: unknown; Principal?: unknown; Action?: unknown; Condition?: unknown };
    const path = Array.isArray((policy as { Statement?: unknown }).Statement) ? `Statement[${index}]` : 'Statement';
    const principal = statement.Principal;
    const federated = principal !== null && typeof principal === 'object' ? strings((principal as { Federated?: unknown }).Federated) : [];
    const providers = federated.filter((value) => PROVIDER.test(value));
    if (providers.length === 0 || statement.Effect !== 'Allow') return;
    const actions = strings(statement.Action);
    if (!actions.some((action) => /^sts:(AssumeRoleWithWebIdentity|\*)$/i.test(action) || action === '*')) {
      problems.push({
        severity: 'error',
        path: `${path}.Action`,
        text: actions[0] ?? 'Action',
        message: `A statement trusting an OIDC provider must allow sts:AssumeRoleWithWebIdentity; it allows ${actions.join(', ') || 'nothing'}.`,
      });
    }
    const subjects = conditionEntries(statement.Condition, ':sub', path);
    const audiences = conditionEntries(statement.Condition, ':aud', path);
    // A Harness OIDC connector's role: its own subject and audience rules, and no IRSA statement (no cluster, no service account).
    const harnessAccount = providers.map((arn) => parseHarnessIssuer(PROVIDER.exec(arn)?.[3] ?? '')?.accountId).find(Boolean);
    for (const providerArn of providers) {
      const [, partitionSegment = '', account = null, issuer = null] = PROVIDER.exec(providerArn) ?? [];
      const providerPartition = partitionOfArn(providerArn);
      if (providerPartition === null) {
        problems.push({
          severity: 'error',
          path: `${path}.Principal.Federated`,
          text: providerArn,
          message: `"${partitionSegment}" in the provider ARN is not an AWS partition.`,
        });
      }
      const issuerPartition = issuer ? partitionOfIssuer(issuer) : null;
      if (issuer && issuerPartition && providerPartition && issuerPartition !== providerPartition) {
        problems.push({
          severity: 'error',
          path: `${path}.Principal.Federated`,
          text: providerArn,
          message: `The OIDC issuer ${issuer} is in the ${issuerPartition} partition but the provider ARN says arn:${providerPartition}; use arn:${issuerPartition}:iam::…`,
        });
      }
      for (const entry of [...subjects, ...audiences]) {
        const keyIssuer = entry.key.slice(0, entry.key.lastIndexOf(':'));
        if (keyIssuer.startsWith('https://')) {
          problems.push({
            severity: 'error',
            path: entry.path,
            text: entry.key,
            message: `Condition keys use the issuer without https:// ("${keyIssuer.slice(8)}${entry.key.slice(keyIssuer.length)}").`,
          });
        } else if (issuer && keyIssuer !== issuer) {
          problems.push({
            severity: 'error',
            path: entry.path,
            text: entry.key,
            message: `The condition key names issuer ${keyIssuer}, but the trusted provider is ${issuer}; STS never sets this key, so the condition cannot match.`,
          });
        }
      }
      if (!harnessAccount)
        webIdentity.push({ path, providerArn, providerPartition, providerAccount: account, issuer, subjects, audiences });
    }
    if (harnessAccount) {
      problems.push(...harnessTrustProblems(path, providers[0] ?? '', harnessAccount, subjects, audiences));
      return;
    }
    if (subjects.length === 0) {
      problems.push({
        severity: 'warning',
        path: `${path}.Condition`,
        text: providers[0] ?? '',
        message:
          'No :sub condition: every service account in the cluster can assume this role. Add StringEquals "<issuer>:sub": "system:serviceaccount:<namespace>:<service account>".',
      });
    }
    for (const entry of subjects) {
      if (!entry.value.startsWith('system:serviceaccount:')) {
        problems.push({
          severity: 'error',
          path: entry.path,
          text: entry.value,
          message: `The :sub value "${entry.value}" is not of the form system:serviceaccount:<namespace>:<service account>.`,
        });
      } else if (/[*?]/.test(entry.value) && !/Like/.test(entry.operator)) {
        problems.push({
          severity: 'error',
          path: entry.path,
          text: entry.value,
          message: `"${entry.value}" has a wildcard but the operator is ${entry.operator}, which compares literally; use StringLike.`,
        });
      }
    }
    for (const entry of audiences) {
      if (entry.value !== 'sts.amazonaws.com') {
        problems.push({
          severity: 'warning',
          path: entry.path,
          text: entry.value,
          message: `The :aud value is "${entry.value}"; EKS service account tokens carry sts.amazonaws.com unless eks.amazonaws.com/audience says otherwise.`,
        });
      }
    }
  });
  return { webIdentity, problems };
}

type ConditionEntry = WebIdentityStatement['subjects'][number] & { readonly path: string };

/**
 * A role trusted by Harness's connector issuer (shared/oidc/harness.ts has the sources): the subject,
 * when a :sub condition is there, is `account/<id>:org/<org>:project/<project>` of the issuer's own
 * account, and the audience is sts.amazonaws.com unless the connector was set up with another.
 */
function harnessTrustProblems(
  path: string,
  providerArn: string,
  accountId: string,
  subjects: readonly ConditionEntry[],
  audiences: readonly ConditionEntry[],
): TrustProblem[] {
  const problems: TrustProblem[] = [];
  if (subjects.length === 0) {
    problems.push({
      severity: 'warning',
      path: `${path}.Condition`,
      text: providerArn,
      message: `No :sub condition: every OIDC connector of Harness account ${accountId} can assume this role. Limit it to an organization or project with "<issuer>:sub" = account/${accountId}:org/<org>:project/<project> (Harness sends that form with ${ENHANCED_SUBJECT_FLAG}).`,
    });
  }
  for (const entry of subjects) {
    const literal = !/[*?]/.test(entry.value);
    const scope = parseHarnessSubject(entry.value);
    if (!entry.value.startsWith('account/') || (literal && !scope)) {
      problems.push({
        severity: 'error',
        path: entry.path,
        text: entry.value,
        message: `The :sub value "${entry.value}" is not a subject Harness issues: account/<id>:org/<org>:project/<project> (empty org and project at account scope).`,
      });
    } else if (!entry.value.startsWith(`account/${accountId}:`) && !entry.value.startsWith(`account/${accountId}*`)) {
      problems.push({
        severity: 'error',
        path: entry.path,
        text: entry.value,
        message: `The :sub value names another Harness account than the trusted issuer's (${accountId}); no token of this issuer can match it.`,
      });
    } else if (!literal && !/Like/.test(entry.operator)) {
      problems.push({
        severity: 'error',
        path: entry.path,
        text: entry.value,
        message: `"${entry.value}" has a wildcard but the operator is ${entry.operator}, which compares literally; use StringLike.`,
      });
    }
  }
  if (audiences.length === 0) {
    problems.push({
      severity: 'warning',
      path: `${path}.Condition`,
      text: providerArn,
      message: `No :aud condition: Harness's setup checks StringEquals "<issuer>:aud" = ${DEFAULT_OIDC_AUDIENCE}.`,
    });
  }
  for (const entry of audiences) {
    if (entry.value !== DEFAULT_OIDC_AUDIENCE) {
      problems.push({
        severity: 'warning',
        path: entry.path,
        text: entry.value,
        message: `The :aud value is "${entry.value}"; Harness's tokens carry ${DEFAULT_OIDC_AUDIENCE} unless the connector was set up with another audience, which must also be a client ID of the IAM provider.`,
      });
    }
  }
  return problems;
}
