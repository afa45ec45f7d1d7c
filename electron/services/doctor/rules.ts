import type { AwsErrorClass } from '../../../shared/errors';

/**
 * Groups of AWS wordings that several classes share; which class they mean is decided by context
 * (see resolve.ts), never by the wording alone.
 */
export type Family = 'token_invalid';

/**
 * One clue: when the first pattern matches and every other pattern matches near it (same few lines),
 * `weight` goes to the class or family. Patterns are literal
 * AWS codes and messages or bounded windows (`[^\n]{0,120}`), never nested quantifiers, so a scan of a
 * 10 MB paste stays linear. Weights: 4-5 a wording only that class produces, 2-3 a code shared with
 * neighbours, 1 a hint.
 */
export interface Rule {
  readonly id: string;
  readonly target: AwsErrorClass | Family;
  readonly weight: number;
  readonly all: readonly RegExp[];
}

const r = (id: string, target: Rule['target'], weight: number, ...all: RegExp[]): Rule => ({ id, target, weight, all });

const TOKEN_PATH =
  /\/var\/run\/secrets\/eks\.amazonaws\.com\/serviceaccount\/token|AWS_WEB_IDENTITY_TOKEN_FILE|web[_ ]?identity[_ ]?token[_ ]?file/i;
/** Names only an instance-metadata client prints: a failure next to them is about IMDS itself. */
const IMDS_SPECIFIC = /169\.254\.169\.254|169\.254\.170\.2\b|fd00:ec2::254|EC2MetadataError|\bec2imds\b|EC2 IMDS/;
const IMDS_WORDS =
  /instance metadata|metadata service|\bIMDS\b|ec2imds|EC2 ?Metadata|credential-provider-imds|meta-data\/iam|Failed to connect to service endpoint|Unable to load credentials from service endpoint|InstanceProfileCredentialsProvider|EC2CredentialsFetcher/i;
const TIMEOUT =
  /ETIMEDOUT|timed? ?out|TimeoutError|deadline exceeded|EHOSTUNREACH|ENETUNREACH|ECONNREFUSED|connection refused|no route to host/i;

