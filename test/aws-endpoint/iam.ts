import { allows } from './auth';
import { EndpointError, type AccountSpec, type Caller, type RoleSpec } from './model';
import { esc } from './xml';

/**
 * IAM's Query protocol for the reads the collect script makes: GetRole (with the role's trust policy
 * URL-encoded, as IAM sends it and the AWS CLI decodes it) and ListOpenIDConnectProviders. IAM is
 * global per partition: the caller's own account is the one whose roles and providers are read.
 */
const IAM_NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

export interface IamCall {
  readonly action: string;
  readonly params: URLSearchParams;
  readonly caller: Caller;
  readonly account: AccountSpec | undefined;
  readonly roles: readonly RoleSpec[];
}

const roleName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);
const roleAccount = (arn: string) => arn.split(':')[4] ?? '';

/** The trust policy document a RoleSpec stands for, in the form IAM stores it. */
export function trustPolicyOf(role: RoleSpec): object {
  const partition = role.arn.split(':')[1] ?? 'aws';
  const statements: object[] = [];
  if (role.trust.principals?.length) {
    statements.push({
      Effect: 'Allow',
      Principal: { AWS: role.trust.principals.length === 1 ? role.trust.principals[0] : role.trust.principals },
      Action: 'sts:AssumeRole',
      ...(role.trust.externalId ? { Condition: { StringEquals: { 'sts:ExternalId': role.trust.externalId } } } : {}),
    });
  }
  const web = role.trust.webIdentity;
  if (web) {
    statements.push({
      Effect: 'Allow',
      Principal: { Federated: `arn:${partition}:iam::${roleAccount(role.arn)}:oidc-provider/${web.issuer}` },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: {
        [web.sub.endsWith('*') ? 'StringLike' : 'StringEquals']: { [`${web.issuer}:sub`]: web.sub, [`${web.issuer}:aud`]: web.aud },
      },
    });
  }
  return { Version: '2012-10-17', Statement: statements };
}

function authorize(call: IamCall, action: string, resource: string): void {
  if (!allows(call.caller.principal.allow, action)) {
    throw new EndpointError(
      403,
      'AccessDenied',
      `User: ${call.caller.principal.arn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`,
    );
  }
}

function getRole(call: IamCall): string {
  const name = call.params.get('RoleName');
  if (!name)
    throw new EndpointError(
      400,
      'ValidationError',
      "1 validation error detected: Value null at 'roleName' failed to satisfy constraint: Member must not be null",
    );
  authorize(call, 'iam:GetRole', `role ${name}`);
  const role = call.roles.find((r) => roleName(r.arn) === name && roleAccount(r.arn) === call.caller.account);
  if (!role) throw new EndpointError(404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
  const path = role.arn.slice(role.arn.indexOf(':role') + 5, role.arn.lastIndexOf('/') + 1) || '/';
  return [
    '<Role>',
    `<Path>${esc(path)}</Path>`,
    `<AssumeRolePolicyDocument>${esc(encodeURIComponent(JSON.stringify(trustPolicyOf(role))))}</AssumeRolePolicyDocument>`,
    `<MaxSessionDuration>${role.maxSessionDuration ?? 3600}</MaxSessionDuration>`,
    `<RoleId>${esc(role.roleId)}</RoleId>`,
    `<RoleName>${esc(name)}</RoleName>`,
    `<Arn>${esc(role.arn)}</Arn>`,
    '<CreateDate>2024-03-01T09:30:00Z</CreateDate>',
    '</Role>',
  ].join('');
}

function listOpenIdConnectProviders(call: IamCall): string {
  authorize(call, 'iam:ListOpenIDConnectProviders', `arn:${call.caller.partition}:iam::${call.caller.account}:oidc-provider/*`);
  const members = (call.account?.oidcProviders ?? []).map(
    (p) =>
      `<member><Arn>${esc(`arn:${call.caller.partition}:iam::${call.caller.account}:oidc-provider/${p.url.replace(/^https:\/\//, '')}`)}</Arn></member>`,
  );
  return `<OpenIDConnectProviderList>${members.join('')}</OpenIDConnectProviderList>`;
}

/** The result element of an IAM read, or an error IAM would answer. */
export function iamAction(call: IamCall): string {
  if (call.action === 'GetRole') return getRole(call);
  if (call.action === 'ListOpenIDConnectProviders') return listOpenIdConnectProviders(call);
  throw new EndpointError(400, 'InvalidAction', `Could not find operation ${call.action} for version ${call.params.get('Version') ?? ''}`);
}

export function iamSuccess(action: string, result: string, requestId: string): string {
  return `<${action}Response xmlns="${IAM_NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${action}Response>`;
}

export function iamError(code: string, message: string, type: 'Sender' | 'Receiver', requestId: string): string {
  return `<ErrorResponse xmlns="${IAM_NS}"><Error><Type>${type}</Type><Code>${esc(code)}</Code><Message>${esc(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}
