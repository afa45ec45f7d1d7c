import { NAMESPACE_TAG, POD_IDENTITY_ACTIONS, POD_IDENTITY_PRINCIPAL, SERVICE_ACCOUNT_TAG } from './facts';

/** Whom to limit the role to; each given value becomes a condition on the session tag EKS sends. */
export interface PodIdentityScope {
  readonly namespace?: string | undefined;
  readonly serviceAccount?: string | undefined;
}

/**
 * The role's trust policy for EKS Pod Identity: the EKS Auth service may assume it and tag the
 * session. No OIDC provider and no cluster in it, so one role serves the delegate in any cluster;
 * the namespace and service account conditions keep other pods of those clusters out (pod-id-role).
 */
export function podIdentityTrustPolicy(scope: PodIdentityScope = {}) {
  const conditions = {
    ...(scope.namespace ? { [`aws:RequestTag/${NAMESPACE_TAG}`]: scope.namespace } : {}),
    ...(scope.serviceAccount ? { [`aws:RequestTag/${SERVICE_ACCOUNT_TAG}`]: scope.serviceAccount } : {}),
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowEksAuthToAssumeRoleForPodIdentity',
        Effect: 'Allow',
        Principal: { Service: POD_IDENTITY_PRINCIPAL },
        Action: [...POD_IDENTITY_ACTIONS],
        ...(Object.keys(conditions).length > 0 ? { Condition: { StringEquals: conditions } } : {}),
      },
    ],
  };
}
