import { AppError } from '../../../shared/errors';
import type { KeychainStatus } from '../../../shared/secrets/schema';
import { keychainBackend, keychainFix, keyringUnlockFix } from './keychain-help';
import { defaultCollectionLocked } from './secret-service-lock';
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
  /** Whether the keyring is locked (undefined: cannot tell); injectable so a test can stand in for another OS's keychain. */
  readonly isLocked?: () => Promise<boolean | undefined>;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const LOCK_QUERY_TIMEOUT_MS = 5_000;

// A name no secret reference can take (references never contain ':'), so secrets.set cannot overwrite it.
const PROBE_ACCOUNT = 'awb:probe';

/**
 * Only the Secret Service hides a locked keyring behind "no such secret", so only there is the lock
 * asked for. A locked macOS keychain makes keytar fail (or macOS prompts), and Windows' Credential
 * Manager has no lock of its own, so neither can be mistaken for a missing secret.
 */
function lockQuery(platform: NodeJS.Platform, timeoutMs: number): () => Promise<boolean | undefined> {
  if (platform === 'darwin' || platform === 'win32') return async () => undefined;
  return () => defaultCollectionLocked(Math.min(timeoutMs, LOCK_QUERY_TIMEOUT_MS));
}

/** The OS keychain through keytar. Never falls back to storing anything in plain text. */
export class KeytarSecretStore implements SecretStore {
  private readonly service: string;
  private readonly platform: NodeJS.Platform;
  private readonly load: () => Promise<Keytar>;
  private readonly timeoutMs: number;
  private readonly isLocked: () => Promise<boolean | undefined>;
  private keytar: Promise<Keytar> | undefined;

  constructor(options: KeytarStoreOptions) {
    this.service = options.service;
    this.platform = options.platform ?? process.platform;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.load = options.load ?? (async () => ((await import('keytar')) as unknown as { default: Keytar }).default);
    this.isLocked = options.isLocked ?? lockQuery(this.platform, this.timeoutMs);
  }

  async status(): Promise<KeychainStatus> {
    const backend = keychainBackend(this.platform);
    // Asked before the probe: probing a locked keyring reads as "no secret" and can raise an unlock prompt.
    if (await this.isLocked()) {
      return {
        available: false,
        backend,
        message: `The ${backend} keyring is locked, so secrets can be neither read nor saved until it is unlocked.`,
        fix: keyringUnlockFix(),
      };
    }
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
    const value = await this.call((keytar) => keytar.getPassword(this.service, ref));
    if (value === null) await this.failIfLocked();
    return value;
  }

  async has(ref: string): Promise<boolean> {
    return (await this.get(ref)) !== null;
  }

  async delete(ref: string): Promise<boolean> {
    const deleted = await this.call((keytar) => keytar.deletePassword(this.service, ref));
    if (!deleted) await this.failIfLocked();
    return deleted;
  }

  private async failIfLocked(): Promise<void> {
    if (await this.isLocked()) throw this.lockedError();
  }

  private lockedError(): AppError {
    return new AppError(
      'keychain_locked',
      `The ${keychainBackend(this.platform)} keyring is locked, so no secret was stored or read.`,
      keyringUnlockFix(),
    );
  }

  private async module(): Promise<Keytar> {
    try {
      return await (this.keytar ??= this.load());
    } catch {
      this.keytar = undefined;
      throw new AppError(
        'keychain_unavailable',
        `The ${keychainBackend(this.platform)} could not be loaded on this machine, so no secret was stored.`,
        keychainFix(this.platform),
      );
    }
  }

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    const keytar = await this.module();
    try {
      return await this.withinTimeout(operation(keytar));
    } catch (error) {
      // A write to a locked keyring fails, and a read can wait on its unlock prompt: say which it is.
      if (await this.isLocked()) throw this.lockedError();
      if (error instanceof AppError) throw error;
      // The native error text can echo the request; the message stays generic on purpose.
      throw new AppError(
        'keychain_unavailable',
        `The ${keychainBackend(this.platform)} is not reachable, so no secret was stored or read.`,
        keychainFix(this.platform),
      );
    }
  }

  private async withinTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              'keychain_unavailable',
              `The ${keychainBackend(this.platform)} did not answer within ${Math.ceil(this.timeoutMs / 1000)} s (a locked keyring waiting for its password?), so the secret may not have been stored or read.`,
              keychainFix(this.platform),
            ),
          ),
        this.timeoutMs,
      );
    });
    try {
      return await Promise.race([work, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
