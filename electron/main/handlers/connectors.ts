import type { AppContext } from '../context';
import type { Handlers } from '../ipc-router';

type ConnectorChannels =
  'connectors.list' | 'connectors.get' | 'connectors.save' | 'connectors.clone' | 'connectors.delete' | 'connectors.export';

export function connectorsHandlers(ctx: AppContext): Pick<Handlers, ConnectorChannels> {
  return {
    'connectors.list': (query) => ({ connectors: ctx.connectors.list(query?.search) }),
    'connectors.get': ({ identifier }) => ctx.connectors.get(identifier),
    'connectors.save': (request) => ctx.connectors.save(request),
    'connectors.clone': async ({ identifier }) => ({ connector: await ctx.connectors.clone(identifier) }),
    'connectors.delete': ({ identifier, deleteSecrets }) => ctx.connectors.delete(identifier, deleteSecrets),
    'connectors.export': ({ identifier }) => ctx.connectors.exportYaml(identifier),
  };
}
