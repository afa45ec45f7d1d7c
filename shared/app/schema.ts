import { z } from 'zod';
import { appErrorSchema } from '../error-schema';
import { keychainStatusSchema } from '../secrets/schema';

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  versions: z.object({
    electron: z.string(),
    chrome: z.string(),
    node: z.string(),
    v8: z.string(),
    sqlite: z.string(),
  }),
  platform: z.string(),
  arch: z.string(),
  paths: z.object({ userData: z.string(), database: z.string() }),
  keychain: keychainStatusSchema,
  schemaVersion: z.number().int(),
  notices: z.array(appErrorSchema),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
