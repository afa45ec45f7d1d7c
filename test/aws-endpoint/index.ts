export { startAwsEndpoint, type AwsEndpoint } from './server';
export { buildWorld, ACCOUNTS, EXTERNAL_ID, IRSA_SUB, OIDC_ISSUER, type World } from './world';
export { issueTemporary, userKeys, webIdentityToken } from './credentials';
export type { AccountSpec, EksClusterSpec, EndpointConfig, PrincipalSpec, RegionFault, RoleSpec } from './model';
export { trustPolicyOf } from './iam';
