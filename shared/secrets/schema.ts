import { z } from 'zod';

export const keychainStatusSchema = z.object({
  available: z.boolean(),
  backend: z.string(),
  message: z.string(),
  fix: z.string(),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

/**
 * A Harness secret reference: an identifier, optionally scoped with `account.` or `org.`. Secret
 * identifiers are the one kind of Harness identifier that may contain hyphens.
 */
export const secretRefSchema = z
  .string()
  .min(1, 'A secret reference is required.')
  .max(200, 'A secret reference is at most 200 characters.')
  .regex(
    /^(account\.|org\.)?[a-zA-Z_][0-9a-zA-Z_$-]*$/,
    'A secret reference is an identifier (letters, digits, _, $, -), optionally prefixed with account. or org.',
  );

/** Secrets are capped so a runaway paste cannot fill the keychain; real AWS secrets are far shorter. */
export const secretValueSchema = z.string().min(1, 'The secret is empty.').max(8192, 'The secret is longer than 8192 characters.');
