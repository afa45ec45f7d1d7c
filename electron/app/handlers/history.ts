import type { historyChannels } from '../../../shared/ipc/channels/history';
import { compareInHistory, requireRun } from '../history-runs';
import type { HandlersOf } from '../ipc-router';
import type { AppServices } from '../services';

export function historyHandlers(services: AppServices): HandlersOf<typeof historyChannels> {
  return {
    'history.list': (query) => services.history.list(query),
    'history.show': ({ runId }) => requireRun(services, runId),
    'history.compare': ({ a, b }) => compareInHistory(services, b, a),
    'history.trend': (query) => services.history.trend(query),
    'history.delete': ({ runIds }) => ({ deleted: services.history.delete(runIds) }),
    'history.prune': (request) => services.history.prune(request),
    'history.getRetention': () => services.history.retention(),
    'history.setRetention': async (retention) => {
      services.history.setRetention(retention);
      return { retention, prune: await services.history.applyRetention() };
    },
  };
}
