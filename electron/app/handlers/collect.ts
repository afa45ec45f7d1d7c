import type { collectChannels } from '../../../shared/ipc/channels/collect';
import { collectScript } from '../../services/collect/generate';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

export function collectHandlers(services: AppServices): HandlersOf<typeof collectChannels> {
  return {
    'collect.script': (options) => collectScript(options, services.appVersion),
  };
}
