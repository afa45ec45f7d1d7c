import { AppError } from '../../../shared/errors';
import type { KeychainStatus } from '../../../shared/secrets/schema';
import { keychainBackend, keychainFix } from './keychain-help';
import type { SecretStore } from './secret-store';
import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

export interface KeytarStoreOptions {
  /** The keychain "service" every entry is filed under; tests use their own so they never touch a user's entries. */
  readonly service: string;
  readonly platform?: NodeJS.Platform;
  /** Loads the native module; injectable so a test can prove what happens when it cannot load. */
  readonly load?: () => Promise<Keytar>;
  /**
   * How long one keychain call may take. A locked keyring can wait on an unlock prompt nobody sees
   * (no desktop session, a prompt behind the window); without a limit `app.info` and every save hang.
   */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

// A name no secret reference can take (references never contain ':'), so secrets.set cannot overwrite it.
const PROBE_ACCOUNT = 'awb:probe';

/** The OS keychain through keytar. Never falls back to storing anything in plain text. */
export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly platform: NodeJS.Platform;
  private readonly load: () => Promise<Keytar>;
  private readonly timeoutMs: number;
  private keytar: Promise<Keytar> | undefined;

  constructor(options: KeytarStoreOptions) {
    this.service = options.service;
    this.platform = options.platform ?? process.platform;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.load = options.load ?? (async () => ((await import('keytar')) as unknown as { default: Keytar }).default);
  }

  async status(): Promise<KeychainStatus> {
    const backend = keychainBackend(this.platform);
    try {
      await this.call((keytar) => keytar.getPassword(this.service, PROBE_ACCOUNT));
      return { available: true, backend, message: `Secrets are stored in the ${backend}.`, fix: '' };
    } catch {
      return {
        available: false,
        backend,
        message: `The ${backend} is not reachable; secrets cannot be saved until it is.`,
        fix: keychainFix(this.platform),
      };
    }
  }

  async set(ref: string, value: string): Promise<void> {
    await this.call((keytar) => keytar.setPassword(this.service, ref, value));
  }

  async get(ref: string): Promise<string | null> {
    return this.call((keytar) => keytar.getPassword(this.service, ref));
  }

  async has(ref: string): Promise<boolean> {
    return (await this.get(ref)) !== null;
  }

  async delete(ref: string): Promise<boolean> {
    return this.call((keytar) => keytar.deletePassword(this.service, ref));
  }

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    const backend = keychainBackend(this.platform);
    let keytar: Keytar;
    try {
      keytar = await (this.keytar ??= this.load());
    } catch {
      this.keytar = undefined;
      throw new AppError(
        'keychain_unavailable',
        `The ${backend} could not be loaded on this machine, so no secret was stored.`,
        keychainFix(this.platform),
      );
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              'keychain_unavailable',
              `The ${backend} did not answer within ${Math.ceil(this.timeoutMs / 1000)} s (a locked keyring waiting for its password?), so the secret may not have been stored or read.`,
              keychainFix(this.platform),
            ),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([operation(keytar), timedOut]);
    } catch (error) {
      if (error instanceof AppError) throw error;
      // The native error text can echo the request; the message stays generic on purpose.
      throw new AppError(
        'keychain_unavailable',
        `The ${backend} is not reachable, so no secret was stored or read.`,
        keychainFix(this.platform),
      );
    } finally {
      clearTimeout(timer);
    }
  }
}
