/**
 * EKS Pod Identity as AWS documents it (Amazon EKS User Guide: pod-identities, pod-id-how-it-works,
 * pod-id-role, pod-id-agent-setup, pod-id-association, pod-id-minimum-sdk; reference §9).
 */

/** The service principal a Pod Identity role trusts; the China docs (docs.amazonaws.cn) show the same one. */
export const POD_IDENTITY_PRINCIPAL = 'pods.eks.amazonaws.com';

/** AssumeRole to get the credentials, TagSession to put the cluster, namespace and service account on the session. */
export const POD_IDENTITY_ACTIONS = ['sts:AssumeRole', 'sts:TagSession'] as const;

/** Session tags EKS sends with the AssumeRole (pod-id-role): trust conditions on `aws:RequestTag/<tag>` scope the role. */
export const NAMESPACE_TAG = 'kubernetes-namespace';
export const SERVICE_ACCOUNT_TAG = 'kubernetes-service-account';

/**
 * Partitions whose EKS documentation shows Pod Identity and this principal: commercial and GovCloud
 * (docs.aws.amazon.com; the GovCloud user guide lists no Pod Identity difference) and China
 * (docs.amazonaws.cn). For the others nothing public says so [U].
 */
export const DOCUMENTED_PARTITIONS: ReadonlySet<string> = new Set(['aws', 'aws-us-gov', 'aws-cn']);

/** The add-on that runs the agent as a DaemonSet in kube-system; EKS Auto Mode has it built in. */
export const AGENT_ADDON = 'eks-pod-identity-agent';

/** What EKS injects into a pod whose service account has an association (pod-id-how-it-works). */
export const CREDENTIALS_URI_ENV = 'AWS_CONTAINER_CREDENTIALS_FULL_URI';
export const CREDENTIALS_URI = 'http://169.254.170.23/v1/credentials';
export const CREDENTIALS_URI_IPV6 = 'http://[fd00:ec2::23]/v1/credentials';
export const TOKEN_FILE_ENV = 'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE';
export const TOKEN_FILE = '/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token';

/**
 * The first AWS SDK for Java 1.x that reads those variables, which the Harness delegate uses (AWS
 * doc pod-id-minimum-sdk; aws/aws-sdk-java#3062 and #3104). An older one refuses the agent's address:
 * "… AWS_CONTAINER_CREDENTIALS_FULL_URI has an invalid host …".
 */
export const MIN_JAVA_V1_SDK = '1.12.746';
export const OLD_SDK_MESSAGE = 'has an invalid host';
/** The AWS CLI v2 that does, for the identity check inside the pod. */
export const MIN_AWS_CLI_V2 = '2.15.0';
