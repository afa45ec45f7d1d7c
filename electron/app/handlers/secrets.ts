import type { secretsChannels } from '../../../shared/ipc/channels/secrets';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

/** Set, check and delete. There is deliberately no handler that returns a secret's value. */
export function secretsHandlers(services: AppServices): HandlersOf<typeof secretsChannels> {
  return {
    'secrets.set': async ({ ref, value }) => {
      await services.secrets.set(ref, value);
      return { ref, stored: true as const };
    },
    'secrets.has': async ({ ref }) => ({ ref, exists: await services.secrets.has(ref) }),
    'secrets.delete': async ({ ref }) => ({ ref, deleted: await services.secrets.delete(ref) }),
  };
}
