import { POLICY_LIMITS, policyCheckRequestSchema, policyCheckResultSchema } from '../../policy/schema';
import { channel } from '../define';

export const policyChannels = {
  /** Evaluates the chosen Harness use cases' actions against the given policies, with lint. */
  'policy.check': channel({
    args: policyCheckRequestSchema,
    result: policyCheckResultSchema,
    limits: {
      maxStringChars: POLICY_LIMITS.maxDocumentChars,
      maxTotalChars: POLICY_LIMITS.maxDocumentChars * (POLICY_LIMITS.maxDocuments * 2 + 4),
    },
  }),
};
