import { issueTemporary, userKeys, webIdentityToken } from './credentials';
import type { EndpointConfig, PrincipalSpec, RoleSpec } from './model';

/**
 * A small, realistic set of accounts for tests and benchmarks: a commercial account with a full and a
 * read-nothing user, a GovCloud account, a target account with a cross-account role guarded by an
 * External Id, and an EKS-style OIDC provider with an IRSA role.
 */
export const ACCOUNTS = { main: '111111111111', target: '222222222222', gov: '333333333333' } as const;
export const OIDC_ISSUER = 'oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
export const IRSA_SUB = 'system:serviceaccount:harness-delegate-ng:harness-delegate';
export const EXTERNAL_ID = 'harness-ext-42';

function user(partition: string, account: string, name: string, allow: readonly string[]): PrincipalSpec {
  return {
    ...userKeys(),
    arn: `arn:${partition}:iam::${account}:user/${name}`,
    userId: `AIDA${name.toUpperCase().padEnd(17, 'X')}`,
    allow,
  };
}

export interface World {
  readonly config: EndpointConfig;
  readonly admin: PrincipalSpec;
  readonly noEc2: PrincipalSpec;
  readonly govUser: PrincipalSpec;
  readonly expired: PrincipalSpec;
  readonly temporary: PrincipalSpec;
  readonly deployRole: RoleSpec;
  readonly irsaRole: RoleSpec;
  /** A fresh token for the IRSA role; override claims to provoke each web-identity failure. */
  token(claims?: Partial<{ iss: string; sub: string; aud: string; exp: number }>): string;
}

export function buildWorld(options: { now?: () => Date; overrides?: Partial<EndpointConfig> } = {}): World {
  const now = options.now ?? (() => new Date());
  const admin = user('aws', ACCOUNTS.main, 'delegate', ['*']);
  const noEc2 = user('aws', ACCOUNTS.main, 'readnothing', ['sts:AssumeRole']);
  const govUser = user('aws-us-gov', ACCOUNTS.gov, 'govdelegate', ['*']);
  const sessionArn = `arn:aws:sts::${ACCOUNTS.main}:assumed-role/Ops/session`;
  const expired = issueTemporary(sessionArn, 'AROAOPSEXAMPLE:session', ['*'], new Date(now().getTime() - 60_000));
  const temporary = issueTemporary(sessionArn, 'AROAOPSEXAMPLE:session', ['*'], new Date(now().getTime() + 3_600_000));
  const deployRole: RoleSpec = {
    arn: `arn:aws:iam::${ACCOUNTS.target}:role/HarnessDeploy`,
    roleId: 'AROADEPLOYEXAMPLE0001',
    allow: ['ec2:DescribeRegions'],
    trust: { principals: [admin.arn], externalId: EXTERNAL_ID },
  };
  const irsaRole: RoleSpec = {
    arn: `arn:aws:iam::${ACCOUNTS.main}:role/HarnessDelegateIrsa`,
    roleId: 'AROAIRSAEXAMPLE00001',
    allow: ['*'],
    trust: { webIdentity: { issuer: OIDC_ISSUER, sub: IRSA_SUB, aud: 'sts.amazonaws.com' } },
  };
  const config: EndpointConfig = {
    accounts: [
      {
        id: ACCOUNTS.main,
        enabledOptInRegions: ['eu-south-1'],
        oidcProviders: [{ url: `https://${OIDC_ISSUER}`, clientIds: ['sts.amazonaws.com'] }],
      },
      { id: ACCOUNTS.target },
      { id: ACCOUNTS.gov },
    ],
    principals: [admin, noEc2, govUser, expired, temporary],
    roles: [deployRole, irsaRole],
    now,
    ...options.overrides,
  };
  const token = (claims: Partial<{ iss: string; sub: string; aud: string; exp: number }> = {}) =>
    webIdentityToken({
      iss: `https://${OIDC_ISSUER}`,
      sub: IRSA_SUB,
      aud: 'sts.amazonaws.com',
      exp: Math.floor(now().getTime() / 1000) + 3600,
      ...claims,
    });
  return { config, admin, noEc2, govUser, expired, temporary, deployRole, irsaRole, token };
}
