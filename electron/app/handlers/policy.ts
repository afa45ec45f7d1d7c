import type { policyChannels } from '../../../shared/ipc/channels/policy';
import { checkPolicies } from '../../services/policy/check';
import type { HandlersOf } from '../ipc-router';

export function policyHandlers(): HandlersOf<typeof policyChannels> {
  return {
    'policy.check': (request) => checkPolicies(request),
  };
}
