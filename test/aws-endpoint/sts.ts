import { findRegion, partitionOfArn, partitionOfRegion } from '../../shared/regions';
import { accountOfArn, allows } from './auth';
import { issueTemporary } from './credentials';
import { EndpointError, type AccountSpec, type Caller, type PrincipalSpec, type RoleSpec, type WebIdentityTrust } from './model';
import type { XmlObject } from './xml';

export interface StsState {
  readonly principals: Map<string, PrincipalSpec>;
  readonly roles: readonly RoleSpec[];
  readonly account: (id: string) => AccountSpec | undefined;
}

export interface StsCall {
  readonly params: URLSearchParams;
  readonly region: string;
  readonly now: Date;
  readonly state: StsState;
}

const ROLE_ARN = /^arn:(aws|aws-cn|aws-us-gov):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;

function required(params: URLSearchParams, name: string): string {
  const value = params.get(name);
  if (!value) throw new EndpointError(400, 'MissingParameter', `The request must contain the parameter ${name}`);
  return value;
}

/** "STS is not activated" is decided by the account that owns the role being assumed. */
function checkStsActive(account: AccountSpec | undefined, accountId: string, region: string): void {
  if (account?.stsDisabledRegions?.includes(region)) {
    throw new EndpointError(
      403,
      'RegionDisabledException',
      `STS is not activated in this region for account:${accountId}. Your account administrator can activate STS in this region using the IAM Console.`,
    );
  }
}

