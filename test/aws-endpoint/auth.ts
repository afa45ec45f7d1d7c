import { findRegion, partitionOfArn, partitionOfRegion, type CatalogPartition } from '../../shared/regions';
import { EndpointError, type AccountSpec, type Caller, type PrincipalSpec, type Service } from './model';
import { expectedSignature, formatAmzDate, parseAmzDate, parseAuthorization, signaturesMatch, type SignedRequest } from './sigv4';

/** AWS accepts a signature for 15 minutes either side of its own clock. */
const SKEW_WINDOW_MS = 15 * 60_000;

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

/** The error each service answers for a key it does not know (also: wrong partition, region not enabled). */
export function unknownKey(service: Service): EndpointError {
  return service === 'sts'
    ? new EndpointError(403, 'InvalidClientTokenId', 'The security token included in the request is invalid.')
    : new EndpointError(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials');
}

function skewError(service: Service, signedAt: Date, now: Date): EndpointError {
  if (service === 'ec2') return new EndpointError(400, 'RequestExpired', 'Request has expired.');
  const fmt = formatAmzDate;
  const message =
    signedAt.getTime() < now.getTime()
      ? `Signature expired: ${fmt(signedAt)} is now earlier than ${fmt(new Date(now.getTime() - SKEW_WINDOW_MS))} (${fmt(now)} - 15 min.)`
      : `Signature not yet current: ${fmt(signedAt)} is still later than ${fmt(new Date(now.getTime() + SKEW_WINDOW_MS))} (${fmt(now)} + 15 min.)`;
  return new EndpointError(403, 'SignatureDoesNotMatch', message);
}

function expiredToken(service: Service): EndpointError {
  return service === 'sts'
    ? new EndpointError(403, 'ExpiredToken', 'The security token included in the request is expired')
    : new EndpointError(400, 'RequestExpired', 'Request has expired.');
}

export function accountOfArn(arn: string): string {
  return arn.split(':')[4] ?? '';
}

/** `arn:aws:sts::1:assumed-role/Role/session` → `arn:aws:iam::1:role/Role`, the ARN trust policies name. */
export function trustArnOf(arn: string): string {
  const match = /^arn:([^:]+):sts::(\d+):assumed-role\/([^/]+)\//.exec(arn);
  return match ? `arn:${match[1]}:iam::${match[2]}:role/${match[3]}` : arn;
}

export interface AuthInput {
  readonly request: SignedRequest;
  readonly service: Service;
  readonly region: string;
  readonly now: Date;
  readonly principals: ReadonlyMap<string, PrincipalSpec>;
  readonly account: (id: string) => AccountSpec | undefined;
}

/**
 * The order of checks follows what AWS reports first: an unknown key (or a temporary key without its
 * token) wins over a bad clock, a bad clock over a bad signature, and only a valid signature learns
 * that its token expired or that the region is not enabled.
 */
export function authenticate(input: AuthInput): Caller {
  const { request, service, region, now } = input;
  const authorization = request.headers.authorization;
  const auth = parseAuthorization(typeof authorization === 'string' ? authorization : undefined);
  if (!auth) {
    throw service === 'sts'
      ? new EndpointError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token')
      : new EndpointError(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials');
  }
  const principal = input.principals.get(auth.accessKeyId);
  const partition = partitionOfArn(principal?.arn ?? '') as CatalogPartition | null;
  if (!principal || !partition || partition !== partitionOfRegion(region)) throw unknownKey(service);
  const token = request.headers['x-amz-security-token'];
  if (principal.sessionToken !== undefined && token !== principal.sessionToken) throw unknownKey(service);

  const signedAt = parseAmzDate(request.headers['x-amz-date'] as string | undefined);
  if (!signedAt)
    throw new EndpointError(
      400,
      'IncompleteSignature',
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  if (Math.abs(signedAt.getTime() - now.getTime()) > SKEW_WINDOW_MS) throw skewError(service, signedAt, now);

  const expected = expectedSignature(request, auth, principal.secretAccessKey, request.headers['x-amz-date'] as string);
  if (!signaturesMatch(expected, auth.signature)) throw new EndpointError(403, 'SignatureDoesNotMatch', SIGNATURE_MISMATCH);
  if (principal.expiresAt && principal.expiresAt.getTime() <= now.getTime()) throw expiredToken(service);

  const accountId = accountOfArn(principal.arn);
  const account = input.account(accountId);
  const info = findRegion(region);
  if (info?.optIn && !account?.enabledOptInRegions?.includes(region)) throw unknownKey(service);
  return { principal, account: accountId, partition, trustArn: trustArnOf(principal.arn) };
}

/** Whether an identity policy's allow list grants an action (`*`, `service:*` or the exact action). */
export function allows(allow: readonly string[], action: string): boolean {
  const service = action.split(':')[0];
  return allow.some((entry) => entry === '*' || entry === action || entry === `${service}:*`);
}
