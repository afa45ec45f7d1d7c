import type { Handlers } from '../ipc-router';
import type { AppServices } from '../services';
import { appHandlers } from './app';
import { awsHandlers } from './aws';
import { collectHandlers } from './collect';
import { connectorsHandlers } from './connectors';
import { delegateHandlers } from './delegate';
import { doctorHandlers } from './doctor';
import { historyHandlers } from './history';
import { oidcHandlers } from './oidc';
import { policyHandlers } from './policy';
import { reportsHandlers } from './reports';
import { secretsHandlers } from './secrets';

/** Maps every contract channel to its service call; the type fails to compile if one is missing. */
export function createHandlers(services: AppServices): Handlers {
  return {
    ...appHandlers(services),
    ...connectorsHandlers(services),
    ...secretsHandlers(services),
    ...historyHandlers(services),
    ...delegateHandlers(),
    ...awsHandlers(services),
    ...doctorHandlers(),
    ...oidcHandlers(),
    ...collectHandlers(services),
    ...policyHandlers(),
    ...reportsHandlers(services),
  };
}
