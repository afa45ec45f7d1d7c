import { z } from 'zod';
import { secretRefSchema, secretValueSchema } from '../secrets/schema';
import { CREDENTIAL_TYPES } from './schema';
import { SECRET_REF_FIELDS } from './secret-refs';
import { connectorDocumentValueSchema, validConnectorDocumentSchema } from './validate';

export const connectorSummarySchema = z.object({
  identifier: z.string(),
  name: z.string(),
  description: z.string(),
  credentialType: z.enum(CREDENTIAL_TYPES),
  /** The region Harness tests in: the Test Region, or us-east-1 when none is set. */
  testRegion: z.string(),
  executeOnDelegate: z.boolean(),
  delegateSelectors: z.array(z.string()),
  crossAccount: z.boolean(),
  updatedAt: z.string(),
});
export type ConnectorSummary = z.infer<typeof connectorSummarySchema>;

export const secretStatusSchema = z.object({
  field: z.enum(SECRET_REF_FIELDS),
  ref: z.string(),
  /** `unknown` when the keychain did not answer. */
  status: z.enum(['stored', 'missing', 'unknown']),
  /** Other saved connectors naming the same secret; deleting this one keeps the secret for them. */
  usedBy: z.array(z.string()),
});
export type SecretStatus = z.infer<typeof secretStatusSchema>;

export const savedConnectorSchema = z.object({
  document: connectorDocumentValueSchema,
  secrets: z.array(secretStatusSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedConnector = z.infer<typeof savedConnectorSchema>;

export const connectorIdentifierSchema = z.string().min(1).max(200);

/**
 * Creates (no `identifier`) or updates the connector saved under `identifier`, which must be the
 * document's own: the Id is immutable after the first save. Secret values go to the keychain.
 */
export const saveConnectorRequestSchema = z
  .object({
    document: validConnectorDocumentSchema,
    identifier: connectorIdentifierSchema.optional(),
    secrets: z
      .array(z.object({ ref: secretRefSchema, value: secretValueSchema }).strict())
      .max(SECRET_REF_FIELDS.length)
      .default([]),
  })
  .strict();
export type SaveConnectorRequest = z.output<typeof saveConnectorRequestSchema>;
