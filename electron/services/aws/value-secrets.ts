import type { SecretStore } from '../secrets/secret-store';

/**
 * Secrets handed over directly (the CLI's --secret-key-stdin) behind the same `get` the keychain
 * offers, so a test run reads them exactly as it reads keychain entries. References not given here
 * (an encrypted access key, say) are read from `fallback`, normally the keychain.
 */
export function valueSecrets(values: Readonly<Record<string, string>>, fallback?: Pick<SecretStore, 'get'>): Pick<SecretStore, 'get'> {
  return {
    get: async (ref) => (Object.hasOwn(values, ref) ? (values[ref] ?? null) : fallback ? fallback.get(ref) : null),
  };
}
