import { randomUUID } from 'node:crypto';
import { createAppContext, type AppContext } from '../../electron/main/context';
import { tempDir } from './temp-dir';

export interface TestContext {
  readonly ctx: AppContext;
  /** The keychain service name used only by this context, so tests never touch a user's entries. */
  readonly keychainService: string;
  dispose(): Promise<void>;
}

/**
 * The same context the main process builds, on a temp folder and a keychain service of its own.
 * `dispose` deletes every keychain entry the test created, closes the database and removes the folder.
 */
export function createTestContext(): TestContext {
  const dir = tempDir('awb-ctx-');
  const keychainService = `awb-test-${randomUUID()}`;
  const createdRefs = new Set<string>();
  const ctx = createAppContext({
    appName: 'AWS Connector Workbench',
    appVersion: '0.0.0-test',
    userDataDir: dir.path,
    keychainService,
    versions: { electron: 'not running (test)', chrome: 'Chromium (test)', node: process.versions.node, v8: process.versions.v8 },
  });
  const set = ctx.secrets.set.bind(ctx.secrets);
  ctx.secrets.set = async (ref, value) => {
    createdRefs.add(ref);
    await set(ref, value);
  };
  return {
    ctx,
    keychainService,
    async dispose() {
      for (const ref of createdRefs) await ctx.secrets.delete(ref).catch(() => false);
      ctx.close();
      dir.remove();
    },
  };
}
