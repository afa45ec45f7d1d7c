import type { FindingClass } from '../../../shared/doctor/schema';
import type { AwsErrorClass } from '../../../shared/errors';

/**
 * What the doctor says about each class: a title, numbered fix steps that name the Harness connector
 * field, delegate setting or IAM change to make, and the question whose answer separates the class
 * from its look-alikes.
 */
export interface ClassInfo {
  readonly title: string;
  readonly fix: readonly string[];
  readonly decider: string;
}

const PROPAGATION = 'IAM changes can take up to about five minutes to take effect; wait, then run the connector test again.';

export const CLASS_INFO: Readonly<Record<FindingClass, ClassInfo>> = {
  invalid_access_key_id: {
    title: 'AWS does not recognise the access key ID',
    fix: [
      'In IAM → Users → Security credentials, check that the access key ID exists and is Active (aws iam list-access-keys --user-name <user>).',
      'In the Harness connector (AWS Access Key), re-enter the Access Key (or the secret behind accessKeyRef) exactly, without spaces; make sure Access Key and Secret Key are not swapped.',
      'If the key was rotated or deleted, create a new key pair and update both Harness secrets.',
      'For Assume IAM Role on Delegate / IRSA: check which credentials the delegate really picks up (stray AWS_ACCESS_KEY_ID variables on the delegate override the role).',
    ],
    decider: 'Does the key ID exist and is it Active in IAM of the expected account (aws iam list-access-keys)?',
  },
  secret_key_mismatch: {
    title: 'The secret access key does not match the access key ID',
    fix: [
      'Re-create the Harness secret used as Secret Key (secretKeyRef) from the original value: no leading/trailing spaces, newlines or quotes.',
      'Check the Access Key and Secret Key are a pair (same key in IAM) and not SMTP credentials.',
      'If in doubt, create a new access key in IAM and update both fields of the connector.',
    ],
    decider: 'Was the secret key copied with stray whitespace or from a different key pair?',
  },
  missing_session_token: {
    title: 'Temporary (ASIA…) credentials were sent without their session token',
    fix: [
      'Temporary keys (ASIA…) only work together with their session token; a Harness AWS Access Key connector stores long-term keys.',
      'Use a long-term IAM user key (AKIA…) in the connector, or switch the connector to Assume IAM Role on Delegate / IRSA / OIDC so credentials are refreshed automatically.',
      'If a session token must be used (API/Terraform sessionTokenRef), set it, and remember it expires.',
    ],
    decider: 'Does the access key ID start with ASIA (temporary), and was a session token sent with it?',
  },
  expired_credentials: {
    title: 'The temporary credentials have expired',
    fix: [
      'Temporary credentials (STS, assumed role, IRSA session) were used after their expiry; get fresh ones.',
      'In Harness, prefer credential types that refresh themselves (Assume IAM Role on Delegate, IRSA, OIDC) over pasting temporary keys into an AWS Access Key connector.',
      'If the delegate caches credentials, restart the delegate pod so it re-reads them.',
      'A Harness OIDC token (Use OIDC) lives about an hour and Harness mints a new one per run: a copied token expires; a credential_process helper that prints a past Expiration needs its cache fixed.',
    ],
    decider: 'Were the credentials temporary, and what was their Expiration time compared with the failure time?',
  },
  sso_session_expired: {
    title: 'The IAM Identity Center (SSO) session has expired',
    fix: [
      'Run aws sso login --profile <profile> on the machine that runs the command.',
      'A Harness delegate cannot refresh an SSO login interactively: use IRSA, an instance role or an IAM user key for the connector instead.',
      'An aws login session (login_session in the profile, AWS CLI 2.32 and later) lasts at most 12 hours: run aws login --profile <profile>; it cannot be refreshed on a delegate either.',
    ],
    decider: 'Is the credential source an SSO profile (sso_start_url / sso_session in ~/.aws/config)?',
  },
  temp_credentials_restricted: {
    title: 'These temporary credentials are not accepted by this API',
    fix: [
      'GetSessionToken credentials without MFA cannot call IAM or STS (except AssumeRole/GetCallerIdentity); Cloud9 managed credentials cannot call IAM/STS.',
      'Use long-term credentials or an assumed role for IAM operations, or include MFA when calling GetSessionToken.',
    ],
    decider:
      'Are the credentials from GetSessionToken without MFA, or Cloud9 managed temporary credentials, and is the failing call an IAM/STS call?',
  },
  clock_skew: {
    title: 'The request time is outside AWS’s window (clock skew)',
    fix: [
      'Sync the clock of the machine that signs the request (the delegate host or pod node): enable chrony/NTP (timedatectl set-ntp true) and check timedatectl status.',
      'In Kubernetes the pod uses the node clock: fix NTP on the node.',
      'If requests are signed long before they are sent (queued retries), sign just before sending.',
    ],
    decider: 'What is the difference between the host clock and real UTC time (date -u vs a time server)?',
  },
  permission_denied: {
    title: 'The identity is authenticated but not allowed to perform the action',
    fix: [
      'Add an Allow for the action (and resource) named in the error to a policy attached to the identity the connector uses; Harness always needs ec2:DescribeRegions to test a connector.',
      'Decode any "Encoded authorization failure message" with aws sts decode-authorization-message --encoded-message <msg> to see the exact action, resource and context.',
      'Run awb policy with the identity policies to see which actions are denied.',
      PROPAGATION,
    ],
    decider: 'Which identity (ARN) made the call and which policies are attached to it?',
  },
  explicit_deny: {
    title: 'An explicit Deny blocks the action',
    fix: [
      'Find the Deny: a service control policy (ask the AWS Organizations admin), an identity policy, or a resource policy; the error says which kind.',
      'Typical guardrails deny by region (aws:RequestedRegion) or require MFA (aws:MultiFactorAuthPresent): set the connector Test Region to an allowed region, or ask for an exception for the Harness role.',
      'An Allow never overrides an explicit Deny; adding permissions to the role will not help.',
      PROPAGATION,
    ],
    decider: 'Which policy contains the Deny (SCP, identity policy or resource policy) and what conditions does it test?',
  },
  permissions_boundary_deny: {
    title: 'The permissions boundary does not allow the action',
    fix: [
      'Add the action to the permissions boundary attached to the user or role (IAM → the principal → Permissions boundary), or remove the boundary.',
      'The identity policy alone is not enough: an action must be allowed by both the identity policy and the boundary.',
      PROPAGATION,
    ],
    decider: 'Is a permissions boundary attached to the principal, and does it allow the action?',
  },
  assume_role_denied: {
    title: 'sts:AssumeRole was refused',
    fix: [
      'The target role’s trust policy must trust the caller (the connector’s base identity) in Principal.AWS.',
      'The caller needs sts:AssumeRole on the target role ARN in its own policies.',
      'If the trust policy has an sts:ExternalId condition, set the same External Id in the connector’s cross-account access.',
      'Check the Cross account role ARN is a role ARN (arn:<partition>:iam::<account>:role/<name>), not a user ARN.',
      PROPAGATION,
    ],
    decider: 'Does the target role trust the caller, does the caller have sts:AssumeRole, and does the External Id match?',
  },
  role_session_duration_exceeded: {
    title: 'The requested session duration is longer than the role allows',
    fix: [
      'Request a shorter DurationSeconds, or raise the role’s Maximum session duration (IAM → Roles → the role → Edit).',
      'Role chaining (assuming a role from an assumed role) is limited to one hour whatever the role setting.',
    ],
    decider: 'What DurationSeconds was requested, what is the role’s MaxSessionDuration, and was the caller itself an assumed role?',
  },
  oidc_provider_missing: {
    title: 'The OIDC issuer is not registered as an IAM identity provider in the role’s account',
    fix: [
      'Create the IAM OIDC provider for the cluster: eksctl utils associate-iam-oidc-provider --cluster <cluster> --approve (or IAM → Identity providers → OpenID Connect, audience sts.amazonaws.com).',
      'The provider must be in the same account (and partition) as the role in eks.amazonaws.com/role-arn.',
      'The issuer URL must match the cluster exactly: aws eks describe-cluster --name <cluster> --query cluster.identity.oidc.issuer.',
      'For a Harness OIDC connector (Use OIDC) the issuer is https://app.harness.io/ng/api/oidc/account/<Harness account id>, client ID sts.amazonaws.com, Harness’s thumbprint: awb oidc setup prints the command.',
    ],
    decider: 'Does aws iam list-open-id-connect-providers in the role’s account list the cluster’s issuer?',
  },
  web_identity_trust_denied: {
    title: 'The role’s trust policy does not accept this web identity',
    fix: [
      'In the role’s trust policy, the Federated principal must be the cluster’s OIDC provider ARN, the Action sts:AssumeRoleWithWebIdentity.',
      'The <issuer>:sub condition must be system:serviceaccount:<delegate namespace>:<service account> (harness-delegate-ng and the delegate’s service account), and <issuer>:aud must be sts.amazonaws.com.',
      'Restart the delegate pod after changing the service account so the token is re-issued.',
      'For a Harness OIDC connector the Federated principal is the provider for app.harness.io/ng/api/oidc/account/<id>, :aud sts.amazonaws.com and a :sub (if any) of the form account/<id>:org/<org>:project/<project>, plus sts:TagSession when the connector passes session tags (awb oidc trust-policy prints one).',
      PROPAGATION,
    ],
    decider: 'Do the trust policy’s :sub and :aud conditions match the delegate’s namespace, service account and token audience?',
  },
  web_identity_token_rejected: {
    title: 'STS rejected the web identity token',
    fix: [
      'Audience: the projected token’s audience (eks.amazonaws.com/audience, default sts.amazonaws.com) must be a client ID of the IAM OIDC provider.',
      'Thumbprint: update the OIDC provider’s thumbprint if the issuer certificate changed.',
      'Make sure the token carries the aud claim the provider expects.',
      'For a Harness OIDC connector the audience (default sts.amazonaws.com) must be a client ID of the provider for app.harness.io/ng/api/oidc/account/<id>.',
    ],
    decider: 'What audience does the token carry, and which client IDs and thumbprints does the IAM OIDC provider list?',
  },
  oidc_idp_unreachable: {
    title: 'STS could not fetch the identity provider’s keys',
    fix: [
      'Usually transient on the IdP or AWS side: retry with backoff.',
      'If it persists, check the issuer’s /.well-known/openid-configuration and JWKS URL are publicly reachable over HTTPS.',
    ],
    decider: 'Is the issuer’s discovery document reachable from the internet right now?',
  },
  web_identity_token_file_error: {
    title: 'The web identity token file cannot be used',
    fix: [
      'Check the pod has AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN (kubectl describe pod … | grep AWS_): the service account needs the eks.amazonaws.com/role-arn annotation and the pod must be restarted after adding it.',
      'If the delegate runs as non-root, set the pod securityContext fsGroup so the projected token is readable.',
      'The token path must be a file: /var/run/secrets/eks.amazonaws.com/serviceaccount/token.',
      'EKS Pod Identity reads /var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token (AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE), which EKS mounts only in pods whose service account has an association.',
    ],
    decider: 'Does the token file exist in the pod, is it a file, and can the delegate’s user read it?',
  },
  no_credentials_found: {
    title: 'No credentials were found in the credential chain',
    fix: [
      'For Assume IAM Role on Delegate, the delegate host needs an instance profile (EC2) or task role (ECS); for EKS use IRSA and the Use IRSA credential type.',
      'Otherwise provide credentials: environment variables, a profile in ~/.aws/credentials, or an AWS Access Key connector.',
      'A timeout to 169.254.169.254 off EC2 means the chain fell through to instance metadata: nothing earlier in the chain was configured.',
      'A credential_process profile: run the command yourself; it must exit 0 and print JSON with "Version": 1, AccessKeyId and SecretAccessKey. EKS Pod Identity: the pod’s service account needs an association (aws eks list-pod-identity-associations).',
    ],
    decider:
      'Where should the credentials come from (environment, profile, instance role, IRSA), and is that source present where the command runs?',
  },
  profile_not_found: {
    title: 'The named AWS profile does not exist',
    fix: [
      'List profiles with aws configure list-profiles; fix AWS_PROFILE / --profile, or add the profile ([profile name] in ~/.aws/config, [name] in ~/.aws/credentials).',
    ],
    decider: 'Which profile name is requested and is it declared in ~/.aws/config or ~/.aws/credentials?',
  },
  imds_no_instance_role: {
    title: 'The machine has no IAM instance role',
    fix: [
      'Attach an instance profile with the needed policies to the EC2 instance running the delegate (EC2 → Actions → Security → Modify IAM role).',
      'On EKS, use IRSA (Use IRSA credential type) instead of the node role.',
    ],
    decider:
      'Does curl http://169.254.169.254/latest/meta-data/iam/security-credentials/ (with an IMDSv2 token) on the delegate host return a role name?',
  },
  imds_unreachable: {
    title: 'The instance metadata service cannot be reached',
    fix: [
      'In containers on EC2, IMDSv2 needs a hop limit of 2: aws ec2 modify-instance-metadata-options --instance-id <id> --http-put-response-hop-limit 2 --http-tokens required.',
      'Check network policies / iptables do not block 169.254.169.254 and that IMDS is enabled on the instance.',
      'On EKS prefer IRSA (Use IRSA) to node credentials; on Fargate IMDS is not available at all.',
      'EKS Pod Identity serves credentials at 169.254.170.23 through the eks-pod-identity-agent add-on (a DaemonSet, Linux EC2 nodes only): install it and check nothing blocks that address.',
    ],
    decider: 'Is the delegate on EC2 (IMDS should exist) or elsewhere (then this is really no credentials configured)?',
  },
  region_not_enabled: {
    title: 'The region is not enabled for the account',
    fix: [
      'Enable the opt-in region: AWS console → Account → AWS Regions → Enable (or aws account enable-region --region-name <region>).',
      'Or set the connector’s Test Region to a region enabled for the account.',
    ],
    decider: 'Is the region opt-in, and is it enabled in this account (aws account list-regions)?',
  },
  sts_token_not_valid_in_region: {
    title: 'The session token is not valid in this region',
    fix: [
      'Tokens from the global STS endpoint (sts.amazonaws.com) are not valid in opt-in regions: use the regional STS endpoint (AWS_STS_REGIONAL_ENDPOINTS=regional).',
      'Or set the account’s global endpoint token version to v2 (IAM → Account settings → Security Token Service).',
    ],
    decider: 'Were the temporary credentials issued by the global STS endpoint, and is the target region an opt-in region?',
  },
  sts_region_disabled: {
    title: 'STS is deactivated in this region for the account',
    fix: [
      'Activate STS in the region: IAM → Account settings → Security Token Service (STS) → Endpoints → Activate.',
      'Or call STS in another active region (the connector’s Test Region / AWS_REGION).',
    ],
    decider: 'Is the regional STS endpoint active in the account that owns the role?',
  },
  partition_mismatch: {
    title: 'Credentials and endpoint are in different AWS partitions',
    fix: [
      'GovCloud (aws-us-gov) and China (aws-cn) credentials only work in their own partition: set the connector Test Region to a region of that partition (for GovCloud us-gov-west-1 or us-gov-east-1).',
      'Make every ARN use the same partition (arn:aws-us-gov:…, arn:aws-cn:…).',
      'SDKs default to us-east-1: set AWS_REGION on the delegate to a region of the credentials’ partition.',
    ],
    decider: 'Which partition issued the credentials (GovCloud, China or commercial), and which region did the call go to?',
  },
  endpoint_resolution_error: {
    title: 'The client built an endpoint hostname that does not exist',
    fix: [
      'Use a region code (us-east-1), not an availability zone (us-east-1a), a partial name (eu) or an unfilled placeholder.',
      'Check the connector Test Region and AWS_REGION / AWS_DEFAULT_REGION on the delegate.',
    ],
    decider: 'Is the region in the hostname a real region code?',
  },
  network_unreachable: {
    title: 'The AWS endpoint cannot be reached over the network',
    fix: [
      'From the delegate, test the path: curl -v https://sts.<region>.amazonaws.com (DNS, TCP 443, TLS).',
      'If a proxy is required, set PROXY_HOST/PROXY_PORT (delegate) or HTTPS_PROXY/NO_PROXY; allow the STS and EC2 hostnames in the firewall.',
      'In Kubernetes, check CoreDNS and egress network policies.',
      'Run awb preflight to see which step (DNS, TCP, TLS, proxy) fails.',
    ],
    decider: 'Does a plain HTTPS request from the delegate to the endpoint succeed?',
  },
  tls_certificate_error: {
    title: 'TLS certificate verification failed',
    fix: [
      'A TLS-inspecting proxy (e.g. Zscaler) replaces AWS’s certificate: add the proxy’s root CA to the delegate’s trust store (Java keystore for the delegate; AWS_CA_BUNDLE for the CLI and SDKs).',
      'For the Harness delegate, mount the CA and set DESTINATION_CA_PATH / the documented custom certificate settings.',
      'Do not disable verification.',
    ],
    decider: 'Who issued the certificate the client received (openssl s_client -connect <host>:443 -showcerts)?',
  },
  throttling: {
    title: 'AWS is throttling the requests',
    fix: [
      'Reduce the call rate or add retries with backoff; in the connector set an AWS SDK backoff strategy override (EqualJitter/FullJitter with more retries).',
      'Spread many connectors/pipelines over time, or request a quota increase.',
    ],
    decider: 'How many calls per second does this identity make, across all pipelines and delegates?',
  },
  connector_misconfigured: {
    title: 'The connector configuration breaks a Harness rule',
    fix: ['Correct the connector field named in the evidence and save the connector again.'],
    decider: 'What does the connector YAML say for credential.type, delegateSelectors and executeOnDelegate?',
  },
  irsa_misconfigured: {
    title: 'The IRSA setup is incomplete',
    fix: [
      'Apply the IRSA edits to the delegate YAML (service account with eks.amazonaws.com/role-arn, serviceAccountName in the pod spec) and restart the delegate.',
    ],
    decider: 'Which service account does the delegate pod run as, and what role does it carry?',
  },
  access_key_info: {
    title: 'Access key ID',
    fix: [],
    decider: '',
  },
  input_facts: {
    title: 'What the input shows',
    fix: [],
    decider: '',
  },
  input_unreadable: {
    title: 'An input could not be read',
    fix: ['Paste the text of the error, log or YAML instead of a binary file.'],
    decider: '',
  },
};

