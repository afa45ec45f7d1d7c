import { describe, expect, it } from 'vitest';
import { diagnose } from '../../../electron/services/doctor/diagnose';

/**
 * The Doctor on what the newer credential sources print when they fail, as the AWS SDK words it (or
 * this app's test does), and on Harness OIDC failures: the class first, and a fix that names the source.
 */
const CASES: ReadonlyArray<readonly [string, string, string, RegExp]> = [
  [
    'an aws login session the sign-in service will not refresh',
    'CredentialsProviderError: Your session has expired. Please reauthenticate.',
    'sso_session_expired',
    /aws login --profile/,
  ],
  [
    'an aws login profile without its cached token',
    'Failed to load token from /home/dev/.aws/login/cache/3f2a.json: Error: ENOENT: no such file or directory, please re-authenticate using aws login',
    'sso_session_expired',
    /aws login --profile/,
  ],
  [
    'a credential_process that printed an old Expiration',
    'CredentialsProviderError: Profile build credential_process returned expired credentials.',
    'expired_credentials',
    /credential_process helper/,
  ],
  [
    'a credential_process that printed something else',
    'CredentialsProviderError: Profile build credential_process did not return Version 1.',
    'no_credentials_found',
    /"Version": 1/,
  ],
  [
    'no EKS Pod Identity Agent on the node',
    'Error: connect ETIMEDOUT 169.254.170.23:80 while fetching credentials from AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'imds_unreachable',
    /eks-pod-identity-agent/,
  ],
  [
    'a Pod Identity token file that is not mounted',
    "Error: ENOENT: no such file or directory, open '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token'",
    'web_identity_token_file_error',
    /eks-pod-identity-token/,
  ],
  [
    'a Harness issuer without an IAM provider',
    'InvalidIdentityToken: No OpenIDConnect provider found in your account for https://app.harness.io/ng/api/oidc/account/Hue1lBsaSx2APlXjzVEPIg',
    'oidc_provider_missing',
    /awb oidc setup/,
  ],
  [
    'a Harness token the role does not trust',
    'AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity (connector aws_oidc, issuer app.harness.io/ng/api/oidc/account/Hue1lBsaSx2APlXjzVEPIg)',
    'web_identity_trust_denied',
    /account\/<id>:org\/<org>:project\/<project>/,
  ],
];

describe('the Doctor knows the failures of aws login, credential_process, Pod Identity and Harness OIDC', () => {
  it.each(CASES)('%s', async (_label, text, expected, fix) => {
    const result = await diagnose([{ name: 'error.txt', text }]);
    expect(result.findings[0]?.class).toBe(expected);
    expect(result.findings[0]?.fix.join('\n')).toMatch(fix);
  });
});
