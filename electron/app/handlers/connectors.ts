import type { connectorsChannels } from '../../../shared/ipc/channels/connectors';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

export function connectorsHandlers(services: AppServices): HandlersOf<typeof connectorsChannels> {
  return {
    'connectors.list': (query) => ({ connectors: services.connectors.list(query?.search) }),
    'connectors.get': ({ identifier }) => services.connectors.get(identifier),
    'connectors.save': (request) => services.connectors.save(request),
    'connectors.clone': async ({ identifier }) => ({ connector: await services.connectors.clone(identifier) }),
    'connectors.delete': ({ identifier, deleteSecrets }) => services.connectors.delete(identifier, deleteSecrets),
    'connectors.export': ({ identifier }) => services.connectors.exportYaml(identifier),
  };
}
