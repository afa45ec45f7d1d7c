import type { OidcIssuer } from '../../../../shared/delegate/partition';

export interface TrustPolicyInput {
  readonly issuer: OidcIssuer;
  readonly accountId: string;
  readonly namespace: string;
  readonly serviceAccount: string;
}

/**
 * The role's trust policy for IRSA: only this cluster's OIDC provider, only tokens minted for STS,
 * only this one service account. The provider ARN takes the issuer's partition, so GovCloud and
 * China roles trust their own provider.
 */
export function trustPolicy(input: TrustPolicyInput) {
  const { host, partition } = input.issuer;
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:${partition}:iam::${input.accountId}:oidc-provider/${host}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            [`${host}:aud`]: 'sts.amazonaws.com',
            [`${host}:sub`]: `system:serviceaccount:${input.namespace}:${input.serviceAccount}`,
          },
        },
      },
    ],
  };
}