/**
 * The classes each class is most often mistaken for, likeliest first: causes that share its AWS
 * wording or its symptom (a denied call, a chain that ended at instance metadata, a name that does
 * not resolve). A finding always lists them as alternatives, so a support engineer sees the next
 * checks even when the text carried no clue for them.
 */
export const CONFUSABLE: Readonly<Record<AwsErrorClass, readonly AwsErrorClass[]>> = {
  invalid_access_key_id: ['missing_session_token', 'partition_mismatch', 'secret_key_mismatch'],
  secret_key_mismatch: ['invalid_access_key_id', 'clock_skew'],
  missing_session_token: ['invalid_access_key_id', 'expired_credentials'],
  expired_credentials: ['sso_session_expired', 'clock_skew', 'missing_session_token'],
  sso_session_expired: ['expired_credentials', 'no_credentials_found', 'profile_not_found'],
  temp_credentials_restricted: ['invalid_access_key_id', 'missing_session_token', 'expired_credentials'],
  clock_skew: ['expired_credentials', 'invalid_access_key_id'],
  permission_denied: ['explicit_deny', 'assume_role_denied', 'permissions_boundary_deny'],
  explicit_deny: ['permission_denied', 'permissions_boundary_deny'],
  permissions_boundary_deny: ['explicit_deny', 'permission_denied'],
  assume_role_denied: ['permission_denied', 'web_identity_trust_denied', 'explicit_deny'],
  role_session_duration_exceeded: ['assume_role_denied', 'expired_credentials'],
  oidc_provider_missing: ['partition_mismatch', 'web_identity_token_rejected', 'web_identity_trust_denied'],
  web_identity_trust_denied: ['assume_role_denied', 'web_identity_token_rejected', 'oidc_provider_missing'],
  web_identity_token_rejected: ['web_identity_trust_denied', 'oidc_provider_missing', 'expired_credentials'],
  oidc_idp_unreachable: ['web_identity_token_rejected', 'network_unreachable'],
  web_identity_token_file_error: ['no_credentials_found', 'web_identity_trust_denied'],
  no_credentials_found: ['imds_unreachable', 'profile_not_found', 'imds_no_instance_role'],
  profile_not_found: ['no_credentials_found', 'sso_session_expired'],
  imds_no_instance_role: ['imds_unreachable', 'no_credentials_found'],
  imds_unreachable: ['no_credentials_found', 'imds_no_instance_role', 'network_unreachable'],
  region_not_enabled: ['sts_token_not_valid_in_region', 'explicit_deny', 'endpoint_resolution_error'],
  sts_token_not_valid_in_region: ['region_not_enabled', 'invalid_access_key_id', 'partition_mismatch'],
  sts_region_disabled: ['region_not_enabled', 'sts_token_not_valid_in_region'],
  partition_mismatch: ['invalid_access_key_id', 'endpoint_resolution_error', 'oidc_provider_missing'],
  endpoint_resolution_error: ['network_unreachable', 'region_not_enabled', 'partition_mismatch'],
  network_unreachable: ['endpoint_resolution_error', 'tls_certificate_error', 'imds_unreachable'],
  tls_certificate_error: ['network_unreachable', 'endpoint_resolution_error'],
  throttling: ['network_unreachable', 'assume_role_denied'],
};
