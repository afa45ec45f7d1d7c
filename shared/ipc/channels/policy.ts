import { policyCheckRequestSchema, policyCheckResultSchema } from '../../policy/schema';
import { channel } from '../define';

export const policyChannels = {
  /** Evaluates the chosen Harness use cases' actions against the given policies, with lint. */
  'policy.check': channel({ args: policyCheckRequestSchema, result: policyCheckResultSchema }),
};
