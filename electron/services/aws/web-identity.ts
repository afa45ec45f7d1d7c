import { randomUUID } from 'node:crypto';
import { fromWebToken } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity } from '@aws-sdk/types';
import type { TestConnector } from '../../../shared/aws-test/input';
import { AppError } from '../../../shared/errors';
import { readTokenClaims } from '../../../shared/oidc/claims';
import { NO_TOKEN_FIX_WINDOW, NO_TOKEN_MESSAGE } from '../../../shared/oidc/token';
import type { clientConfig } from './clients';
import type { WebIdentityContext } from './oidc-fixes';

/**
 * What the delegate does for an OIDC connector: AssumeRoleWithWebIdentity with the connector's role
 * and Harness's token, at the regional STS endpoint of the Test Region (`sts` carries its settings).
 */
export function harnessOidcCredentials(
  connector: TestConnector,
  token: string | undefined,
  sts: ReturnType<typeof clientConfig>,
): Promise<AwsCredentialIdentity> {
  if (!token) throw new AppError('web_identity_token_file_error', NO_TOKEN_MESSAGE, NO_TOKEN_FIX_WINDOW);
  return fromWebToken({
    roleArn: connector.oidc?.roleArn ?? '',
    webIdentityToken: token.trim(),
    roleSessionName: `awb-oidc-${randomUUID()}`,
    clientConfig: sts,
  })();
}

/**
 * The part of a failure context an OIDC run adds to its credentials step: the claims the fixes quote,
 * and the token as a known secret, so no message can carry it.
 */
export function webIdentityFailureContext(
  connector: TestConnector,
  token: string | undefined,
): { webIdentity?: WebIdentityContext; knownSecrets?: string[] } {
  if (connector.credentialType !== 'OidcAuthentication' || !connector.oidc) return {};
  const read = token ? readTokenClaims(token) : null;
  return {
    webIdentity: {
      claims: read?.ok ? read.claims : null,
      roleArn: connector.oidc.roleArn,
      sessionTags: connector.oidc.sessionTagKeys.length > 0,
    },
    knownSecrets: token ? [token, token.trim()] : [],
  };
}
