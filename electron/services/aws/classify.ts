import type { AwsErrorClass, ErrorClass } from '../../../shared/errors';
import type { CheckError, CheckName } from '../../../shared/aws-test/result';
import { boundText, redactSecrets } from '../../../shared/redact';
import { oidcFixFor, type WebIdentityContext } from './oidc-fixes';

/** What is known around a failure; several AWS messages are identical across causes (classes.md notes). */
export interface FailureContext {
  readonly step: CheckName;
  readonly region: string;
  readonly accessKeyId?: string | undefined;
  readonly hasSessionToken?: boolean | undefined;
  /** When the credentials in use expire, if they do. */
  readonly expiresAt?: Date | undefined;
  readonly now: Date;
  readonly knownSecrets?: readonly string[];
  /** Set for an OIDC connector's credentials step: web-identity failures then get fixes about Harness's token. */
  readonly webIdentity?: WebIdentityContext | undefined;
}

/** An error as the SDK, Node or a credential provider raised it, reduced to the parts that decide its class. */
export interface RawFailure {
  readonly code: string;
  readonly message: string;
  readonly status: number | null;
  readonly requestId: string | null;
}

/**
 * AWS messages are a sentence or two and codes one word; a proxy's error page or a hostile endpoint
 * can send megabytes, and neither the classifier nor the user needs more than the start of them.
 */
const MAX_MESSAGE_CHARS = 4096;
const MAX_CODE_CHARS = 128;

export function rawFailure(error: unknown): RawFailure {
  const e = (error ?? {}) as {
    name?: string;
    code?: string;
    Code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number; requestId?: string };
  };
  const nodeCode = typeof e.code === 'string' ? e.code : undefined;
  return {
    code: boundText(String(nodeCode ?? e.Code ?? e.name ?? 'Error'), MAX_CODE_CHARS),
    message: boundText(String(e.message ?? error), MAX_MESSAGE_CHARS),
    status: e.$metadata?.httpStatusCode ?? null,
    requestId: e.$metadata?.requestId ?? null,
  };
}

const AUTH_REJECTED = new Set(['InvalidClientTokenId', 'InvalidAccessKeyId', 'UnrecognizedClientException', 'AuthFailure']);
const THROTTLED = new Set([
  'Throttling',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'RequestThrottled',
]);
const SKEWED = new Set(['RequestTimeTooSkewed', 'RequestExpired', 'RequestInTheFuture']);
const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|DEPTH_ZERO/;
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'TimeoutError',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

export function isAuthRejection(code: string): boolean {
  return AUTH_REJECTED.has(code);
}

function isTemporaryKey(keyId: string | undefined): boolean {
  return !!keyId && keyId.startsWith('ASIA');
}

/** Decides the class from the code, the message and the context; null when nothing matches. */
export function classOf(raw: RawFailure, ctx: FailureContext): AwsErrorClass | null {
  const { code, message } = raw;
  const expired = ctx.expiresAt !== undefined && ctx.expiresAt.getTime() <= ctx.now.getTime();
  if (
    code === 'ExpiredToken' ||
    code === 'ExpiredTokenException' ||
    /token has expired|token included in the request is expired/i.test(message)
  )
    return 'expired_credentials';
  if (SKEWED.has(code) || /Signature (expired|not yet current)/.test(message)) return expired ? 'expired_credentials' : 'clock_skew';
  if (code === 'SignatureDoesNotMatch' || code === 'InvalidSignatureException') return 'secret_key_mismatch';
  if (AUTH_REJECTED.has(code))
    return isTemporaryKey(ctx.accessKeyId) && !ctx.hasSessionToken ? 'missing_session_token' : 'invalid_access_key_id';
  if (code === 'RegionDisabledException') return 'sts_region_disabled';
  if (code === 'OptInRequired') return 'region_not_enabled';
  if (THROTTLED.has(code)) return 'throttling';
  if (code === 'InvalidIdentityToken') {
    if (/No OpenIDConnect provider/i.test(message)) return 'oidc_provider_missing';
    if (/retrieve verification key/i.test(message)) return 'oidc_idp_unreachable';
    return 'web_identity_token_rejected';
  }
  if (code === 'ValidationError' && /MaxSessionDuration|role chaining/i.test(message)) return 'role_session_duration_exceeded';
  if (/^(AccessDenied|AccessDeniedException|UnauthorizedOperation)$/.test(code)) {
    if (/explicit deny/i.test(message)) return 'explicit_deny';
    if (/permissions boundary/i.test(message)) return 'permissions_boundary_deny';
    if (/AssumeRoleWithWebIdentity/.test(message)) return 'web_identity_trust_denied';
    if (ctx.step === 'sts_assume_role' || /sts:AssumeRole\b/.test(message)) return 'assume_role_denied';
    return 'permission_denied';
  }
  if (/Could not resolve credentials using profile|ProfileNotFound|profile .* could not be found/i.test(message))
    return 'profile_not_found';
  if (/SSO session|sso.*expired|Token is expired|aws sso login/i.test(message)) return 'sso_session_expired';
  if (/Could not load credentials from any providers|Unable to find (a )?credentials/i.test(message)) return 'no_credentials_found';
  if (code === 'ENOTFOUND') return 'endpoint_resolution_error';
  if (TLS_CODES.test(code) || /certificate/i.test(message)) return 'tls_certificate_error';
  if (NETWORK_CODES.has(code) || /socket hang up|timed out/i.test(message)) return 'network_unreachable';
  // A 5xx that outlived the retries: AWS or the path to it (proxy, VPC endpoint) is failing.
  if (raw.status !== null && raw.status >= 500) return 'network_unreachable';
  return null;
}

