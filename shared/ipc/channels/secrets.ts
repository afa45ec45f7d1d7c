import { z } from 'zod';
import { secretRefSchema, secretValueSchema } from '../../secrets/schema';
import { channel } from '../define';

export const secretsChannels = {
  'secrets.set': channel({
    args: z.object({ ref: secretRefSchema, value: secretValueSchema }).strict(),
    result: z.object({ ref: z.string(), stored: z.literal(true) }),
  }),
  'secrets.has': channel({
    args: z.object({ ref: secretRefSchema }).strict(),
    result: z.object({ ref: z.string(), exists: z.boolean() }),
  }),
  'secrets.delete': channel({
    args: z.object({ ref: secretRefSchema }).strict(),
    result: z.object({ ref: z.string(), deleted: z.boolean() }),
  }),
};
