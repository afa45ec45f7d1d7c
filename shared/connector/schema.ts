import { z } from 'zod';

/**
 * The Harness AWS connector YAML (reference §2) as a zod schema: the shape and the types of every
 * field. Objects are loose so that a field this app does not model (a newer Harness field, `proxyUrl`,
 * …) survives an import and an export. The content rules (identifier format, ARNs, cross-field
 * rules) live in rules.ts, so a half-typed wizard draft still has a type.
 */

export const CREDENTIAL_TYPES = ['ManualConfig', 'InheritFromDelegate', 'Irsa', 'OidcAuthentication'] as const;
export type CredentialType = (typeof CREDENTIAL_TYPES)[number];

export const BACKOFF_TYPES = ['FixedDelayBackoffStrategy', 'EqualJitterBackoffStrategy', 'FullJitterBackoffStrategy'] as const;
export type BackoffType = (typeof BACKOFF_TYPES)[number];

/**
 * An unknown enum value is named by its field and the values allowed, never quoted: whatever was
 * typed there may be a secret in the wrong field.
 */
function enumError(label: string, values: readonly string[]) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined ? `${label} is required.` : `${label} is not one of the accepted values: ${values.join(', ')}.`;
}

const objectError = (label: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${label} is required.` : `${label} must be a mapping of fields.`),
});
const text = (label: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${label} is required.` : `${label} must be text.`) });
const optionalText = (label: string) => text(label).nullish();

/**
 * `spec.credential.spec`: the ManualConfig fields (`accessKey` xor `accessKeyRef`, `secretKeyRef`,
 * `sessionTokenRef`) and the OIDC fields (`iamRoleArn`, `oidcSessionTagKeys`) in one shape; which of
 * them belong to which credential type is a rule (rules.ts), so a wrong field gets a clear message.
 */
export const credentialSpecSchema = z.looseObject({
  accessKey: optionalText('Access Key'),
  accessKeyRef: optionalText('Access Key reference'),
  secretKeyRef: optionalText('Secret Key reference'),
  sessionTokenRef: optionalText('Session Token reference'),
  iamRoleArn: optionalText('IAM role ARN'),
  oidcSessionTagKeys: z.array(z.string({ error: 'A session tag key must be text.' })).nullish(),
});
export type CredentialSpec = z.infer<typeof credentialSpecSchema>;

export const crossAccountAccessSchema = z.looseObject({
  crossAccountRoleArn: optionalText('Cross account role ARN'),
  externalId: optionalText('External Id'),
});
export type CrossAccountAccess = z.infer<typeof crossAccountAccessSchema>;

export const credentialSchema = z.looseObject(
  {
    type: z.enum(CREDENTIAL_TYPES, { error: enumError('Credential type', CREDENTIAL_TYPES) }),
    spec: credentialSpecSchema.nullish(),
    crossAccountAccess: crossAccountAccessSchema.nullish(),
    region: optionalText('Test Region'),
  },
  objectError('credential'),
);
export type Credential = z.infer<typeof credentialSchema>;

const delayMs = z.number({ error: 'Must be a number of milliseconds.' }).int('Must be a whole number.').min(0, 'Must not be negative.');

export const backoffSchema = z.looseObject({
  type: z.enum(BACKOFF_TYPES, { error: enumError('Backoff strategy type', BACKOFF_TYPES) }),
  spec: z
    .looseObject({
      fixedBackoff: delayMs.nullish(),
      baseDelay: delayMs.nullish(),
      maxBackoffTime: delayMs.nullish(),
      retryCount: z.number({ error: 'Must be a number.' }).int('Must be a whole number.').min(0, 'Must not be negative.').nullish(),
    })
    .nullish(),
});
export type Backoff = z.infer<typeof backoffSchema>;

export const awsSpecSchema = z.looseObject(
  {
    credential: credentialSchema,
    delegateSelectors: z.array(z.string({ error: 'A delegate selector must be text.' })).nullish(),
    executeOnDelegate: z.boolean({ error: 'executeOnDelegate must be true or false.' }).nullish(),
    awsSdkClientBackOffStrategyOverride: backoffSchema.nullish(),
    proxy: z.boolean({ error: 'proxy must be true or false.' }).nullish(),
  },
  objectError('spec'),
);
export type AwsSpec = z.infer<typeof awsSpecSchema>;

export const connectorSchema = z.looseObject(
  {
    name: text('Name'),
    identifier: text('Id'),
    description: optionalText('Description'),
    orgIdentifier: optionalText('Organization identifier'),
    projectIdentifier: optionalText('Project identifier'),
    // A tag without a value is `key: ""` in Harness's own export; `key:` (null) is kept as written.
    tags: z
      .record(z.string(), z.string({ error: 'A tag value must be text.' }).nullable(), { error: 'Tags must be a map of key: value.' })
      .nullish(),
    type: z.literal('Aws', {
      error: (issue) => (issue.input === undefined ? 'type is required.' : 'This is not an AWS connector: an AWS connector has type: Aws.'),
    }),
    spec: awsSpecSchema,
  },
  objectError('connector'),
);
export type Connector = z.infer<typeof connectorSchema>;

/** A whole connector file: `connector:` at the top, as Harness writes it. */
export const connectorDocumentSchema = z.looseObject({
  connector: connectorSchema,
});
export type ConnectorDocument = z.infer<typeof connectorDocumentSchema>;
