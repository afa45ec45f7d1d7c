/**
 * What Harness's OIDC issuer for AWS connectors looks like and what it puts in a token's `sub`.
 *
 * Sources: Harness developer-hub `aws-connector-settings-reference.md` ("Use OIDC", "Enhanced Subject")
 * and the knowledge-base article "AWS OIDC Role and Connector" (reference §1): the issuer is
 * `https://app.harness.io/ng/api/oidc/account/<account id>` (other Harness clusters and self-managed
 * installations serve the same path on their own host), the audience `sts.amazonaws.com`, and the IAM
 * provider's thumbprint is the same for every Harness account. With the feature flag
 * PL_OIDC_ENHANCED_SUBJECT_FIELD the subject names the connector's scope:
 * `account/<id>:org/<org>:project/<project>`, with an empty org and project at account scope and an
 * empty project at organization scope.
 */

export const HARNESS_OIDC_HOST = 'app.harness.io';
export const HARNESS_OIDC_PATH = '/ng/api/oidc/account/';
/** "The same for all Harness accounts" (Harness knowledge base, AWS OIDC Role and Connector). */
export const HARNESS_OIDC_THUMBPRINT = 'df3c24f9bfd666761b268073fe06d1cc8d4f82a4';
export const DEFAULT_OIDC_AUDIENCE = 'sts.amazonaws.com';
export const ENHANCED_SUBJECT_FLAG = 'PL_OIDC_ENHANCED_SUBJECT_FIELD';
export const OIDC_CONNECTOR_FLAG = 'CDS_AWS_OIDC_AUTHENTICATION';

/** Harness account IDs are 22 base64url characters today; allow some room, nothing that needs quoting. */
const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const HOST = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:\d{1,5})?$/;

export function isHarnessAccountId(value: string): boolean {
  return ACCOUNT_ID.test(value);
}

/** `app.harness.io/ng/api/oidc/account/<id>`: the issuer as IAM names the provider and its condition keys. */
export function harnessIssuerHost(accountId: string, host = HARNESS_OIDC_HOST): string {
  return `${host}${HARNESS_OIDC_PATH}${accountId}`;
}

export function harnessIssuerUrl(accountId: string, host = HARNESS_OIDC_HOST): string {
  return `https://${harnessIssuerHost(accountId, host)}`;
}

export interface HarnessIssuer {
  readonly host: string;
  readonly accountId: string;
}

/** A Harness connector issuer (with or without `https://`), or `null` for any other issuer. */
export function parseHarnessIssuer(issuer: string): HarnessIssuer | null {
  if (issuer.length > 512) return null;
  const bare = issuer.startsWith('https://') ? issuer.slice('https://'.length) : issuer;
  const at = bare.indexOf(HARNESS_OIDC_PATH);
  if (at <= 0) return null;
  const host = bare.slice(0, at);
  const accountId = bare.slice(at + HARNESS_OIDC_PATH.length).replace(/\/$/, '');
  return HOST.test(host) && ACCOUNT_ID.test(accountId) ? { host, accountId } : null;
}

/** The scope of a connector as the enhanced subject names it; empty strings are "not at that level". */
export interface HarnessScope {
  readonly accountId: string;
  readonly org: string;
  readonly project: string;
}

export function harnessSubject(scope: HarnessScope): string {
  return `account/${scope.accountId}:org/${scope.org}:project/${scope.project}`;
}

/** The scope an enhanced subject names, or `null` when the subject has another form (flag off, another issuer). */
export function parseHarnessSubject(subject: string): HarnessScope | null {
  if (subject.length > 512) return null;
  const parts = subject.split(':');
  if (parts.length !== 3) return null;
  const [account = '', org = '', project = ''] = parts;
  if (!account.startsWith('account/') || !org.startsWith('org/') || !project.startsWith('project/')) return null;
  return { accountId: account.slice('account/'.length), org: org.slice('org/'.length), project: project.slice('project/'.length) };
}

/**
 * The `:sub` condition for a role limited to an organization or a project: a project is one exact
 * subject; an organization is every subject under it (its own connectors and its projects'), which
 * needs StringLike. No org, no condition: the role then trusts every connector of the account.
 */
export function subjectCondition(
  accountId: string,
  org: string | undefined,
  project: string | undefined,
): { operator: 'StringEquals' | 'StringLike'; value: string } | null {
  if (!org) return null;
  if (project) return { operator: 'StringEquals', value: harnessSubject({ accountId, org, project }) };
  return { operator: 'StringLike', value: `${harnessSubject({ accountId, org, project: '' })}*` };
}
