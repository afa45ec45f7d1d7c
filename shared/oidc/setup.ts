import { z } from 'zod';
import { identifierError } from '../connector/naming';
import { PARTITION_IDS } from '../regions/partitions';
import { DEFAULT_OIDC_AUDIENCE, isHarnessAccountId } from './harness';

/**
 * What the Harness OIDC setup generator needs (`awb oidc trust-policy|setup`, the wizard's OIDC
 * option): the Harness account whose issuer IAM trusts, the AWS account and partition of the role,
 * and optionally the audience, the organization and project the role is limited to, the role name
 * and whether the connector sends session tags. Values are checked here, so the JSON and the shell
 * commands built from them never carry anything but identifiers.
 */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;
// An audience is a client ID of the IAM provider: up to 255 printable characters without spaces (IAM CreateOpenIDConnectProvider).
const AUDIENCE = /^[\x21-\x7e]{1,255}$/;

const identifier = (label: string) =>
  z
    .string()
    .max(128, `${label} identifiers are at most 128 characters.`)
    .refine(
      (value) => identifierError(value) === null,
      `${label}: not a Harness identifier (a letter or _, then letters, digits, _ and $).`,
    );

export const oidcSetupInputSchema = z
  .object({
    harnessAccountId: z
      .string()
      .refine(isHarnessAccountId, 'The Harness account ID is the part after /account/ in Harness URLs: letters, digits, _ and -.'),
    awsAccountId: z.string().regex(/^\d{12}$/, 'The AWS account ID is 12 digits.'),
    partition: z.enum(PARTITION_IDS as [string, ...string[]]).default('aws'),
    audience: z.string().regex(AUDIENCE, 'An audience is 1 to 255 printable characters without spaces.').default(DEFAULT_OIDC_AUDIENCE),
    org: identifier('Organization').optional(),
    project: identifier('Project').optional(),
    roleName: z.string().regex(ROLE_NAME, 'Role names are 1 to 64 letters, digits and + = , . @ _ -').default('harness-oidc'),
    /** The connector lists oidcSessionTagKeys: STS then needs sts:TagSession in the trust policy. */
    sessionTags: z.boolean().default(false),
  })
  .strict()
  .refine((input) => !input.project || input.org, {
    message: 'A project belongs to an organization: give the organization too.',
    path: ['org'],
  });

export type OidcSetupInput = z.input<typeof oidcSetupInputSchema>;
export type ParsedOidcSetupInput = z.output<typeof oidcSetupInputSchema>;

export const oidcSetupResultSchema = z.object({
  providerUrl: z.string(),
  providerArn: z.string(),
  roleArn: z.string(),
  thumbprint: z.string(),
  trustPolicy: z.unknown(),
  /** The trust policy as the file the commands read (trust-policy.json). */
  trustPolicyJson: z.string(),
  /** The provider, the role and its permission for the connection test, as AWS CLI commands. */
  commands: z.string(),
  /** What the policy does not say but the user must know (the feature flag the :sub form needs). */
  notes: z.array(z.string()),
});
export type OidcSetupResult = z.infer<typeof oidcSetupResultSchema>;
