import type { AppContext } from '../context';
import type { Handlers } from '../ipc-router';
import { appHandlers } from './app';
import { awsHandlers } from './aws';
import { connectorsHandlers } from './connectors';
import { delegateHandlers } from './delegate';
import { doctorHandlers } from './doctor';
import { historyHandlers } from './history';
import { policyHandlers } from './policy';
import { secretsHandlers } from './secrets';

/** Maps every contract channel to its service call; the type fails to compile if one is missing. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...connectorsHandlers(ctx),
    ...secretsHandlers(ctx),
    ...historyHandlers(ctx),
    ...delegateHandlers(),
    ...awsHandlers(ctx),
    ...doctorHandlers(),
    ...policyHandlers(),
  };
}
