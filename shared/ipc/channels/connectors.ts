import { z } from 'zod';
import { connectorIdentifierSchema, connectorSummarySchema, saveConnectorRequestSchema, savedConnectorSchema } from '../../connector/saved';
import { channel } from '../define';

const identifierArg = z.object({ identifier: connectorIdentifierSchema }).strict();

export const connectorsChannels = {
  'connectors.list': channel({
    args: z
      .object({ search: z.string().max(200).optional() })
      .strict()
      .optional(),
    result: z.object({ connectors: z.array(connectorSummarySchema) }),
  }),
  'connectors.get': channel({ args: identifierArg, result: savedConnectorSchema }),
  'connectors.save': channel({
    args: saveConnectorRequestSchema,
    result: z.object({ connector: connectorSummarySchema, secretsStored: z.array(z.string()) }),
  }),
  'connectors.clone': channel({ args: identifierArg, result: z.object({ connector: connectorSummarySchema }) }),
  'connectors.delete': channel({
    args: z.object({ identifier: connectorIdentifierSchema, deleteSecrets: z.boolean() }).strict(),
    result: z.object({ identifier: z.string(), secretsDeleted: z.array(z.string()), secretsKept: z.array(z.string()) }),
  }),
  'connectors.export': channel({ args: identifierArg, result: z.object({ fileName: z.string(), yaml: z.string() }) }),
};
