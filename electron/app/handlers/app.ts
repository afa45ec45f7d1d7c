import type { appChannels } from '../../../shared/ipc/channels/app';
import { appInfo } from '../app-info';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

export function appHandlers(services: AppServices): HandlersOf<typeof appChannels> {
  return {
    'app.info': () => appInfo(services),
  };
}
