import { historyQuerySchema } from '../../../shared/history/schema';
import type { historyChannels } from '../../../shared/ipc/channels/history';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

const defaultQuery = historyQuerySchema.parse({});

export function historyHandlers(services: AppServices): HandlersOf<typeof historyChannels> {
  return {
    'history.list': (query) => services.history.list(query ?? defaultQuery),
  };
}
