import type { KeychainStatus } from '../../../shared/secrets/schema';

/**
 * Where secret keys and session tokens live, keyed by their Harness secret reference. The app has
 * exactly one implementation (the OS keychain); the interface exists so that nothing but this
 * folder knows which library talks to the keychain.
 */
export interface SecretStore {
  status(): Promise<KeychainStatus>;
  set(ref: string, value: string): Promise<void>;
  /**
   * For the main process's own use (signing AWS requests, putting back a value a failed save replaced).
   * No IPC channel returns this value. A locked keyring is an error (`keychain_locked`), never null.
   */
  get(ref: string): Promise<string | null>;
  has(ref: string): Promise<boolean>;
  delete(ref: string): Promise<boolean>;
}
