import { lazyRun, type Command } from '../command';

const USAGE = `Usage:
  awb delegate irsa --in <file> --service-account <name> --role-arn <arn> [--namespace <ns>] [--out <file>]
                    [--sts-regional-endpoints] [--region <region>] [--oidc-issuer <url>]
      Makes a Harness delegate manifest IRSA-ready: a ServiceAccount annotated with the role, the
      ClusterRoleBinding subject pointed at it, serviceAccountName in the pod spec. Everything else is
      kept byte for byte. Writes to --out, or to standard output. --region or --oidc-issuer let it
      check that the role is in the cluster's partition.
  awb delegate trust-policy --oidc-issuer <url> --namespace <ns> --service-account <name> --account <id>
      Prints the IAM trust policy that lets that service account assume the role (IRSA).

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

export const TRUST_FLAGS = {
  'oidc-issuer': { type: 'string' },
  namespace: { type: 'string' },
  'service-account': { type: 'string' },
  account: { type: 'string' },
} as const;

export const delegateCommand: Command = {
  name: 'delegate',
  summary: 'Make a Kubernetes delegate manifest IRSA-ready; print its IAM trust policy',
  usage: USAGE,
  subcommands: { irsa: IRSA_FLAGS, 'trust-policy': TRUST_FLAGS },
  hints: { in: 'file', out: 'file' },
  run: lazyRun(() => import('./delegate-run')),
};
