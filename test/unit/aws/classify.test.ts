import { describe, expect, it } from 'vitest';
import { classOf, describeFailure, rawFailure, type FailureContext } from '../../../electron/services/aws/classify';

const ctx = (over: Partial<FailureContext> = {}): FailureContext => ({
  step: 'sts_get_caller_identity',
  region: 'us-east-1',
  now: new Date('2026-01-01T00:00:00Z'),
  accessKeyId: 'AKIAEXAMPLE',
  hasSessionToken: false,
  ...over,
});
const raw = (code: string, message = '', status: number | null = 400) => ({ code, message, status, requestId: null });

describe('failure classification', () => {
  it.each([
    ['InvalidClientTokenId', 'The security token included in the request is invalid.', {}, 'invalid_access_key_id'],
    [
      'InvalidClientTokenId',
      'The security token included in the request is invalid.',
      { accessKeyId: 'ASIAEXAMPLE' },
      'missing_session_token',
    ],
    [
      'AuthFailure',
      'AWS was not able to validate the provided access credentials',
      { accessKeyId: 'ASIAEXAMPLE', hasSessionToken: true },
      'invalid_access_key_id',
    ],
    ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.', {}, 'secret_key_mismatch'],
    [
      'SignatureDoesNotMatch',
      'Signature expired: 20250101T000000Z is now earlier than 20250101T001500Z (20250101T003000Z - 15 min.)',
      {},
      'clock_skew',
    ],
    ['RequestExpired', 'Request has expired.', {}, 'clock_skew'],
    ['RequestExpired', 'Request has expired.', { expiresAt: new Date('2025-12-31T00:00:00Z') }, 'expired_credentials'],
    ['ExpiredToken', 'The security token included in the request is expired', {}, 'expired_credentials'],
    ['RegionDisabledException', 'STS is not activated in this region for account:1.', {}, 'sts_region_disabled'],
    ['OptInRequired', 'You are not subscribed to this service.', {}, 'region_not_enabled'],
    ['RequestLimitExceeded', 'Request limit exceeded.', {}, 'throttling'],
    ['Throttling', 'Rate exceeded', {}, 'throttling'],
    [
      'UnauthorizedOperation',
      'You are not authorized to perform this operation. User: u is not authorized to perform: ec2:DescribeRegions with an explicit deny in a service control policy',
      { step: 'ec2_describe_regions' },
      'explicit_deny',
    ],
    [
      'UnauthorizedOperation',
      'User: u is not authorized to perform: ec2:DescribeRegions because no permissions boundary allows the ec2:DescribeRegions action',
      {},
      'permissions_boundary_deny',
    ],
    [
      'UnauthorizedOperation',
      'because no identity-based policy allows the ec2:DescribeRegions action',
      { step: 'ec2_describe_regions' },
      'permission_denied',
    ],
    [
      'AccessDenied',
      'User: u is not authorized to perform: sts:AssumeRole on resource: r',
      { step: 'sts_assume_role' },
      'assume_role_denied',
    ],
    [
      'AccessDenied',
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      { step: 'resolve_credentials' },
      'web_identity_trust_denied',
    ],
    ['InvalidIdentityToken', 'No OpenIDConnect provider found in your account for https://oidc.example', {}, 'oidc_provider_missing'],
    ['InvalidIdentityToken', "Couldn't retrieve verification key from your identity provider", {}, 'oidc_idp_unreachable'],
    ['InvalidIdentityToken', 'Incorrect token audience', {}, 'web_identity_token_rejected'],
    [
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      {},
      'role_session_duration_exceeded',
    ],
    ['CredentialsProviderError', 'Could not load credentials from any providers', {}, 'no_credentials_found'],
    ['ENOTFOUND', 'getaddrinfo ENOTFOUND sts.us-east-1a.amazonaws.com', {}, 'endpoint_resolution_error'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', {}, 'network_unreachable'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain', {}, 'tls_certificate_error'],
  ] as const)('%s "%s" → %s', (code, message, over, expected) => {
    expect(classOf(raw(code, message), ctx(over as Partial<FailureContext>))).toBe(expected);
  });

  it('a 5xx that survived the retries is a network-path failure; an unknown 4xx has no class', () => {
    expect(classOf(raw('InternalFailure', 'x', 500), ctx())).toBe('network_unreachable');
    expect(classOf(raw('SomethingNew', 'x', 400), ctx())).toBeNull();
    expect(describeFailure(raw('SomethingNew', 'x', 400), ctx()).class).toBe('internal');
  });

  it('prefers the wire code the SDK keeps in Code, and reads Node error codes', () => {
    expect(
      rawFailure(
        Object.assign(new Error('Incorrect token audience'), {
          name: 'InvalidIdentityTokenException',
          Code: 'InvalidIdentityToken',
          $metadata: { httpStatusCode: 400, requestId: 'r-1' },
        }),
      ),
    ).toEqual({ code: 'InvalidIdentityToken', message: 'Incorrect token audience', status: 400, requestId: 'r-1' });
    expect(rawFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).code).toBe('ECONNREFUSED');
  });

  it('removes the secret and tokens from the message shown to the user', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const described = describeFailure(raw('SignatureDoesNotMatch', `bad signature for ${secret}`), ctx({ knownSecrets: [secret] }));
    expect(described.message).not.toContain(secret);
    expect(described.fix).toMatch(/Secret Key/);
  });
});
