import type { AwsErrorClass } from '../../../shared/errors';

/**
 * "Where one fact would decide between the first two classes, name that fact": for the pairs the
 * doctor most often cannot separate from the text alone, the one thing to check that tells them apart.
 */
const PAIRS: readonly [AwsErrorClass, AwsErrorClass, string][] = [
  [
    'invalid_access_key_id',
    'missing_session_token',
    'Does the access key ID start with ASIA? Then it is temporary and its session token must be sent with it; an AKIA key AWS does not know is wrong, deleted or from another account.',
  ],
  [
    'invalid_access_key_id',
    'partition_mismatch',
    'Which partition issued the key? GovCloud or China keys (or an endpoint in aws-us-gov/aws-cn) are unknown to the commercial partition, and the other way round.',
  ],
  [
    'invalid_access_key_id',
    'sts_token_not_valid_in_region',
    'Is the region an opt-in region and did the credentials come from the global STS endpoint? Then the token is not valid there; get it from the regional STS endpoint.',
  ],
  [
    'region_not_enabled',
    'sts_token_not_valid_in_region',
    'Is the region enabled for the account (aws account list-regions)? If it is, the temporary token from the global STS endpoint is what fails there.',
  ],
  ['invalid_access_key_id', 'clock_skew', "Is the machine's clock within five minutes of real time (date -u against an NTP source)?"],
  [
    'no_credentials_found',
    'imds_unreachable',
    'Does this run on EC2 (or in a pod or task on it)? Off AWS the instance-metadata step only shows nothing else was configured; on EC2, instance metadata itself is failing (IMDSv2 hop limit, network, disabled).',
  ],
  [
    'imds_unreachable',
    'imds_no_instance_role',
    'Does meta-data/iam/security-credentials/ answer on the instance? A 404 means no role is attached; a timeout or 401 means instance metadata is not reachable or needs an IMDSv2 token.',
  ],
  [
    'network_unreachable',
    'endpoint_resolution_error',
    'Does the endpoint name resolve (nslookup)? A region or service that does not exist in that partition never resolves; a real endpoint that does not answer is the network.',
  ],
  [
    'permission_denied',
    'explicit_deny',
    'Does the decoded authorization message (aws sts decode-authorization-message) show explicitDeny, or does an SCP apply? Then no Allow can fix it.',
  ],
  ['explicit_deny', 'permissions_boundary_deny', "Is the deny in the role's permissions boundary, or in an SCP or identity policy?"],
  [
    'assume_role_denied',
    'permission_denied',
    "Is the failing action sts:AssumeRole (the role's trust policy decides) or a call made after the role was assumed (its permissions decide)?",
  ],
  [
    'sso_session_expired',
    'expired_credentials',
    'Do the credentials come from an SSO profile (sso_session or sso_start_url)? Then aws sso login renews them; otherwise the session keys themselves expired.',
  ],
  [
    'profile_not_found',
    'no_credentials_found',
    'Is the named profile in ~/.aws/config or ~/.aws/credentials (aws configure list-profiles) for the user the process runs as?',
  ],
  [
    'web_identity_trust_denied',
    'web_identity_token_rejected',
    "Do the token's sub and aud match the trust policy's conditions (trust denied), or does STS reject the token itself (audience, thumbprint, issuer)?",
  ],
  [
    'temp_credentials_restricted',
    'invalid_access_key_id',
    'Are these Cloud9 or session credentials calling IAM or STS? Those calls need long-term keys or a role.',
  ],
];

export function decidingFact(a: AwsErrorClass, b: AwsErrorClass): string | null {
  const pair = PAIRS.find(([x, y]) => (x === a && y === b) || (x === b && y === a));
  return pair ? pair[2] : null;
}