export const RULES: readonly Rule[] = [
  // Access key not recognised, and its look-alikes (family resolved by context).
  r('invalid-client-token-id', 'token_invalid', 3, /\bInvalidClientTokenId\b/),
  r('security-token-invalid', 'token_invalid', 2, /security token included in the request is invalid/i),
  r('unrecognized-client', 'token_invalid', 3, /\bUnrecognizedClientException\b|\bUnrecognizedClient\b/),
  r('invalid-access-key-id', 'token_invalid', 3, /\bInvalidAccessKeyId\b/),
  r('key-not-in-records', 'invalid_access_key_id', 1.5, /Access Key Id you provided does not exist in our records/i),
  r('auth-failure', 'token_invalid', 3, /\bAuthFailure\b/),
  r('not-able-to-validate', 'token_invalid', 2, /not able to validate the provided access credentials/i),
  r(
    'access-key-inactive',
    'invalid_access_key_id',
    3,
    /access key[^\n]{0,40}(?:is inactive|has been deleted|is disabled|not found)|account[^\n]{0,30}(?:is suspended|has been suspended)/i,
  ),
  r(
    'session-token-required',
    'missing_session_token',
    4,
    /(?:must|needs? to|should) (?:include|send|provide|pass) (?:a|the) session token|temporary (?:security )?credentials[^\n]{0,120}session token|session token[^\n]{0,60}(?:missing|not (?:set|sent|provided|included))/i,
  ),

  // Signature problems.
  r('signature-does-not-match', 'secret_key_mismatch', 2.5, /\bSignatureDoesNotMatch\b/),
  r('signature-calculated', 'secret_key_mismatch', 3.5, /signature we calculated does not match the signature you provided/i),
  r('invalid-signature-exception', 'secret_key_mismatch', 2.5, /\bInvalidSignatureException\b/),
  r('incomplete-signature', 'secret_key_mismatch', 2, /\bIncompleteSignature(?:Exception)?\b/),
  r(
    'authorization-header-chars',
    'secret_key_mismatch',
    4,
    /invalid header field value for "?\\?"?Authorization|invalid header field value[^\n]{0,300}for key Authorization|Invalid character in header content[^\n]{0,10}Authorization|invalid (?:character|value)[^\n]{0,40}Authorization header/i,
  ),

  // Expiry.
  r('expired-token', 'expired_credentials', 4, /\bExpiredToken(?:Exception)?\b/),
  r(
    'token-expired-msg',
    'expired_credentials',
    3,
    /provided token has expired|security token included in the request is expired|credentials (?:have|has) expired|session has expired(?! and refresh)/i,
  ),
  r(
    'sso-expired',
    'sso_session_expired',
    5,
    /SSO session[^\n]{0,60}(?:expired|invalid)|aws sso login|retrieving token from sso|SSOTokenProviderFailure|SSO Token[^\n]{0,40}(?:expired|invalid|not found)|Token has expired and refresh failed|refresh failed[^\n]{0,40}sso/i,
  ),
  r('sso-token-load', 'sso_session_expired', 4, /\bSSOTokenLoadError\b|Error loading SSO Token|UnauthorizedSSOTokenError/i),
  r('sso-grant', 'sso_session_expired', 3, /\bInvalidGrantException\b|sso[_-]?oidc[^\n]{0,80}(?:expired|invalid)/i),
  r('sso-unauthorized', 'sso_session_expired', 4, /Session token not found or invalid/i),
  // aws login sessions (AWS CLI 2.32+), as @aws-sdk/credential-provider-login words them.
  r(
    'aws-login-session',
    'sso_session_expired',
    5,
    /re-?authenticate using `?aws login|Your session has expired\. Please reauthenticate|does not contain login_session|Failed to load token from[^\n]{0,200}login\/cache/i,
  ),

  // Clock.
  r('time-too-skewed', 'clock_skew', 5, /\bRequestTimeTooSkewed\b|request time and the (?:current|server's) time is too large|clock skew/i),
  r(
    'request-expired',
    'clock_skew',
    4,
    /\bRequestExpired\b|Request has expired|Signature expired:|Signature not yet current|must be within \d{1,5} ?secs|Request timestamp[^\n]{0,60}expired/i,
  ),

  // Authorisation.
  r(
    'access-denied-code',
    'permission_denied',
    2,
    /\bAccessDenied(?:Exception)?\b|\bUnauthorizedOperation\b|\bAuthorizationError\b|\bUnauthorizedAccess\b|\bAccess Denied\b/,
  ),
  r('http-403', 'permission_denied', 1, /\(403\)[^\n]{0,80}Forbidden|403 Forbidden/),
  r(
    'not-authorized',
    'permission_denied',
    1.5,
    /is not authorized to perform|You are not authorized to perform this operation|not authorized to access this resource/i,
  ),
  r('no-identity-policy', 'permission_denied', 3, /no identity-based policy allows/i),
  r('encoded-failure', 'permission_denied', 1.5, /Encoded authorization failure message/i),
  r('explicit-deny', 'explicit_deny', 6.5, /with an explicit deny|explicitly denied/i),
  r('boundary', 'permissions_boundary_deny', 7, /no permissions boundary allows/i),
  r(
    'assume-role-not-authorized',
    'assume_role_denied',
    5.5,
    /not authorized to perform:? sts:(?:AssumeRole(?!WithWebIdentity|WithSAML)\b|TagSession\b)/i,
  ),
  r(
    'assume-role-access-denied',
    'assume_role_denied',
    2.5,
    /\bAccessDenied\b[^\n]{0,80}\bAssumeRole\b(?!With)|\bAssumeRole\b(?!With)[^\n]{0,80}\bAccessDenied\b/,
  ),
  r('external-id', 'assume_role_denied', 3, /external ?id[^\n]{0,60}(?:mismatch|does not match|invalid|incorrect)|sts:ExternalId/i),
  r(
    'session-credentials-restricted',
    'temp_credentials_restricted',
    5,
    /Cannot call \w{3,40} with session credentials|AWS managed temporary credentials/i,
  ),
  r(
    'duration',
    'role_session_duration_exceeded',
    6,
    /DurationSeconds exceeds|MaxSessionDuration|session limit for roles assumed by role chaining|durationSeconds[^\n]{0,80}less than or equal to/i,
  ),

  // Web identity (IRSA, OIDC).
  r('no-oidc-provider', 'oidc_provider_missing', 6, /No OpenIDConnect provider found/i),
  r('web-identity-not-authorized', 'web_identity_trust_denied', 6, /Not authorized to perform sts:AssumeRoleWithWebIdentity/i),
  r(
    'web-identity-access-denied',
    'web_identity_trust_denied',
    3,
    /\bAccessDenied\b[^\n]{0,160}AssumeRoleWithWebIdentity|AssumeRoleWithWebIdentity[^\n]{0,160}\bAccessDenied\b/,
  ),
  r(
    'token-audience',
    'web_identity_token_rejected',
    5,
    /Incorrect token audience|Missing a required claim|match configured thumbprint|\bIDPRejectedClaim(?:Exception)?\b|token audience[^\n]{0,40}(?:invalid|incorrect|mismatch)/i,
  ),
  r('invalid-identity-token', 'web_identity_token_rejected', 1.5, /\bInvalidIdentityToken(?:Exception)?\b/),
  r(
    'idp-unreachable',
    'oidc_idp_unreachable',
    6,
    /Couldn't retrieve verification key from your identity provider|\bIDPCommunicationError(?:Exception)?\b/i,
  ),
  r(
    'token-file-unreadable',
    'web_identity_token_file_error',
    4,
    /unable to read file at|failed fetching WebIdentity token|IsADirectoryError|role ARN is not set|AWS_ROLE_ARN[^\n]{0,40}(?:not set|missing|empty)/i,
  ),
  r(
    'pod-identity-token-file',
    'web_identity_token_file_error',
    4,
    /eks-pod-identity-token|AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE/,
    /permission denied|no such file|ENOENT|EACCES|cannot be read|does not exist/i,
  ),
  r(
    'token-file-os-error',
    'web_identity_token_file_error',
    4,
    TOKEN_PATH,
    /permission denied|no such file|ENOENT|EACCES|Is a directory|could not be read|does not exist|NoSuchFileException/i,
  ),

  // Credential chain.
  r(
    'no-providers',
    'no_credentials_found',
    4,
    /Could not load credentials from any providers|\bNoCredentialsError\b|Unable to locate credentials|\bNoCredentialProviders\b|no valid providers in chain|No valid credential sources|Missing credentials in config|Unable to load (?:AWS )?credentials from any (?:of the )?providers? in the chain|Credentials could not be loaded|failed to find credentials|Partial credentials found|PartialCredentialsError|Unable to find environment variable credentials|Unable to find credentials|Cannot read credentials from|no providers in chain provided credentials|MissingCredentialsError|without credentials set/i,
  ),
  // A chain that found nothing ended at instance metadata; keep the IMDS classes in view.
  r(
    'chain-ends-at-imds',
    'imds_unreachable',
    1,
    /Could not load credentials from any providers|\bNoCredentialProviders\b|no valid providers in chain|Unable to load (?:AWS )?credentials from any (?:of the )?providers? in the chain/i,
  ),
  r('credential-process-expired', 'expired_credentials', 5, /credential_process returned expired credentials/),
  r(
    'credential-process',
    'no_credentials_found',
    4,
    /credential_process (?:returned invalid|did not return Version 1)|credential_process[^\n]{0,80}(?:failed|non-zero exit)/i,
  ),
  r(
    'profile-missing',
    'profile_not_found',
    6,
    /config profile \([^\n)]{0,80}\) could not be found|\bProfileNotFound\b|SharedConfigProfileNotExists|failed to get shared config profile|[Pp]rofile[^\n]{0,60}(?:could not be found|not found|does not exist)/,
  ),
  r('imds-no-role', 'imds_no_instance_role', 6, /requested metadata is not found|IAM role on the Ec2 delegate does not exist/i),
  // SDKs print these on any IMDS failure, a timeout included; a 404 or a timeout nearby decides.
  r('imds-no-role-generic', 'imds_no_instance_role', 4, /no EC2 instance role found|no EC2 IMDS role found|EC2RoleRequestError/i),
  r('imds-404', 'imds_no_instance_role', 3, IMDS_WORDS, /\b404\b|not found/i),
  r('imds-timeout', 'imds_unreachable', 6, IMDS_SPECIFIC, TIMEOUT),
  // The EKS Pod Identity Agent's address: nothing answering there means the add-on is missing on the node.
  r('pod-identity-agent', 'imds_unreachable', 5, /169\.254\.170\.23|fd00:ec2::23/, TIMEOUT),
  r('imds-403', 'imds_unreachable', 3, IMDS_WORDS, /\b403\b|Forbidden|IMDSv2|hop limit/i),
  r('imds-provider-timeout', 'no_credentials_found', 3, IMDS_WORDS, TIMEOUT),
  r('imds-provider-timeout-alt', 'imds_unreachable', 2, IMDS_WORDS, TIMEOUT),
  r(
    'imds-dotnet',
    'no_credentials_found',
    3,
    /Unable to get IAM security credentials from EC2 Instance Metadata Service|Failed to retrieve credentials from EC2 Instance Metadata Service/i,
  ),
  // Harness delegate Hint/Explanation wording (harness-core HintException / ExplanationException): weak on
  // their own, they only tip the balance when the AWS text inside is missing or shared by several classes.
  r('harness-ec2-role', 'imds_no_instance_role', 2, /IAM role on delegate ec2 doesn't exist|Check IAM role on delegate ec2/i),
  r('harness-irsa', 'web_identity_token_file_error', 1, /IRSA capability for delegate doesn't exist/i),
  r('harness-empty-key', 'no_credentials_found', 2, /(?:Access|Secret) Key cannot be empty|Check if (?:access|secret) key is empty/i),
  r('harness-bad-keys', 'token_invalid', 1, /Access Key or Secret Key is invalid/i),
  r(
    'harness-cross-account',
    'assume_role_denied',
    2,
    /Cross account role ARN or External Id is invalid|Check if Cross account role ARN, External Id are valid/i,
  ),
  r('harness-iam-role-check', 'imds_no_instance_role', 2, /meta-data\/iam\/security-credentials|HINT_AWS_IAM_ROLE_CHECK/),

  // Regions and partitions.
  r(
    'opt-in-required',
    'region_not_enabled',
    5,
    /\bOptInRequired\b|not subscribed to this service|region[^\n]{0,40}(?:is not enabled|is disabled|not opted in)/i,
  ),
  r('invalid-token-code', 'sts_token_not_valid_in_region', 4, /\bInvalidToken\b|provided token is malformed or otherwise invalid/),
  r('sts-region-disabled', 'sts_region_disabled', 6, /\bRegionDisabledException\b|STS is not activated in this region/i),

  r(
    'bad-region',
    'endpoint_resolution_error',
    3,
    /not a valid DNS (?:host ?)?name|Invalid region|invalid region|\bMissingRegion\b|Missing region|region is missing|failed to resolve service endpoint|doesn't match a supported format|\bInvalidRegionError\b/i,
  ),

  // Network.
  r(
    'dns-failure',
    'network_unreachable',
    1.5,
    /\bENOTFOUND\b|\bEAI_AGAIN\b|getaddrinfo|could not be resolved|UnknownHostException|Unknown Host|no such host|Inaccessible host|Name or service not known|Temporary failure in name resolution|cURL error 6\b|Could not resolve host/i,
  ),
  r(
    'dns-failure-endpoint',
    'endpoint_resolution_error',
    1.2,
    /\bENOTFOUND\b|getaddrinfo|could not be resolved|UnknownHostException|Unknown Host|no such host|Inaccessible host|Name or service not known/i,
  ),
  r('could-not-connect', 'network_unreachable', 2.5, /Could not connect to the endpoint URL|\bEndpointConnectionError\b/),
  r(
    'connect-failure',
    'network_unreachable',
    2.5,
    /\bETIMEDOUT\b|connect timed out|Connect timeout|ConnectTimeoutError|TLS handshake timeout|\bECONNRESET\b|Connection reset|StatusCode: 0\b|request send failed|i\/o timeout|SocketTimeoutException|Unable to execute HTTP request|ConnectException|\bECONNREFUSED\b|socket hang up|Connection timed out|Operation timed out|network is unreachable|cURL error (?:7|28)\b|\bEHOSTUNREACH\b|\bENETUNREACH\b|dial tcp[^\n]{0,80}(?:timeout|refused)|Read timed out|Read timeout on endpoint URL|ReadTimeoutError/i,
  ),
  r('proxy', 'network_unreachable', 1, /\bproxy\b|HTTPS_PROXY/i),

  // TLS.
  r(
    'tls',
    'tls_certificate_error',
    5,
    /unable to get local issuer certificate|self[- ]signed certificate|CERTIFICATE_VERIFY_FAILED|PKIX path building failed|certificate signed by unknown authority|unable to verify the first certificate|SunCertPathBuilderException|unable to find valid certification path|certificate verify failed|unable to get issuer certificate|AWS_CA_BUNDLE[^\n]{0,60}(?:not found|invalid|no such)/i,
  ),
  r('ssl-validation', 'tls_certificate_error', 1.5, /SSL validation failed|SSLHandshakeException|\bx509:/i),

  // Throttling.
  r(
    'throttling',
    'throttling',
    5,
    /\bThrottling(?:Exception)?\b|\bRate exceeded\b|\bRequestLimitExceeded\b|Request limit exceeded|\bTooManyRequestsException\b|Too Many Requests|\bSlowDown\b|\bThrottled(?:Exception)?\b/,
  ),
];
