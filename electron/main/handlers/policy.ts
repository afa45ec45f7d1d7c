import { checkPolicies } from '../../services/policy/check';
import type { Handlers } from '../ipc-router';

export function policyHandlers(): Pick<Handlers, 'policy.check'> {
  return {
    'policy.check': (request) => checkPolicies(request),
  };
}
