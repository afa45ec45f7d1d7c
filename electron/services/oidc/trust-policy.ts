import { harnessIssuerHost, subjectCondition } from '../../../shared/oidc/harness';
import type { ParsedOidcSetupInput } from '../../../shared/oidc/setup';

export function providerArnOf(input: Pick<ParsedOidcSetupInput, 'partition' | 'awsAccountId' | 'harnessAccountId'>): string {
  return `arn:${input.partition}:iam::${input.awsAccountId}:oidc-provider/${harnessIssuerHost(input.harnessAccountId)}`;
}

/**
 * The role's trust policy for a Harness OIDC connector (Harness knowledge base "AWS OIDC Role and
 * Connector", developer-hub "Enhanced Subject"): only the provider of this Harness account, only
 * tokens for the audience, and when an organization or project is given only subjects of that scope.
 * sts:TagSession joins the action when the connector passes session tags: STS refuses a tagged
 * session the trust policy does not allow to be tagged.
 */
export function harnessTrustPolicy(input: ParsedOidcSetupInput) {
  const host = harnessIssuerHost(input.harnessAccountId);
  const subject = subjectCondition(input.harnessAccountId, input.org, input.project);
  const equals = {
    [`${host}:aud`]: input.audience,
    ...(subject?.operator === 'StringEquals' ? { [`${host}:sub`]: subject.value } : {}),
  };
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Federated: providerArnOf(input) },
        Action: input.sessionTags ? ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'] : 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: equals,
          ...(subject?.operator === 'StringLike' ? { StringLike: { [`${host}:sub`]: subject.value } } : {}),
        },
      },
    ],
  };
}
