import { PARTITION_IDS } from '../../../shared/regions/partitions';
import { lazyRun, type Command } from '../command';

const USAGE = `Usage:
  awb delegate irsa --in <file> --service-account <name> --role-arn <arn> [--namespace <ns>] [--out <file>]
                    [--sts-regional-endpoints] [--region <region>] [--oidc-issuer <url>]
      Makes a Harness delegate manifest IRSA-ready: a ServiceAccount annotated with the role, the
      ClusterRoleBinding subject pointed at it, serviceAccountName in the pod spec. Everything else is
      kept byte for byte. Writes to --out, or to standard output. --region or --oidc-issuer let it
      check that the role is in the cluster's partition.
  awb delegate pod-identity --cluster <name> --namespace <ns> --service-account <name> --role-arn <arn>
                            [--region <region>]
      Prints the EKS Pod Identity commands: the agent add-on, the role, the association (aws eks
      create-pod-identity-association, and eksctl create podidentityassociation), the restart. Without
      --region the AWS CLI's configured region is used. Connectors then use "Assume IAM Role on
      Delegate" (InheritFromDelegate): a Pod Identity pod has no AWS_ROLE_ARN for "Use IRSA".
  awb delegate trust-policy --oidc-issuer <url> --namespace <ns> --service-account <name> --account <id>
      Prints the IAM trust policy that lets that service account assume the role (IRSA).
  awb delegate trust-policy --pod-identity [--partition <partition>] [--namespace <ns>] [--service-account <name>]
      Prints the trust policy of a Pod Identity role: pods.eks.amazonaws.com may sts:AssumeRole and
      sts:TagSession, limited to the namespace and service account when given. --partition (default
      aws) says where the role lives; outside aws, aws-us-gov and aws-cn a warning goes to standard error.

Exit codes: 0 done, 1 validation found errors (listed on standard error), 2 bad usage or unreadable input.`;

export const IRSA_FLAGS = {
  in: { type: 'string' },
  'service-account': { type: 'string' },
  'role-arn': { type: 'string' },
  namespace: { type: 'string' },
  out: { type: 'string' },
  'sts-regional-endpoints': { type: 'boolean' },
  region: { type: 'string' },
  'oidc-issuer': { type: 'string' },
} as const;

export const POD_IDENTITY_FLAGS = {
  cluster: { type: 'string' },
  namespace: { type: 'string' },
  'service-account': { type: 'string' },
  'role-arn': { type: 'string' },
  region: { type: 'string' },
} as const;

export const TRUST_FLAGS = {
  'oidc-issuer': { type: 'string' },
  namespace: { type: 'string' },
  'service-account': { type: 'string' },
  account: { type: 'string' },
  'pod-identity': { type: 'boolean' },
  partition: { type: 'string' },
} as const;

export const delegateCommand: Command = {
  name: 'delegate',
  summary: 'Make a Kubernetes delegate manifest IRSA-ready; print Pod Identity commands and IAM trust policies',
  usage: USAGE,
  subcommands: { irsa: IRSA_FLAGS, 'pod-identity': POD_IDENTITY_FLAGS, 'trust-policy': TRUST_FLAGS },
  hints: { in: 'file', out: 'file', partition: PARTITION_IDS },
  run: lazyRun(() => import('./delegate-run')),
};
