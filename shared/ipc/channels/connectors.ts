import { z } from 'zod';
// Specific modules, not the connector index: the preload bundles the contract and needs no YAML parser.
import { CREDENTIAL_TYPES } from '../../connector/schema';
import { SECRET_REF_FIELDS } from '../../connector/secret-refs';
import { connectorDocumentValueSchema, validConnectorDocumentSchema } from '../../connector/validate';
import { channel } from '../define';
import { secretRefSchema } from './secrets';

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

const identifierArg = z.object({ identifier: z.string().min(1).max(200) }).strict();

export const connectorsChannels = {
  'connectors.list': channel({
    args: z
      .object({ search: z.string().max(200).optional() })
      .strict()
      .optional(),
    result: z.object({ connectors: z.array(connectorSummarySchema) }),
  }),
  'connectors.get': channel({ args: identifierArg, result: savedConnectorSchema }),
  /**
   * Creates (no `identifier`) or updates the connector saved under `identifier`, which must be the
   * document's own: the Id is immutable after the first save. Secret values go to the keychain.
   */
  'connectors.save': channel({
    args: z
      .object({
        document: validConnectorDocumentSchema,
        identifier: z.string().min(1).max(200).optional(),
        secrets: z
          .array(
            z
              .object({
                ref: secretRefSchema,
                value: z.string().min(1, 'The secret is empty.').max(8192, 'The secret is longer than 8192 characters.'),
              })
              .strict(),
          )
          .max(SECRET_REF_FIELDS.length)
          .default([]),
      })
      .strict(),
    result: z.object({ connector: connectorSummarySchema, secretsStored: z.array(z.string()) }),
  }),
  'connectors.clone': channel({ args: identifierArg, result: z.object({ connector: connectorSummarySchema }) }),
  'connectors.delete': channel({
    args: z.object({ identifier: z.string().min(1).max(200), deleteSecrets: z.boolean() }).strict(),
    result: z.object({ identifier: z.string(), secretsDeleted: z.array(z.string()), secretsKept: z.array(z.string()) }),
  }),
  'connectors.export': channel({ args: identifierArg, result: z.object({ fileName: z.string(), yaml: z.string() }) }),
};