function durationOf(params: URLSearchParams, role: RoleSpec): number {
  const duration = Number(params.get('DurationSeconds') ?? 3600);
  const max = role.maxSessionDuration ?? 3600;
  if (!Number.isInteger(duration) || duration < 900) {
    throw new EndpointError(
      400,
      'ValidationError',
      `1 validation error detected: Value '${params.get('DurationSeconds')}' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900`,
    );
  }
  if (duration > max) {
    throw new EndpointError(400, 'ValidationError', 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  }
  return duration;
}

function assumeRoleResult(
  call: StsCall,
  role: RoleSpec,
  sessionName: string,
  duration: number,
): { result: XmlObject; creds: PrincipalSpec } {
  const [, partition, account, name] = ROLE_ARN.exec(role.arn) as unknown as string[];
  const sessionArn = `arn:${partition}:sts::${account}:assumed-role/${name}/${sessionName}`;
  const userId = `${role.roleId}:${sessionName}`;
  const creds = issueTemporary(sessionArn, userId, role.allow, new Date(call.now.getTime() + duration * 1000));
  call.state.principals.set(creds.accessKeyId, creds);
  return {
    creds,
    result: {
      Credentials: {
        AccessKeyId: creds.accessKeyId,
        SecretAccessKey: creds.secretAccessKey,
        SessionToken: creds.sessionToken!,
        Expiration: creds.expiresAt!.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      AssumedRoleUser: { AssumedRoleId: userId, Arn: sessionArn },
    },
  };
}

function findRole(call: StsCall, roleArn: string): RoleSpec | undefined {
  return call.state.roles.find((role) => role.arn === roleArn);
}

/** A deactivated regional endpoint refuses even "who am I" for the account that deactivated it. */
export function getCallerIdentity(call: StsCall, caller: Caller): XmlObject {
  checkStsActive(call.state.account(caller.account), caller.account, call.region);
  return { Arn: caller.principal.arn, UserId: caller.principal.userId, Account: caller.account };
}

export function assumeRole(call: StsCall, caller: Caller): XmlObject {
  const roleArn = required(call.params, 'RoleArn');
  const sessionName = required(call.params, 'RoleSessionName');
  if (!ROLE_ARN.test(roleArn)) {
    throw new EndpointError(400, 'ValidationError', `${roleArn} is invalid`);
  }
  const denied = new EndpointError(
    403,
    'AccessDenied',
    `User: ${caller.principal.arn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
  );
  const role = findRole(call, roleArn);
  if (!role || partitionOfArn(roleArn) !== caller.partition || !allows(caller.principal.allow, 'sts:AssumeRole')) throw denied;
  const trusted = (role.trust.principals ?? []).some(
    (p) => p === caller.trustArn || p === `arn:${caller.partition}:iam::${caller.account}:root`,
  );
  const externalId = call.params.get('ExternalId') ?? undefined;
  if (!trusted || externalId !== role.trust.externalId) throw denied;
  const roleAccount = accountOfArn(roleArn);
  checkStsActive(call.state.account(roleAccount), roleAccount, call.region);
  return assumeRoleResult(call, role, sessionName, durationOf(call.params, role)).result;
}

interface Claims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
  exp?: number;
}

function decodeJwt(token: string): Claims {
  const payload = token.split('.')[1];
  try {
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as unknown;
    if (claims && typeof claims === 'object') return claims as Claims;
  } catch {
    // falls through to the error STS gives for a token it cannot read
  }
  throw new EndpointError(400, 'InvalidIdentityToken', "Couldn't parse the provided web identity token.");
}

function subMatches(pattern: string, sub: string): boolean {
  return pattern.endsWith('*') ? sub.startsWith(pattern.slice(0, -1)) : pattern === sub;
}

function trustsToken(trust: WebIdentityTrust | undefined, issuer: string, sub: string, audiences: readonly string[]): boolean {
  return !!trust && trust.issuer === issuer && subMatches(trust.sub, sub) && audiences.includes(trust.aud);
}

/**
 * Unsigned, as STS serves it: everything is decided by the token's claims, the role's trust policy
 * and the OIDC providers registered in the role's account. Token signatures are not verified here.
 */
export function assumeRoleWithWebIdentity(call: StsCall): XmlObject {
  const roleArn = required(call.params, 'RoleArn');
  const sessionName = required(call.params, 'RoleSessionName');
  const claims = decodeJwt(required(call.params, 'WebIdentityToken'));
  const denied = new EndpointError(403, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity');
  const role = findRole(call, roleArn);
  if (!role || partitionOfArn(roleArn) !== partitionOfRegion(call.region)) throw denied;
  const roleAccount = accountOfArn(roleArn);
  const account = call.state.account(roleAccount);
  const issuerUrl = claims.iss?.startsWith('https://') ? claims.iss : `https://${claims.iss ?? ''}`;
  const provider = account?.oidcProviders?.find((p) => p.url === issuerUrl);
  if (!provider) throw new EndpointError(400, 'InvalidIdentityToken', `No OpenIDConnect provider found in your account for ${issuerUrl}`);
  const audiences = claims.aud === undefined ? [] : Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (audiences.length === 0) throw new EndpointError(400, 'InvalidIdentityToken', 'Missing a required claim: aud');
  if (!audiences.some((aud) => provider.clientIds.includes(aud)))
    throw new EndpointError(400, 'InvalidIdentityToken', 'Incorrect token audience');
  const nowSeconds = Math.floor(call.now.getTime() / 1000);
  if (claims.exp === undefined || claims.exp <= nowSeconds) {
    throw new EndpointError(
      400,
      'ExpiredTokenException',
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${claims.exp ?? 0}`,
    );
  }
  const issuer = issuerUrl.slice('https://'.length);
  if (!trustsToken(role.trust.webIdentity, issuer, claims.sub ?? '', audiences)) throw denied;
  if (findRegion(call.region)?.optIn && !account?.enabledOptInRegions?.includes(call.region)) throw denied;
  checkStsActive(account, roleAccount, call.region);
  const { result } = assumeRoleResult(call, role, sessionName, durationOf(call.params, role));
  return {
    ...result,
    SubjectFromWebIdentityToken: claims.sub ?? '',
    Audience: audiences[0] ?? '',
    Provider: issuer,
  };
}
