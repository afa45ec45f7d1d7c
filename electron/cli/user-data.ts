import { homedir } from 'node:os';
import { join } from 'node:path';
import { APP_NAME } from './version';

/**
 * The folder Electron's `app.getPath('userData')` gives the desktop app, computed without Electron so
 * the CLI reads and writes the same history. `AWB_DATA_DIR` (or `--data-dir`) points elsewhere.
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.AWB_DATA_DIR) return env.AWB_DATA_DIR;
  const home = homedir();
  switch (platform) {
    case 'darwin':
      return join(home, 'Library', 'Application Support', APP_NAME);
    case 'win32':
      return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_NAME);
  }
}
