import type { AppContext } from '../context';
import type { Handlers } from '../ipc-router';

export function historyHandlers(ctx: AppContext): Pick<Handlers, 'history.list'> {
  return {
    'history.list': (query) => ctx.history.list(query ?? { limit: 100 }),
  };
}
