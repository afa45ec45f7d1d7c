import { oidcSetupInputSchema, oidcSetupResultSchema } from '../../oidc/setup';
import { channel } from '../define';

export const oidcChannels = {
  /** The AWS side of a Harness OIDC connector: the IAM OIDC provider, the role's trust policy and the commands. */
  'oidc.setup': channel({ args: oidcSetupInputSchema, result: oidcSetupResultSchema }),
};
