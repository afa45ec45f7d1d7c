import type { AwsErrorClass } from '../../../shared/errors';
import type { Rule } from './rules';
import { findFirst, type Located } from './scan';

/**
 * Issue 14: wordings the base rules did not know (tool and SDK phrasings of the same failures), and
 * context clues about where the code ran (a laptop, a CI runner, a pod, an EC2 host) that decide
 * between classes sharing one AWS wording. Same pattern rules as rules.ts: literal codes, messages
 * and bounded windows only, so a scan stays linear.
 */
const r = (id: string, target: Rule['target'], weight: number, ...all: RegExp[]): Rule => ({ id, target, weight, all });

const IMDS_ADDRESS =
  /169\.254\.169\.254|169\.254\.170\.2\b|169\.254\.170\.23\b|fd00:ec2::254|EC2Metadata|\bec2imds\b|EC2 IMDS|instance profile metadata/i;

export const CONTEXT_RULES: readonly Rule[] = [
  // Tools that report "no credentials" in their own words.
  r(
    'tool-no-credentials',
    'no_credentials_found',
    4,
    /AWS provider credentials not found|Unable to resolve AWS account to use|Need to perform AWS calls for account|source profile has no shared credentials|needs to be assumed with web identity, but no role assumption callback|could not find (?:any )?(?:valid )?(?:AWS )?credentials|no credentials (?:were )?(?:found|provided|configured)|credentials? (?:are|is) not (?:set|configured)/i,
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
  r('empty-region-host', 'endpoint_resolution_error', 4, /\b(?:sts|s3|ec2|iam)\.\.amazonaws\.com/i),

  // Instance metadata itself failing (IMDSv2 token, hop limit, container credentials endpoint).
  r(
    'imds-401',
    'imds_unreachable',
    4,
    IMDS_ADDRESS,
    /status code: 401|\b401\b[^\n]{0,20}Unauthorized|IMDSv2|hop limit|HttpTokens|IMDSv2Tokens/i,
  ),
  r('imds-v2-words', 'imds_unreachable', 2, /\bIMDSv2\b|metadata version 2|HttpPutResponseHopLimit|http-put-response-hop-limit|hop limit/i),
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
  r('boundary-explicit', 'permissions_boundary_deny', 3, /explicit deny in a permissions boundary|permissions boundary/i),
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
}

export function placeOf(text: string): Place {
  return {
    offAws: findFirst(
      text,
      /\b(?:my )?laptop\b|\bWindows (?:10|11|PC|computer|machine)\b|\bwindows computer\b|\bmacOS\b|\bdeveloper (?:PC|machine)\b|\blocal(?:ly| machine)\b|\bon GCP\b|\bGoogle Cloud\b|\bAzure\b|\bon[- ]prem(?:ise)?s?\b/i,
    ),
    onEc2: findFirst(text, /\bEC2 instance\b|\bec2 host\b|\bon (?:an )?ec2\b|\binstance role\b|\binstance profile\b/i),
    imds: findFirst(text, IMDS_ADDRESS),
  };
}

type Bump = (cls: AwsErrorClass, amount: number, evidence: readonly Located[], reason?: string) => void;

/** Context weights added after the rules: instance metadata failing off AWS is "no credentials configured". */
export function applyPlace(place: Place, bump: Bump): void {
  if (place.imds && place.offAws && !place.onEc2) {
    bump(
      'no_credentials_found',
      4,
      [place.imds, place.offAws],
      `The SDK fell through to instance metadata ("${place.imds.text}") on a machine that has none ("${place.offAws.text}"): no credentials were configured.`,
    );
  }
}
