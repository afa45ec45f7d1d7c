import type { PodIdentityGuide } from '../../../../shared/delegate/results';
import { DELEGATE_SELECTOR_REQUIRED } from '../../../../shared/connector/rules';
import { CREDENTIALS_URI_ENV, MIN_JAVA_V1_SDK, TOKEN_FILE_ENV } from './facts';

/**
 * Which connector credential type picks Pod Identity's credentials up, and why IRSA's cannot
 * (reference §1 and §9: InheritFromDelegate reads the delegate's container credentials, Irsa builds a
 * web identity provider; the webhook gives a Pod Identity pod no web identity variables).
 */
export const POD_IDENTITY_CONNECTOR: PodIdentityGuide['connector'] = {
  type: 'InheritFromDelegate',
  label: 'Assume IAM Role on Delegate',
  why: `Pod Identity hands the role to the delegate as container credentials (${CREDENTIALS_URI_ENV} and ${TOKEN_FILE_ENV}), which is what Assume IAM Role on Delegate reads: the delegate's own credentials, from its container or else its node.`,
  notIrsa: `Use IRSA cannot work: it assumes the role named in AWS_ROLE_ARN with the token in AWS_WEB_IDENTITY_TOKEN_FILE, and a Pod Identity pod gets neither, even while its service account still carries the IRSA annotation.`,
  notes: [
    `Keep the delegate selectors: this type runs on a delegate and needs at least one (Harness: "${DELEGATE_SELECTOR_REQUIRED}").`,
    `The delegate must carry the AWS SDK for Java ${MIN_JAVA_V1_SDK} or later; an older delegate image fails the connector test.`,
    "Harness's documentation does not name Pod Identity; this follows from how each credential type gets its credentials.",
  ],
};
