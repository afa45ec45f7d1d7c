import { randomUUID } from 'node:crypto';
import { createServices, type AppServices, type ServicesOptions } from '../../electron/app/services';
import { KeytarSecretStore } from '../../electron/services/secrets/keytar-store';
import type { SecretStore } from '../../electron/services/secrets/secret-store';
import { tempDir } from './temp-dir';

export interface TestContext {
  readonly ctx: AppServices;
  /** The keychain service name used only by this context, so tests never touch a user's entries. */
  readonly keychainService: string;
  dispose(): Promise<void>;
}

/** The real keychain, remembering every reference written so the test can remove them afterwards. */
function trackingStore(store: SecretStore, created: Set<string>): SecretStore {
  return {
    status: () => store.status(),
    get: (ref) => store.get(ref),
    has: (ref) => store.has(ref),
    delete: (ref) => store.delete(ref),
    set: async (ref, value) => {
      created.add(ref);
      await store.set(ref, value);
    },
  };
}

/**
 * The services the main process builds, from the same composition root, on a temp folder and a
 * keychain service of its own. `dispose` deletes every keychain entry the test created, closes the
 * database and removes the folder.
 */
export function createTestContext(overrides: Partial<Pick<ServicesOptions, 'env' | 'clock'>> = {}): TestContext {
  const dir = tempDir('awb-ctx-');
  const keychainService = `awb-test-${randomUUID()}`;
  const createdRefs = new Set<string>();
  const keychain = new KeytarSecretStore({ service: keychainService });
  const ctx = createServices({
    appName: 'AWS Connector Workbench',
    appVersion: '0.0.0-test',
    dataDir: dir.path,
    secrets: trackingStore(keychain, createdRefs),
    versions: { electron: 'not running (test)', chrome: 'Chromium (test)', node: process.versions.node, v8: process.versions.v8 },
    ...overrides,
  });
  return {
    ctx,
    keychainService,
    async dispose() {
      for (const ref of createdRefs) await keychain.delete(ref).catch(() => false);
      ctx.close();
      dir.remove();
    },
  };
}
