import { z } from 'zod';
import { secretRefSchema } from '../secrets/schema';

/**
 * What a connection test needs from a connector, normalised: the credential type and its fields,
 * the Test Region and the optional cross-account role. Secrets appear only as references.
 */
export const TEST_CREDENTIAL_TYPES = ['ManualConfig', 'InheritFromDelegate', 'Irsa', 'OidcAuthentication'] as const;

const regionSchema = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'A region looks like us-east-1.');

export const testConnectorSchema = z
  .object({
    identifier: z.string().min(1).max(128),
    credentialType: z.enum(TEST_CREDENTIAL_TYPES, {
      error: 'The connection test supports ManualConfig, InheritFromDelegate, Irsa and OidcAuthentication.',
    }),
    manual: z
      .object({
        accessKey: z.string().min(1).max(128).optional(),
        accessKeyRef: secretRefSchema.optional(),
        secretKeyRef: secretRefSchema,
        sessionTokenRef: secretRefSchema.optional(),
      })
      .strict()
      .refine((m) => (m.accessKey === undefined) !== (m.accessKeyRef === undefined), 'Give exactly one of accessKey and accessKeyRef.')
      .optional(),
    /** OidcAuthentication: the role the Harness token is exchanged for; the token itself is never part of the connector. */
    oidc: z
      .object({
        roleArn: z.string().min(20).max(2048),
        sessionTagKeys: z.array(z.string().min(1).max(128)).max(50),
      })
      .strict()
      .optional(),
    testRegion: regionSchema,
    crossAccount: z
      .object({ roleArn: z.string().min(20).max(2048), externalId: z.string().min(2).max(1224).optional() })
      .strict()
      .nullable(),
  })
  .strict()
  .refine(
    (c) => c.credentialType !== 'ManualConfig' || c.manual !== undefined,
    'ManualConfig needs an access key and a secret key reference.',
  )
  .refine((c) => c.credentialType !== 'OidcAuthentication' || c.oidc !== undefined, 'OidcAuthentication needs the IAM role ARN.');
export type TestConnector = z.infer<typeof testConnectorSchema>;

/** Machine-local choices that are not part of the connector: a profile, an IRSA role and token file. */
export const testOptionsSchema = z
  .object({
    profile: z.string().min(1).max(128).optional(),
    irsaRoleArn: z.string().min(20).max(2048).optional(),
    irsaTokenFile: z.string().min(1).max(4096).optional(),
    endpointUrl: z.url({ protocol: /^https?$/, error: 'The endpoint URL must be an http:// or https:// URL.' }).optional(),
    fips: z.boolean().optional(),
    timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
  })
  .strict();
export type TestOptions = z.input<typeof testOptionsSchema>;
export type ParsedTestOptions = z.output<typeof testOptionsSchema>;

/** `reported`: the regions ec2:DescribeRegions in the Test Region says are enabled for the account. */
export const REGION_PRESETS = ['all', 'commercial', 'gov', 'cn', 'reported'] as const;

export const sweepOptionsSchema = z
  .object({
    regions: z.union([z.enum(REGION_PRESETS), z.array(regionSchema).min(1).max(100)]),
    concurrency: z.number().int().min(1).max(64).default(8),
    /** One region's budget across its steps; by default three step timeouts. */
    regionTimeoutMs: z.number().int().min(100).max(900_000).optional(),
  })
  .strict();
export type SweepOptions = z.input<typeof sweepOptionsSchema>;
export type ParsedSweepOptions = z.output<typeof sweepOptionsSchema>;
