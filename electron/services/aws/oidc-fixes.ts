import type { ErrorClass } from '../../../shared/errors';
import type { TokenClaims } from '../../../shared/oidc/claims';
import { DEFAULT_OIDC_AUDIENCE, parseHarnessIssuer } from '../../../shared/oidc/harness';

/** What a failed OIDC exchange is judged against: the token's claims (never the token) and the connector's role. */
export interface WebIdentityContext {
  readonly claims: TokenClaims | null;
  readonly roleArn: string;
  readonly sessionTags: boolean;
}

const SETUP_HINT = 'awb oidc setup --harness-account <id> --account <aws account> prints the provider, the role and its trust policy.';

/** The fixes for a Harness token, naming what the token says; `null` where the generic fix already fits. */
export function oidcFixFor(errorClass: ErrorClass, context: WebIdentityContext): string | null {
  const claims = context.claims;
  const issuer = claims?.issuer ?? null;
  const host = issuer ? issuer.replace(/^https:\/\//, '') : '<issuer>';
  const harness = issuer ? parseHarnessIssuer(issuer) : null;
  const audience = claims?.audiences[0] ?? DEFAULT_OIDC_AUDIENCE;
  const roleAccount = context.roleArn.split(':')[4] ?? '<account>';
  switch (errorClass) {
    case 'expired_credentials':
      return `The Harness token expired${claims?.expiresAt ? ` at ${new Date(claims.expiresAt * 1000).toISOString()}` : ''}. Harness mints one per pipeline run and it lives about an hour: capture a fresh one and test again.`;
    case 'oidc_provider_missing':
      return `Create the IAM OIDC provider for ${issuer ?? 'the token issuer'} in account ${roleAccount} (the role's account), with client ID ${audience}. ${
        harness ? `awb oidc setup --harness-account ${harness.accountId} --account ${roleAccount} prints the command.` : SETUP_HINT
      }`;
    case 'web_identity_token_rejected':
      return `The token's audience ${audience} must be a client ID of the IAM OIDC provider for ${host}: add it (aws iam add-client-id-to-open-id-connect-provider), or keep Harness's default audience ${DEFAULT_OIDC_AUDIENCE}.`;
    case 'web_identity_trust_denied':
      return [
        `The trust policy of ${context.roleArn} does not admit this token. It must trust Principal.Federated arn:<partition>:iam::${roleAccount}:oidc-provider/${host}`,
        `with Action sts:AssumeRoleWithWebIdentity${context.sessionTags ? ' and sts:TagSession (the connector passes session tags)' : ''},`,
        `"${host}:aud" = ${audience}${claims?.subject ? ` and a "${host}:sub" condition (if any) that admits ${claims.subject}` : ''}.`,
        harness ? `awb oidc trust-policy --harness-account ${harness.accountId} --account ${roleAccount} prints one.` : SETUP_HINT,
      ].join(' ');
    case 'oidc_idp_unreachable':
      return `STS could not fetch the signing keys from ${issuer ?? 'the issuer'}/.well-known/openid-configuration: retry, and check the issuer host is the one of your Harness cluster.`;
    default:
      return null;
  }
}
