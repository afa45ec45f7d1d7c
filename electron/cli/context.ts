import { createAppContext, type AppContext } from '../main/context';
import { defaultUserDataDir } from './user-data';
import { APP_NAME, APP_VERSION } from './version';

/** The same services the desktop app builds, without a window: for commands that need the database or keychain. */
export function openCliContext(dataDir?: string): AppContext {
  return createAppContext({
    appName: APP_NAME,
    appVersion: APP_VERSION,
    userDataDir: dataDir ?? defaultUserDataDir(),
    versions: { electron: 'not running (CLI)', chrome: 'not running (CLI)', node: process.versions.node, v8: process.versions.v8 },
  });
}
