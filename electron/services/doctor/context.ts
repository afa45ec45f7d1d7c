import type { AwsErrorClass } from '../../../shared/errors';
import type { Rule } from './rules';
import { partitionOfRegion } from '../../../shared/regions';
import { findAll, findFirst, type Located } from './scan';

/**
 * Issue 14: wordings the base rules did not know (tool and SDK phrasings of the same failures), and
 * context clues about where the code ran (a laptop, a CI runner, a pod, an EC2 host) that decide
 * between classes sharing one AWS wording. Same pattern rules as rules.ts: literal codes, messages
 * and bounded windows only, so a scan stays linear.
 */
const r = (id: string, target: Rule['target'], weight: number, ...all: RegExp[]): Rule => ({ id, target, weight, all });

const IMDS_ADDRESS =
  /169\.254\.169\.254|169\.254\.170\.2\b|169\.254\.170\.23\b|fd00:ec2::254|EC2Metadata|\bec2imds\b|EC2 IMDS|instance profile metadata|InstanceProfileCredentialsProvider|credentials from IMDS/i;

export const CONTEXT_RULES: readonly Rule[] = [
  // Tools that report "no credentials" in their own words.
  r(
    'tool-no-credentials',
    'no_credentials_found',
    4,
    /AWS provider credentials not found|Unable to resolve AWS account to use|Need to perform AWS calls for account|source profile has no shared credentials|needs to be assumed with web identity, but no role assumption callback|could not find (?:any )?(?:valid )?(?:AWS )?credentials|no credentials (?:were )?(?:found|provided|configured)|credentials? (?:are|is|were) not (?:set|configured|found)/i,
  ),
  r(
    'profile-not-configured',
    'profile_not_found',
    4,
    /AWS profile "[^"\n]{1,80}" doesn't seem to be configured|credential type source_profile requires role_arn/i,
  ),
  r('profile-not-configured-alt', 'no_credentials_found', 2, /AWS profile "[^"\n]{1,80}" doesn't seem to be configured/i),
  r('aws-configure-list-empty', 'no_credentials_found', 4, /access_key\s{1,40}<not set>|secret_key\s{1,40}<not set>/),

  // A global service signed for the wrong region, or an endpoint the partition does not have.
  r('scoped-region', 'endpoint_resolution_error', 4, /Credential should be scoped to a valid region/i),
  r(
    'service-not-in-region',
    'endpoint_resolution_error',
    3,
    /service may not be available in the[^\n]{0,40}region|\bUnknownEndpoint\b|Could not connect to the endpoint URL[^\n]{0,20}"?https?:\/\/(?:support|iam|organizations|cloudfront|route53|globalaccelerator)\.[a-z]{2}-[a-z]{2,12}-\d\.amazonaws/i,
  ),
  r(
    'underscore-region-host',
    'endpoint_resolution_error',
    4,
    /\b[a-z0-9-]{1,40}[.-](?:us|eu|ap|sa|ca|me|af)_[a-z]{2,12}_\d\.amazonaws\.com/i,
  ),
  r(
    'global-service-regional-host',
    'endpoint_resolution_error',
    3,
    /\b(?:iam|cloudfront|route53|organizations|globalaccelerator|shield|support)\.(?:us|eu|ap|sa|ca|me|af|il|mx|cn)-[a-z]{2,12}-\d\.amazonaws\.com/i,
  ),
  r('empty-region-host', 'endpoint_resolution_error', 4, /\b(?:sts|s3|ec2|iam)\.\.amazonaws\.com/i),

  // Instance metadata itself failing (IMDSv2 token, hop limit, container credentials endpoint).
  r(
    'imds-401',
    'imds_unreachable',
    4,
    IMDS_ADDRESS,
    /status code: 401|\b401\b[^\n]{0,20}Unauthorized|IMDSv2|hop limit|HttpTokens|IMDSv2Tokens/i,
  ),
  r('imds-disabled', 'imds_unreachable', 5, /AWS_EC2_METADATA_DISABLED|access disabled to EC2 IMDS/i),
  r('metadata-proxy-404', 'imds_no_instance_role', 3, /\bkiam\b|\bkube2iam\b/i, /\b404\b|Not Found|role annotation/i),
  r('imds-v2-words', 'imds_unreachable', 2, /\bIMDSv2|metadata version 2|HttpPutResponseHopLimit|http-put-response-hop-limit|hop limit/i),
  r('container-metadata-host', 'imds_unreachable', 4, /is not a valid container metadata service hostname/i),
  r('iam-role-refresh', 'imds_unreachable', 4, /retrieving credentials from iam-role|Credential refresh failed, response did not contain/i),

  // Signatures and clocks.
  r('signature-expired', 'clock_skew', 3, /\bSignature expired\b|Signature not yet current/i),
  r(
    'secret-special-chars',
    'secret_key_mismatch',
    2,
    /secret[ _]?(?:access[ _]?)?key[^\n]{0,80}(?:contain|special character|a `\/`|trailing (?:space|whitespace))/i,
  ),
  r('signature-typo', 'secret_key_mismatch', 2, /\bSing?atureDoesNotMatch\b|\bSingatureDoesNotMatch\b/),

  // Authorisation wordings.
  r('scp', 'explicit_deny', 3, /\\?"explicitDeny\\?"\s{0,3}:\s{0,3}true|\bSCPs?\b|service control polic/i),
  r('boundary-explicit', 'permissions_boundary_deny', 5, /explicit deny in a permissions boundary/i),
  r('boundary-words', 'permissions_boundary_deny', 3, /permissions boundary/i),
  r('simulator-allows', 'explicit_deny', 2.5, /(?:policy simulator|simulat\w{0,5})[^\n]{0,80}\ballowed\b/i),
  r(
    'no-permission',
    'permission_denied',
    4,
    /do(?:es)? not have (?:the )?permissions? to|ServiceLinkedRoleCreationNotPermitted|Access ?Denied[^\n]{0,40}(?:S3|bucket)/i,
  ),
  r(
    'assume-role-words',
    'assume_role_denied',
    3,
    /\bSTS\b[^\n]{0,20}Access ?Denied|access denied (?:to|when) assum|fail(?:ed|ing|s)? to assume (?:the )?role|authorized to assume the (?:provided )?role|trust relationship/i,
  ),
  r(
    'web-identity-denied-spaced',
    'web_identity_trust_denied',
    3,
    /Access Denied[^\n]{0,160}AssumeRoleWithWebIdentity|AssumeRoleWithWebIdentity[^\n]{0,160}Access Denied/i,
  ),
  r(
    'oidc-idp-slow',
    'oidc_idp_unreachable',
    3,
    /OIDC (?:server|provider|endpoint)[^\n]{0,60}(?:not responding|timed? ?out|timeout|unreachable)/i,
  ),

  // Wordings of expiry, SSO, sessions and keys that tools print around the AWS codes.
  r('credentials-expiring', 'expired_credentials', 3, /credentials? expir(?:ing|ed|es|ation)|token expiration|token expir(?:ed|ing|y)/i),
  r('sso-token-provider', 'sso_session_expired', 5, /\bSso\w{0,20}TokenProvider\b/i),
  r(
    'key-unknown-without-token',
    'missing_session_token',
    4,
    /Access Key I[dD][^\n]{0,40}does not exist/,
    /session[ _]?token|without the token|session id/i,
  ),
  r('token-invalid-short', 'token_invalid', 2, /security token is invalid/i),
  r('action-inputs-permissions', 'web_identity_token_file_error', 5, /please check your action inputs/i, /\bpermissions\b|id-token/i),
  r(
    'profile-header-in-credentials',
    'profile_not_found',
    4.5,
    /credentials`? file[^\n]{0,80}(?:\n[^\n]{0,100}){0,3}\[profile [\w.-]{1,40}\]/i,
  ),
  r('global-sts-token', 'sts_token_not_valid_in_region', 2.5, /global STS endpoint|not valid in (?:all|this|that|every) regions?/i),
  r('new-region', 'region_not_enabled', 2, /(?:new|newest|latest|optional|opt-in) (?:AWS )?region/i),
  r('new-region-sts', 'sts_token_not_valid_in_region', 1.5, /(?:new|newest|latest|optional|opt-in) (?:AWS )?region/i),
  r(
    'clock-words',
    'clock_skew',
    3,
    /\bntp(?:date|d)?\b|\bchronyd?\b|system clock|time (?:of|on) (?:my|the) (?:machine|server|host)|time was (?:behind|ahead)/i,
  ),
  r('retries-exhausted', 'network_unreachable', 1.5, /exceeded maximum number of attempts|max retries exceeded/i),
  r('retries-exhausted-endpoint', 'endpoint_resolution_error', 1.2, /exceeded maximum number of attempts|max retries exceeded/i),
  r('timeout-words', 'network_unreachable', 2, /\btimeout (?:error|issue)\b|\btimed out\b/i),
  r('cron', 'no_credentials_found', 1.5, /\bunder cron\b|\bcron job\b|\bcrontab\b|systemd (?:unit|service)/i),
  r('irsa-trust-sub', 'web_identity_trust_denied', 2, /:sub\\?"?\s{0,3}:\s{0,3}\\?"system:serviceaccount:/),
  r('assume-fails', 'assume_role_denied', 3, /(?:fail\w{0,3}|unable|cannot|can't)[^\n]{0,60}assume (?:the |a )?role/i),

  // SDK and tool wordings across languages (.NET, Rust, Hadoop S3A, Pulumi, eksctl). Not the per-provider
  // lines a Java chain lists ("Profile file contained no credentials", "Failed to load credentials from IMDS"):
  // those only say which providers were tried.
  r(
    'sdk-no-credentials',
    'no_credentials_found',
    4,
    /Failed to resolve AWS credentials|No credentials specified or obtained|\bCredentialsNotLoaded\b|unable to discover AWS AccessKeyID|No AWS Credentials provided by|\bNoAuthWithAWSException\b|cannot get role ARN for current session|credentials have not been configured|no credentials have been configured/i,
  ),
  r('credentials-provider-error', 'no_credentials_found', 1.5, /\bCredentialsProviderError\b/),
  r(
    'sdk-profile-missing',
    'profile_not_found',
    5,
    /No (?:AWS )?profile named|Unable to find (?:the )?profile|unknown profile|profile[^\n]{0,40}(?:is not defined|isn't defined)/i,
  ),
  r(
    'assume-role-cannot',
    'assume_role_denied',
    3,
    /cannot be assumed|Roles may not be assumed by root|error assuming (?:the )?role|\bAssumeRole\b(?!With)[^\n]{0,20}(?:fail|denied|error)/i,
  ),
  r(
    'insufficient-permissions',
    'permission_denied',
    3,
    /insufficient (?:permissions|privileges)|don't have (?:the )?permissions?|missing (?:the )?(?:required )?permissions?|lacks? (?:the )?(?:required )?permissions?|\bnot permitted to\b/i,
  ),
  r('sso-token-words', 'sso_session_expired', 4, /\bSSOProviderInvalidToken\b|SSO access token|cached SSO token|sso[\\/]cache/i),
  r(
    'imds-token-words',
    'imds_unreachable',
    3,
    /IMDSv2 token|metadata token|instance metadata service (?:timed out|is unavailable|unreachable)/i,
  ),

  // CloudTrail events pasted as JSON: the error code and the call are separate fields, a few lines apart.
  r(
    'cloudtrail-web-identity-denied',
    'web_identity_trust_denied',
    5,
    /"errorCode"\s{0,3}:\s{0,3}"AccessDenied"/,
    /"eventName"\s{0,3}:\s{0,3}"AssumeRoleWithWebIdentity"/,
  ),
  r(
    'cloudtrail-assume-denied',
    'assume_role_denied',
    5,
    /"errorCode"\s{0,3}:\s{0,3}"AccessDenied"/,
    /"eventName"\s{0,3}:\s{0,3}"AssumeRole"/,
  ),
  r('cloudtrail-token-rejected', 'web_identity_token_rejected', 4, /"errorCode"\s{0,3}:\s{0,3}"(?:InvalidIdentityToken|IDPRejectedClaim)"/),

  // Throttling in any case.
  r('throttling-words', 'throttling', 4, /\bRate exceeded\b|\b\w{0,20}Throttling\b|being throttled/i),
];

/** Where the code ran, as far as the text says: decides what an instance-metadata failure means. */
export interface Place {
  /** A machine without instance metadata: a laptop, a desktop OS, another cloud, a developer PC. */
  readonly offAws: Located | null;
  /** An EC2 host (or a pod on one) where instance metadata should answer. */
  readonly onEc2: Located | null;
  readonly imds: Located | null;
  /** Web identity in play: a chain failure is then about the token or its role, not instance metadata. */
  readonly webIdentity: Located | null;
  /** The credential chain ran out of providers. */
  readonly chainFailed: Located | null;
  /** A connection that timed out or was refused: with instance metadata named, the metadata call failed. */
  readonly timeout: Located | null;
}

export function placeOf(text: string): Place {
  return {
    offAws: findFirst(
      text,
      /\/Users\/[\w.-]{1,40}\/|[A-Z]:\\\\?Users\\\\?|\b(?:my )?laptop\b|\bworkstation\b|\bdesktop\b|\bGitHub[- ]hosted\b|\bubuntu-latest\b|\bwindows-latest\b|\bmacos-latest\b|\bWindows (?:10|11|PC|computer|machine)\b|\bwindows computer\b|\bmacOS\b|\bdeveloper (?:PC|machine)\b|\blocal(?:ly| machine)\b|\bon GCP\b|\bGoogle Cloud\b|\bAzure\b|\bon[- ]prem(?:ise)?s?\b|\bDarwin\/\d|\bdarwin[_/-](?:amd64|arm64)\b|\bwindows[_/-](?:amd64|386|arm64)\b|\bwin32\b|\bMacBook\b|\bon (?:my )?Mac\b|\bWSL2?\b|\bminikube\b|\bkind cluster\b|\bDocker Desktop\b|\blocalstack\b|\/home\/runner\/work\/|\bCircleCI\b|\bTravis CI\b|\bBitbucket Pipelines\b/i,
    ),
    chainFailed: findFirst(
      text,
      /Unable to locate credentials|NoCredentialsError|no valid providers in chain|Could not load credentials from any providers/i,
    ),
    onEc2: findFirst(
      text,
      /\bEC2 instance\b|\bec2 host\b|\binstance role\b|\binstance profile\b|\bnode (?:IAM )?role\b|\bhop limit\b|\bECS task\b|\bon (?:an? )?EC2 (?:node|instance|host|runner|agent)\b|\bEKS\b|\bKubernetes pod\b|\bin (?:a|the|my) pod\b|\bECS\b|Found credentials from IAM Role|Looking for credentials via: iam-role|\bec2-user\b|\bip-\d{1,3}-\d{1,3}-\d{1,3}-\d{1,3}\b|\.compute\.internal\b|\bAmazon Linux\b|\bamzn2\b|\bi-[0-9a-f]{8}(?:[0-9a-f]{9})?\b|\bElastic Beanstalk\b|\b(?:EKS|worker) node\b|\bnode ?group\b/i,
    ),
    webIdentity: findFirst(
      text,
      /AWS_WEB_IDENTITY_TOKEN_FILE|AssumeRoleWithWebIdentity|\bIRSA\b|web[_ ]identity|eks\.amazonaws\.com\/role-arn/i,
    ),
    imds: findFirst(text, IMDS_ADDRESS),
    timeout: findFirst(
      text,
      /ETIMEDOUT|timed? ?out|TimeoutError|deadline exceeded|EHOSTUNREACH|ENETUNREACH|ECONNREFUSED|connection refused|no route to host/i,
    ),
  };
}

type Bump = (cls: AwsErrorClass, amount: number, evidence: readonly Located[], reason?: string) => void;

/**
 * Context weights added after the rules. Off AWS there is no instance metadata, so whatever the IMDS
 * rules scored is really "nothing earlier in the chain was configured"; on EC2 the same failure is
 * instance metadata itself.
 */
export function applyPlace(place: Place, bump: Bump, scoreOf: (cls: AwsErrorClass) => number): void {
  if (place.imds && place.offAws && !place.onEc2) {
    const imdsScore = Math.max(scoreOf('imds_unreachable'), scoreOf('imds_no_instance_role'));
    bump(
      'no_credentials_found',
      4 + 0.6 * imdsScore,
      [place.imds, place.offAws],
      `The SDK fell through to instance metadata ("${place.imds.text}") on a machine that has none ("${place.offAws.text}"): no credentials were configured.`,
    );
  }
  const metadataFailed = place.chainFailed ?? (place.imds && place.timeout);
  if (metadataFailed && place.onEc2 && !place.offAws && !place.webIdentity) {
    bump(
      'imds_unreachable',
      4.5,
      [metadataFailed, place.onEc2],
      `On an EC2 host ("${place.onEc2.text}") the chain ends at instance metadata, so its failure ("${metadataFailed.text}") means the instance role could not be read.`,
    );
  }
}

export interface ShareHint {
  readonly cls: AwsErrorClass;
  readonly share: number;
  readonly at: Located;
  readonly reason: string;
}

/**
 * Extra shares for the "security token is invalid" family from clues in the text: the call that
 * failed (GetCallerIdentity is the first call a tool makes), EC2's AuthFailure code (also a skewed
 * clock), an opt-in region reached with an assumed role, a Cloud9 prompt.
 */
export function tokenHints(text: string, optInRegion: Located | null): ShareHint[] {
  const hints: ShareHint[] = [];
  const callerIdentity = findFirst(text, /GetCallerIdentity|get-caller-identity|get_caller_identity/i);
  const assumeRole = findFirst(text, /\bAssumeRole\b/);
  if (callerIdentity && !assumeRole)
    hints.push({
      cls: 'missing_session_token',
      share: 0.35,
      at: callerIdentity,
      reason: `The first call a tool makes with its credentials failed ("${callerIdentity.text}"): temporary keys sent without their session token fail there too.`,
    });
  const authFailure = findFirst(text, /\bAuthFailure\b/);
  if (authFailure) {
    hints.push({
      cls: 'clock_skew',
      share: 0.45,
      at: authFailure,
      reason: `EC2 answers a request signed with a skewed clock with the same code ("${authFailure.text}").`,
    });
    if (optInRegion)
      hints.push({
        cls: 'sts_token_not_valid_in_region',
        share: 1.5,
        at: optInRegion,
        reason: `EC2 rejected the credentials ("${authFailure.text}") in opt-in region ${optInRegion.text}: tokens from the global STS endpoint are not valid there.`,
      });
  }
  const assumed = findFirst(text, /\brole_arn\b|\bsource_profile\b|\bassum(?:e|ed|ing) (?:a |the )?role\b/i);
  if (optInRegion && assumed && !authFailure)
    hints.push({
      cls: 'sts_token_not_valid_in_region',
      share: 1.4,
      at: assumed,
      reason: `An assumed role ("${assumed.text}") used in opt-in region ${optInRegion.text}.`,
    });
  const cloud9 = findFirst(text, /~\/environment \$/);
  if (cloud9)
    hints.push({
      cls: 'temp_credentials_restricted',
      share: 1.4,
      at: cloud9,
      reason: `A Cloud9 shell ("${cloud9.text}"): AWS managed temporary credentials refuse some calls.`,
    });
  return hints;
}

/**
 * Weak clues, one per class, from the words people use about each failure. They count only when no
 * AWS code or known wording matched (nothing scored 2), so a prose description still gets a ranked
 * guess, at a low confidence, instead of no finding.
 */
const CUES: readonly { cls: AwsErrorClass; weight: number; pattern: RegExp }[] = [
  {
    cls: 'no_credentials_found',
    weight: 1.2,
    pattern:
      /\bno (?:AWS )?credentials\b|credentials? (?:not found|missing|not set|are missing)|(?:unable|could not|cannot|can't|failed) to (?:find|locate|load|get) (?:any |the )?(?:AWS )?credentials|\bcredentials? (?:provider )?chain\b|\baws configure\b/i,
  },
  // Credential files and HOME: under sudo, cron, systemd or another user the SDK looks in another home.
  {
    cls: 'no_credentials_found',
    weight: 0.9,
    pattern:
      /~?\/\.aws\/credentials|AWS_ACCESS_KEY_ID|AWS_SHARED_CREDENTIALS_FILE|\bsudo\b|\$HOME\b|\bHOME (?:is|was|not|set)\b|home directory/,
  },
  { cls: 'profile_not_found', weight: 0.8, pattern: /~?\/\.aws\/config\b|\[profile [\w.-]{1,40}\]|AWS_CONFIG_FILE|\bnamed profile\b/ },
  {
    cls: 'profile_not_found',
    weight: 1,
    pattern:
      /\bprofile\b[^\n]{0,60}(?:not exist|missing|wrong|typo|not found|not configured|isn't configured)|\bAWS_PROFILE\b|--profile\b/i,
  },
  { cls: 'sso_session_expired', weight: 1, pattern: /\bSSO\b|Identity Center|sso_start_url|sso-session/i },
  { cls: 'expired_credentials', weight: 1, pattern: /\bexpir(?:ed|es|y|ation)\b/i },
  { cls: 'permission_denied', weight: 1, pattern: /\bForbidden\b|\b403\b|not authori[sz]ed|\bpermissions?\b|\bdenied\b/i },
  {
    cls: 'assume_role_denied',
    weight: 1,
    pattern: /\bassum(?:e|ing) (?:the |a |an )?(?:IAM )?role\b|\bAssumeRole\b|trust polic(?:y|ies)|trust relationship/i,
  },
  { cls: 'web_identity_trust_denied', weight: 0.8, pattern: /\bIRSA\b|web ?identity|\bOIDC\b|service ?account/i },
  { cls: 'web_identity_token_file_error', weight: 0.7, pattern: /\bIRSA\b|web ?identity|token file|projected token/i },
  { cls: 'imds_unreachable', weight: 1, pattern: /\bIMDS|instance metadata|metadata (?:service|endpoint|server)|169\.254\.169\.254/i },
  { cls: 'imds_no_instance_role', weight: 1, pattern: /instance (?:role|profile)|iam role[^\n]{0,30}(?:attach|missing|ec2)/i },
  { cls: 'clock_skew', weight: 1, pattern: /\bclock\b|\btime ?zone\b|\bsystem time\b|\bsync(?:ed|hroni[sz]ed?)?\b[^\n]{0,20}\btime\b/i },
  { cls: 'secret_key_mismatch', weight: 1, pattern: /\bsignature\b|\bsecret (?:access )?key\b/i },
  {
    cls: 'invalid_access_key_id',
    weight: 1,
    pattern:
      /access key(?: id)?[^\n]{0,40}(?:invalid|wrong|not valid|incorrect|does not exist|deleted|inactive)|invalid (?:access )?keys?\b/i,
  },
  { cls: 'missing_session_token', weight: 0.8, pattern: /session[_ ]?token/i },
  {
    cls: 'endpoint_resolution_error',
    weight: 1,
    pattern: /\bendpoint\b[^\n]{0,40}(?:wrong|invalid|resolv|region)|\bregion\b[^\n]{0,30}(?:wrong|invalid|missing|not set|typo)/i,
  },
  {
    cls: 'network_unreachable',
    weight: 1,
    pattern: /\bproxy\b|\bfirewall\b|\bVPC\b|\bDNS\b|\bconnection\b|\btimeout\b|timed out|unreachable|\boffline\b/i,
  },
  { cls: 'region_not_enabled', weight: 1, pattern: /\bopt-?in\b|region[^\n]{0,30}not enabled|enable (?:the |a )?region/i },
  { cls: 'tls_certificate_error', weight: 1, pattern: /\bcertificates?\b|\bSSL\b|\bTLS\b/i },
  { cls: 'throttling', weight: 1.2, pattern: /throttl|rate limit|too many requests/i },
  { cls: 'partition_mismatch', weight: 1, pattern: /GovCloud|China region|\baws-cn\b|\baws-us-gov\b|\bpartition\b/i },
  { cls: 'temp_credentials_restricted', weight: 1, pattern: /\bCloud9\b|session credentials/i },
];

const FAILURE_WORDS =
  /\berror\b|\bfail(?:s|ed|ing|ure)?\b|\bdenied\b|\bunable\b|\bcannot\b|\bcan't\b|\bcould not\b|\bexception\b|\binvalid\b|\bproblem\b|\bissue\b|(?:does not|doesn't|not) work|\bbroken\b|\bstuck\b|\b40[0-9]\b|\bnot (?:found|able|set)\b|\bmissing\b|\bwrong\b|\bwon't\b|\bunauthori[sz]ed\b|\bforbidden\b|\brefused\b|\btimeout\b|\btimed out\b|\btrouble\b|\bstopped\b|\bno longer\b|\bbug\b|\bcan ?not\b|\bexpired\b|\bunexpected\b/i;

/** Below this best score nothing specific matched and the weak clues are read. */
const SPECIFIC = 2;

/**
 * Any tool's words for "the credential source gave nothing". Counted only when no rule said more
 * (nothing scored 2): a finding instead of silence when a provider's own wording is unknown, while
 * the provider-specific rules, which say why the chain stopped, keep the first place.
 */
const CREDENTIAL_SOURCE_FAILED =
  /(?:fail(?:ed|ure|s)?|unable|could not|couldn't|cannot|can't|error) (?:to |while |when |in )?(?:retriev|load|get|fetch|obtain|resolv|sourc|refresh|find|locat|acquir|read)\w{0,4} (?:the |any |valid |cached )?(?:AWS )?credentials?\b|credentials? provider[^\n]{0,60}(?:fail|error|unable|could not)|\bCredential(?:s|Retrieval|Provider)Error\b/i;

export function applyCues(text: string, best: number, bump: Bump): void {
  const sourceFailed = best < SPECIFIC ? findFirst(text, CREDENTIAL_SOURCE_FAILED) : null;
  if (sourceFailed)
    bump(
      'no_credentials_found',
      2.5,
      [sourceFailed],
      `A credential provider gave nothing ("${sourceFailed.text}") and no more specific reason was found.`,
    );
  if (best >= SPECIFIC) return;
  // An ordinary log line that mentions a connection or a profile is not a failure.
  if (!findFirst(text, FAILURE_WORDS)) return;
  for (const cue of CUES) {
    const at = findFirst(text, cue.pattern);
    if (at) bump(cue.cls, cue.weight, [at], `Only a weak clue ("${at.text}"): no AWS error code or known wording was found.`);
  }
}

const AWS_HOST = /\b(?:[a-z0-9-]{1,63}\.){1,3}amazonaws\.com(?:\.cn)?\b/gi;
const DNS_FAILURE =
  /\bENOTFOUND\b|getaddrinfo|could not be resolved|UnknownHostException|Unknown ?Host|no such host|Inaccessible host|Name or service not known|Could not resolve host/i;

/**
 * An endpoint host that cannot exist: a China region under .amazonaws.com or a commercial region
 * under .amazonaws.com.cn. When the name does not resolve, the endpoint is wrong, not the network.
 */
export function wrongPartitionHost(text: string): Located | null {
  for (const host of findAll(text, AWS_HOST, 40)) {
    const labels = host.text.toLowerCase().split('.');
    const china = host.text.toLowerCase().endsWith('.com.cn');
    const region = labels.find((label) => partitionOfRegion(label) !== null);
    if (!region) continue;
    const partition = partitionOfRegion(region);
    if ((partition === 'aws-cn') !== china) return host;
  }
  return null;
}

/** Answers that say the name does not exist (not that DNS could not be asked). */
const NO_SUCH_NAME = /\bENOTFOUND\b|UnknownHostException|Unknown ?Host|no such host|Inaccessible host|Name or service not known|NXDOMAIN/i;
/** A resolver that could not answer at all, or a path that is blocked: the network, not the name. */
const RESOLVER_TROUBLE =
  /\bEAI_AGAIN\b|Temporary failure in name resolution|\bproxy\b|\bfirewall\b|\bCoreDNS\b|\bkube-dns\b|dial udp|:53\b|timed? ?out|\bETIMEDOUT\b|\boffline\b/i;

export function applyEndpointClues(text: string, bump: Bump): void {
  const dns = findFirst(text, DNS_FAILURE);
  if (!dns) return;
  const missingName = findFirst(text, NO_SUCH_NAME);
  const awsHost = findFirst(text, AWS_HOST);
  if (missingName && awsHost && !findFirst(text, RESOLVER_TROUBLE))
    bump(
      'endpoint_resolution_error',
      1.5,
      [awsHost, missingName],
      `"${awsHost.text}" does not exist ("${missingName.text}"): AWS's real endpoints always resolve, so the region or service in the name is likely wrong or not offered in that partition.`,
    );
  const host = wrongPartitionHost(text);
  if (host)
    bump(
      'endpoint_resolution_error',
      3,
      [host, dns],
      `"${host.text}" mixes a region with the other partition's domain: no such endpoint exists, so the name cannot resolve.`,
    );
}
