import type { AppErrorValue } from '../../../shared/errors';
import type { AppInfo } from '../../../shared/app/schema';
import { api } from '../lib/api';

/** What the main process reports about itself: versions, paths, keychain status. Loaded once at start. */
class AppInfoStore {
  info = $state<AppInfo | null>(null);
  error = $state<AppErrorValue | null>(null);

  async load(): Promise<void> {
    const result = await api.app.info();
    if (result.ok) {
      this.info = result.value;
      this.error = null;
    } else {
      this.error = result.error;
    }
  }
}

export const appInfo = new AppInfoStore();