/** The fix for each class, worded for someone setting up a Harness AWS connector. */
export function fixFor(errorClass: ErrorClass, ctx: Pick<FailureContext, 'region' | 'step'>): string {
  const region = ctx.region;
  const fixes: Partial<Record<ErrorClass, string>> = {
    invalid_access_key_id:
      'Check the Access Key ID in the connector: it must be an active key of an existing IAM user (IAM → Users → Security credentials). Replace a deleted or deactivated key.',
    secret_key_mismatch:
      'Re-enter the Secret Key in the secret the connector references; paste it without spaces or line breaks, and make sure it belongs to this Access Key ID.',
    missing_session_token: 'This is a temporary (ASIA…) key: store its session token too (sessionTokenRef), or use a long-term AKIA… key.',
    expired_credentials:
      'The temporary credentials expired: issue new ones (or refresh the role/IRSA session) and update the secret. Prefer long-term keys or IRSA for a delegate.',
    sso_session_expired: 'Run `aws sso login` for the profile, then test again.',
    temp_credentials_restricted: 'Use long-term credentials or credentials obtained with MFA for this call.',
    clock_skew:
      'Synchronise the clock of the machine (or delegate host) with NTP; AWS rejects requests signed more than 15 minutes away from its time.',
    permission_denied:
      ctx.step === 'ec2_describe_regions'
        ? 'Allow ec2:DescribeRegions in the identity policy of the principal (Harness tests the connector with this call).'
        : 'Allow the action in an identity policy of the principal.',
    explicit_deny: `An explicit Deny (often an organization SCP restricting regions) blocks this call in ${region}. Ask the AWS organization admin to allow the region, or test in an allowed region.`,
    permissions_boundary_deny: 'Add the action to the permissions boundary attached to the principal.',
    assume_role_denied:
      'Check the cross-account role: its trust policy must trust this principal, the External Id must match the sts:ExternalId condition exactly, and the caller needs sts:AssumeRole on the role ARN.',
    role_session_duration_exceeded:
      "Request a shorter session or raise the role's MaxSessionDuration (role chaining is limited to 1 hour).",
    oidc_provider_missing:
      "Register the cluster's OIDC issuer as an IAM identity provider in the role's account (eksctl utils associate-iam-oidc-provider --approve).",
    web_identity_trust_denied:
      "Make the role's trust policy match the token: the :sub condition must be system:serviceaccount:<namespace>:<service account> of the delegate and :aud sts.amazonaws.com.",
    web_identity_token_rejected:
      "The token's audience or verification does not match the OIDC provider: use audience sts.amazonaws.com on the service account and in the provider's client IDs.",
    oidc_idp_unreachable: "STS could not fetch the identity provider's keys; retry later, and check the issuer URL is public.",
    web_identity_token_file_error:
      'Set AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE (the EKS webhook does this for an annotated service account) and make the token file readable by the delegate user.',
    no_credentials_found:
      'No credentials were found on this machine: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, configure a profile, or run on a host with an instance/task role.',
    profile_not_found: 'Create the profile in ~/.aws/config (or AWS_CONFIG_FILE) or choose an existing one.',
    imds_no_instance_role: "Attach an instance profile (IAM role) to the delegate's EC2 instance.",
    imds_unreachable: 'Allow the delegate to reach the instance metadata service (hop limit 2 for containers), or use IRSA.',
    region_not_enabled: `Enable the opt-in region ${region} for the account (Account → AWS Regions), or use a region enabled by default.`,
    sts_token_not_valid_in_region:
      'Use a regional STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional) or set the global endpoint token version to v2.',
    sts_region_disabled: `Activate STS in ${region} for the account (IAM → Account settings → Security Token Service endpoints), or use another region's STS endpoint.`,
    partition_mismatch:
      "The credentials belong to another AWS partition: set the Test Region to a region of the credentials' partition (GovCloud keys need us-gov-*, China keys cn-*).",
    endpoint_resolution_error: 'Check the region code and the custom endpoint URL; the host name does not resolve.',
    network_unreachable:
      'Check that this machine can reach the endpoint: firewall, proxy (HTTPS_PROXY/NO_PROXY) or VPC endpoint. Run the network preflight to see where it stops.',
    tls_certificate_error:
      "The TLS certificate is not trusted: if a proxy inspects TLS, point AWS_CA_BUNDLE at your organisation's CA bundle.",
    throttling: 'AWS throttled the calls: retry later or lower the sweep concurrency.',
    cancelled: 'Run the test again when you are ready.',
    secret_not_found: 'Store the secret in the keychain under this reference (Secrets view or the wizard), then test again.',
  };
  return fixes[errorClass] ?? 'Read the AWS message above; it names the cause.';
}

/** The error shown for a failed step: the AWS code and message (secrets removed), the class and the fix. */
export function describeFailure(raw: RawFailure, ctx: FailureContext, forcedClass?: ErrorClass): CheckError {
  const errorClass: ErrorClass = forcedClass ?? classOf(raw, ctx) ?? 'internal';
  return {
    code: raw.code,
    message: redactSecrets(raw.message, ctx.knownSecrets ?? []),
    class: errorClass,
    fix: (ctx.webIdentity && oidcFixFor(errorClass, ctx.webIdentity)) ?? fixFor(errorClass, ctx),
  };
}
