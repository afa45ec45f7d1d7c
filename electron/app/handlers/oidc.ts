import type { oidcChannels } from '../../../shared/ipc/channels/oidc';
import { harnessOidcSetup } from '../../services/oidc/setup';
import type { HandlersOf } from '../ipc-router';

export function oidcHandlers(): HandlersOf<typeof oidcChannels> {
  return { 'oidc.setup': (input) => harnessOidcSetup(input) };
}
